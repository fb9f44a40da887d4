import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, QueryRunner } from 'typeorm';
import { retentionMetrics } from '../metrics/retention-metrics.js';
import { MessagingTable } from '../schema/messaging-tables.js';

/** How long a request's key and answer are kept: the gateway keeps its own as long. */
export const IDEMPOTENT_REQUEST_RETENTION_MS = 24 * 3600_000;

/**
 * How long after its commit a key without an answer is taken for a request still answering; later,
 * its process died between the commit and the answer, and the answer is lost for good.
 */
export const IDEMPOTENT_ANSWER_LOST_AFTER_MS = 30_000;

/** Options of IdempotentRequestsModule. */
export interface IdempotentRequestsModuleOptions {
  /** How long a key and its answer are kept (24 hours, as the gateway keeps its own). */
  retentionMs?: number;
  /** How often rows past the retention are deleted (10 minutes). */
  purgeIntervalMs?: number;
  /** When a committed request that has not answered counts as having lost its answer (30 s). */
  answerLostAfterMs?: number;
}

/** Injection token of the module's options. */
export const IDEMPOTENT_REQUESTS_OPTIONS = Symbol('messaging.idempotentRequests.options');

/** The request with an Idempotency-Key that the current async context is serving. */
export interface IdempotentRequestScope {
  /** Hash of method, route template, caller and the header's value. */
  readonly key: string;
  /** Hash of the request body: the same key with another body is another request. */
  readonly fingerprint: string;
  /** The caller's user id, when the gateway signed one. */
  readonly subject: string | null;
  /** The transaction that recorded the key; set before its COMMIT, cleared if it rolls back. */
  claimedBy?: QueryRunner;
  /** True once that transaction committed: the effect exists, and the answer must be stored. */
  claimed: boolean;
}

/** The answer stored for a key, as it is replayed. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A row of messaging_idempotent_request. `answer` is absent until the first answer was stored. */
export interface IdempotentRequestRecord {
  fingerprint: string;
  answer?: StoredAnswer;
  /** Milliseconds since the key was recorded (its transaction committed), by the database's clock. */
  ageMs: number;
}

// One per process: the interceptor opens a scope, the subscriber of every DataSource reads it.
export const idempotentRequestScope = new AsyncLocalStorage<IdempotentRequestScope>();

/** Thrown before COMMIT when another request with the same key committed first: the transaction rolls back. */
export class IdempotentRequestRaceError extends Error {
  constructor(readonly key: string) {
    super('another request with the same Idempotency-Key committed first');
    this.name = new.target.name;
  }
}

interface Row {
  fingerprint: string;
  age_ms: number;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

/** Reads the row of `key`, if a request with it committed. */
export async function findIdempotentRequest(
  manager: EntityManager,
  key: string,
): Promise<IdempotentRequestRecord | undefined> {
  const [row] = (await manager.query(
    `SELECT fingerprint, response_status, response_headers, response_body,
            (extract(epoch FROM now() - created_at) * 1000)::float8 AS age_ms
       FROM ${MessagingTable.idempotentRequest} WHERE key = $1`,
    [key],
  )) as Row[];
  if (!row) return undefined;
  if (row.response_status === null) return { fingerprint: row.fingerprint, ageMs: row.age_ms };
  return {
    fingerprint: row.fingerprint,
    ageMs: row.age_ms,
    answer: { status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body ?? '' },
  };
}

/**
 * Records the scope's key in the transaction of `runner`, about to commit. Returns false when a
 * row for the key exists already: a concurrent request with the same key committed first (the
 * INSERT waits for that transaction, so it sees its outcome).
 */
export async function claimIdempotentRequest(runner: QueryRunner, scope: IdempotentRequestScope): Promise<boolean> {
  const rows = (await runner.query(
    `INSERT INTO ${MessagingTable.idempotentRequest} (key, fingerprint, subject) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [scope.key, scope.fingerprint, scope.subject],
  )) as unknown[];
  return rows.length === 1;
}

/** Stores the answer of a claimed key, once; a later answer to the same key does not replace it. */
export async function completeIdempotentRequest(
  manager: EntityManager,
  key: string,
  answer: StoredAnswer,
): Promise<void> {
  await manager.query(
    `UPDATE ${MessagingTable.idempotentRequest}
        SET response_status = $2, response_headers = $3, response_body = $4, completed_at = now()
      WHERE key = $1 AND completed_at IS NULL`,
    [key, answer.status, JSON.stringify(answer.headers), answer.body],
  );
}

/** Forgets keys recorded longer ago than `retentionMs`: a retry after that runs again. Returns how many. */
export async function purgeIdempotentRequests(
  manager: EntityManager,
  retentionMs: number = IDEMPOTENT_REQUEST_RETENTION_MS,
): Promise<number> {
  const result = (await manager.query(
    `DELETE FROM ${MessagingTable.idempotentRequest} WHERE created_at < now() - make_interval(secs => $1)`,
    [retentionMs / 1000],
  )) as [unknown, number];
  const deleted = result[1] ?? 0;
  if (deleted > 0)
    retentionMetrics().inc('retention_rows_deleted_total', { table: MessagingTable.idempotentRequest }, deleted);
  return deleted;
}

/**
 * Deletes the stored requests of a person being erased (docs/decisions/0015), in the transaction of
 * `manager`: those they made, and those whose stored answer names them (a registration, made before
 * anyone was signed in). A retry of one of them afterwards runs again. Returns the rows deleted.
 */
export async function forgetIdempotentRequests(manager: EntityManager, userId: string): Promise<number> {
  const result = (await manager.query(
    `DELETE FROM ${MessagingTable.idempotentRequest} WHERE subject = $1 OR strpos(response_body, $1) > 0`,
    [userId],
  )) as [unknown, number];
  return result[1] ?? 0;
}
