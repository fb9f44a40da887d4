import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

// Marks a query runner whose open transaction wrote outbox rows.
const WROTE_OUTBOX = Symbol('messaging.wroteOutbox');

type Listener = () => void;

/**
 * Tells the relay of this process that outbox rows were committed, so it publishes them at once
 * instead of at its next poll. It costs the writers nothing at commit (unlike NOTIFY, which takes
 * a database-wide lock); rows written by other processes are found by their relay or by polling.
 */
class OutboxSignal implements EntitySubscriberInterface {
  private readonly listeners = new Set<Listener>();

  // TypeORM calls this after every commit on the DataSource; only transactions that wrote rows wake the relay.
  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    // A released savepoint is not a commit: the rows become visible when the outer transaction ends.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<symbol, unknown>;
    if (!data[WROTE_OUTBOX]) return;
    delete data[WROTE_OUTBOX];
    for (const listener of this.listeners) listener();
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return;
    delete (event.queryRunner.data as Record<symbol, unknown>)[WROTE_OUTBOX];
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const signals = new WeakMap<DataSource, OutboxSignal>();

/** The signal of one DataSource, registered as its subscriber on first use. */
export function outboxSignal(dataSource: DataSource): OutboxSignal {
  let signal = signals.get(dataSource);
  if (!signal) {
    signal = new OutboxSignal();
    signals.set(dataSource, signal);
    (dataSource.subscribers as EntitySubscriberInterface[]).push(signal);
  }
  return signal;
}

/**
 * Records that the transaction of `runner` wrote outbox rows, so its commit wakes the relay;
 * returns false when it was already recorded (one wake-up, and one NOTIFY, per transaction).
 */
export function markOutboxWritten(runner: QueryRunner): boolean {
  const data = runner.data as Record<symbol, unknown>;
  if (data[WROTE_OUTBOX]) return false;
  data[WROTE_OUTBOX] = true;
  return true;
}
