import pg from 'pg';
import type { ChaosSystem } from './chaos-system.js';
import { AIMED_KILL_KINDS, AIMED_KILL_TARGETS, type AimedKillKind } from './fault-schedule.js';

/**
 * What an aimed kill achieved. `hit`: the transaction it aimed at was open at the kill and
 * PostgreSQL aborted it; `late`: it was seen open, but committed before the kill landed;
 * `fallback`: the moment was not seen within the bound, and the service was killed anyway.
 */
export type AimOutcome = 'hit' | 'late' | 'fallback';
export const AIM_OUTCOMES: readonly AimOutcome[] = ['hit', 'late', 'fallback'];

/** One aimed kill, as logged and counted. */
export interface AimedKillReport {
  kind: AimedKillKind;
  outcome: AimOutcome;
  /** What the service's backend was doing when it was killed (or why the aim fell back). */
  detail: string;
}

/** Outcomes per aimed kind, for the report. */
export type AimedKillCounts = Record<AimedKillKind, Record<AimOutcome, number>>;

export function emptyAimedKillCounts(): AimedKillCounts {
  const zero = () => Object.fromEntries(AIM_OUTCOMES.map((outcome) => [outcome, 0])) as Record<AimOutcome, number>;
  return Object.fromEntries(AIMED_KILL_KINDS.map((kind) => [kind, zero()])) as AimedKillCounts;
}

/** How long to look for the moment before falling back to a plain kill. */
const AIM_BOUND_MS = 30_000;
/** Pause between two looks: a relay's batch or a handler lasts a few milliseconds. */
const POLL_PAUSE_MS = 2;
/** How long PostgreSQL may take to notice the killed connection and end its transaction. */
const SETTLE_MS = 10_000;

// Columns every sighting reports; backend_xid is set once a transaction has written or locked a row.
const SIGHTING_COLUMNS = `a.pid, a.backend_xid::text AS xid, a.state,
  left(regexp_replace(a.query, '\\s+', ' ', 'g'), 100) AS query,
  round(extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::int AS open_ms`;
const OTHER_BACKENDS = `a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_xid IS NOT NULL`;

/**
 * The moment each kind waits for, read from outside the service in pg_stat_activity (the
 * statements are those of libs/shared/messaging; each service has a database of its own, so the
 * database names the service and no application_name is needed).
 */
const MOMENTS: Record<AimedKillKind, string> = {
  // OutboxRelay.publishPending: the claim (`WITH candidate ... FOR UPDATE SKIP LOCKED`) has locked
  // rows (so a transaction id exists) and the relay waits for Kafka, or has marked them published;
  // either way nothing is committed yet.
  'relay-kill-mid-batch': `SELECT ${SIGHTING_COLUMNS} FROM pg_stat_activity a
    WHERE ${OTHER_BACKENDS}
      AND (a.query LIKE 'WITH candidate AS MATERIALIZED%' OR a.query LIKE 'UPDATE messaging_outbox SET published_at%')
    LIMIT 1`,
  // EventProcessor: the inbox row is inserted (the transaction holds messaging_inbox's row-exclusive
  // lock until it ends) and the handler's own statements have started; not committing yet.
  'consumer-kill-mid-handler': `SELECT ${SIGHTING_COLUMNS} FROM pg_stat_activity a
    WHERE ${OTHER_BACKENDS}
      AND a.query NOT ILIKE '%messaging_inbox%' AND upper(a.query) NOT IN ('COMMIT', 'ROLLBACK')
      AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'relation'
                   AND l.relation = 'messaging_inbox'::regclass AND l.mode = 'RowExclusiveLock')
    LIMIT 1`,
};

interface Sighting {
  pid: number;
  xid: string;
  state: string;
  query: string;
  open_ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to a bound) until the target service's backend is at the kind's moment, SIGKILLs the
 * service at once and restarts it. Then asks PostgreSQL what became of the transaction it saw:
 * aborted is a hit, committed means the kill came too late. Nothing in the service helps: the
 * aim is read from pg_stat_activity by a connection of the run. `onKilled` is told once the kill
 * has happened (the run stops asking for traffic then).
 */
export async function aimedKill(
  system: ChaosSystem,
  kind: AimedKillKind,
  onKilled: () => void = () => undefined,
): Promise<AimedKillReport> {
  const target = AIMED_KILL_TARGETS[kind];
  const database = system.databases[target as keyof ChaosSystem['databases']];
  const client = new pg.Client({ connectionString: database, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const until = Date.now() + AIM_BOUND_MS;
    let seen: Sighting | undefined;
    while (!seen && Date.now() < until) {
      seen = (await client.query<Sighting>(MOMENTS[kind])).rows[0];
      if (!seen) await sleep(POLL_PAUSE_MS);
    }
    await system.kill(target);
    onKilled();
    const report = seen
      ? await judge(client, kind, seen)
      : { kind, outcome: 'fallback' as const, detail: `moment not seen within ${AIM_BOUND_MS / 1000} s: plain kill` };
    await system.restart(target);
    return report;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// The seen transaction's fate. Once the service is dead nobody can send its COMMIT, so anything
// but committed (aborted, or still in progress while a statement finishes) is a hit.
async function judge(client: pg.Client, kind: AimedKillKind, seen: Sighting): Promise<AimedKillReport> {
  const doing = `pid ${seen.pid} ${seen.state} for ${seen.open_ms} ms, xid ${seen.xid}, last statement "${seen.query}"`;
  const until = Date.now() + SETTLE_MS;
  let status = 'in progress';
  while (status === 'in progress' && Date.now() < until) {
    // A fresh cluster stays in xid epoch 0, so the 32-bit xid is the full one.
    const { rows } = await client.query<{ status: string | null }>('SELECT pg_xact_status($1::xid8) AS status', [
      seen.xid,
    ]);
    status = rows[0]?.status ?? 'unknown';
    if (status === 'in progress') await sleep(50);
  }
  return status === 'committed'
    ? { kind, outcome: 'late', detail: `${doing}: committed before the kill landed` }
    : { kind, outcome: 'hit', detail: `${doing}: ${status} at the kill` };
}
