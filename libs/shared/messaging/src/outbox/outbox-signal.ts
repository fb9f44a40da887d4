import { getLogger } from '@platform/logging';
import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { OUTBOX_NOTIFY_CHANNEL } from '../schema/messaging-tables.js';

// Marks a query runner whose open transaction wrote outbox rows, with whether relays in other processes must hear of it.
const WROTE_OUTBOX = Symbol('messaging.wroteOutbox');

type Listener = () => void;

/** Whether a transaction's rows are announced to relays of this process only, or to every process. */
export type OutboxAnnouncement = 'process' | 'database';

/**
 * Tells relays that outbox rows were committed, so they publish them at once instead of at their
 * next poll. The relay of this process hears it in-process, for free. Relays of other processes
 * hear it through a NOTIFY sent after the commit, outside the writer's transaction: a NOTIFY
 * inside it would make the commit take PostgreSQL's database-wide notification lock, one writer
 * at a time (bench:outbox measured a third of the writers' throughput lost). Notifications are
 * coalesced: while one is on its way, later commits ask for one more, never one each.
 */
class OutboxSignal implements EntitySubscriberInterface {
  private readonly listeners = new Set<Listener>();
  private notifying = false;
  private notifyAgain = false;
  private lastFailureLoggedAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  // TypeORM calls this after every commit on the DataSource; only transactions that wrote rows wake relays.
  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    // A released savepoint is not a commit: the rows become visible when the outer transaction ends.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<symbol, OutboxAnnouncement | undefined>;
    const announcement = data[WROTE_OUTBOX];
    if (!announcement) return;
    delete data[WROTE_OUTBOX];
    for (const listener of this.listeners) listener();
    if (announcement === 'database') this.notify();
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return;
    delete (event.queryRunner.data as Record<symbol, unknown>)[WROTE_OUTBOX];
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // The rows are committed already: a failed NOTIFY only delays them until the relays' next poll.
  private notify(): void {
    if (isClosing(this.dataSource)) return;
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    this.notifyAgain = false;
    this.dataSource.query(`SELECT pg_notify($1, '')`, [OUTBOX_NOTIFY_CHANNEL]).then(
      () => this.notified(),
      (error: unknown) => {
        const now = Date.now();
        // A NOTIFY cut off by the DataSource's own shutdown is no failure worth a warning.
        if (!isClosing(this.dataSource) && now - this.lastFailureLoggedAt > 60_000) {
          this.lastFailureLoggedAt = now;
          getLogger('OutboxSignal').warn('Outbox NOTIFY failed; other processes find the rows at their next poll', {
            error,
          });
        }
        this.notified();
      },
    );
  }

  private notified(): void {
    this.notifying = false;
    if (this.notifyAgain) this.notify();
  }
}

/** True once `destroy()` began: TypeORM flags the DataSource only after its pool has ended. */
function isClosing(dataSource: DataSource): boolean {
  const pool = (dataSource.driver as { master?: { ending?: boolean } }).master;
  return !dataSource.isInitialized || pool?.ending === true;
}

const signals = new WeakMap<DataSource, OutboxSignal>();

/** The signal of one DataSource, registered as its subscriber on first use. */
export function outboxSignal(dataSource: DataSource): OutboxSignal {
  let signal = signals.get(dataSource);
  if (!signal) {
    signal = new OutboxSignal(dataSource);
    signals.set(dataSource, signal);
    (dataSource.subscribers as EntitySubscriberInterface[]).push(signal);
  }
  return signal;
}

/** Records that the transaction of `runner` wrote outbox rows, so its commit wakes the relays it names. */
export function markOutboxWritten(runner: QueryRunner, announcement: OutboxAnnouncement): void {
  const data = runner.data as Record<symbol, OutboxAnnouncement | undefined>;
  // One transaction may write through outboxes of both kinds: the wider announcement wins.
  if (data[WROTE_OUTBOX] !== 'database') data[WROTE_OUTBOX] = announcement;
}
