import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

const STAMPED = Symbol('bench.stampedEvents');

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes of one machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * The wall-clock time at which the transactions carrying given event ids committed, taken in
 * TypeORM's after-commit hook (the moment COMMIT was acknowledged), on the writers' side and on
 * the consumer's side alike, each in its own process.
 */
export class CommitStamps implements EntitySubscriberInterface {
  readonly at = new Map<string, number>();

  constructor(dataSource: DataSource) {
    (dataSource.subscribers as EntitySubscriberInterface[]).push(this);
  }

  /** Marks the open transaction of `manager` as carrying `eventIds`: its commit stamps them. */
  static mark(manager: EntityManager, eventIds: readonly string[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('CommitStamps.mark needs an open transaction');
    const data = runner.data as Record<symbol, string[] | undefined>;
    (data[STAMPED] ??= []).push(...eventIds);
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<symbol, string[] | undefined>;
    const ids = data[STAMPED];
    if (!ids) return;
    delete data[STAMPED];
    const now = wallClockMs();
    for (const id of ids) this.at.set(id, now);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return;
    delete (event.queryRunner.data as Record<symbol, unknown>)[STAMPED];
  }
}
