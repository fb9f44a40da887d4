import {
  EventSubscriber,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
} from 'typeorm';
import { claimIdempotentRequest, IdempotentRequestRaceError, idempotentRequestScope } from './idempotent-requests.js';

/**
 * Records the Idempotency-Key of the request being served (`@IdempotentRoute()`) in the first
 * transaction it commits, just before COMMIT, so the key exists if and only if the effect does. A
 * concurrent request with the same key that committed first makes this transaction roll back
 * (IdempotentRequestRaceError), and the interceptor answers with the first request's answer.
 * List it in the DataSource's `subscribers` (`idempotentRequestSubscribers`).
 */
@EventSubscriber()
export class IdempotentRequestSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const scope = idempotentRequestScope.getStore();
    // A savepoint's release is not the commit; only the outermost transaction's counts.
    if (!scope || scope.claimed || scope.claimedBy || depth(event.queryRunner) > 1) return;
    if (!(await claimIdempotentRequest(event.queryRunner, scope))) throw new IdempotentRequestRaceError(scope.key);
    scope.claimedBy = event.queryRunner;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const scope = idempotentRequestScope.getStore();
    if (scope?.claimedBy === event.queryRunner && !event.queryRunner.isTransactionActive) scope.claimed = true;
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    const scope = idempotentRequestScope.getStore();
    if (scope && !scope.claimed && scope.claimedBy === event.queryRunner) scope.claimedBy = undefined;
  }
}

// TypeORM keeps the nesting depth protected; it counts 1 inside the outermost transaction.
function depth(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}

/** The subscribers to list in a service's DataSource options, as `messagingMigrations` is listed in its migrations. */
export const idempotentRequestSubscribers = [IdempotentRequestSubscriber];
