import { RELIABLE_PRODUCER } from '@platform/messaging';
import type { Kafka, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditRecord, DEFAULT_AUDIT_TOPIC, type AuditRecord, type ReplayOutcome } from './audit-trail.js';
import type { DeadLetterRecord } from './dead-letter-record.js';
import { DlqError, UsageError } from './errors.js';
import { readDeadLetters } from './read-dead-letters.js';
import { planReplay, replayMessage, type Refusal } from './replay-plan.js';
import { describeFilters, type DeadLetterFilters } from './select.js';

/** Messages per produce request. */
const SEND_CHUNK = 500;

export interface ReplayOptions {
  kafka: Kafka;
  /** The original topic; its dead letters are read from `<topic>.dlq`. */
  topic: string;
  filters: DeadLetterFilters;
  /** List what would be replayed, publish nothing (the run is still audited). */
  dryRun?: boolean;
  /** Replay events older than the inbox retention too. */
  force?: boolean;
  /** Days the consumers keep inbox rows; default 7. */
  inboxRetentionDays?: number;
  /** Who replays, for the audit trail. */
  actor: string;
  /** Why (required unless dry run): the fix deployed, a ticket. */
  reason?: string;
  auditTopic?: string;
  /** The reading consumer's settings (tests pass a group id to check it is deleted). */
  readGroupId?: string;
}

/** What a run did: the audit record written, and the dead letters behind it. */
export interface ReplayReport {
  record: AuditRecord;
  dlqTopic: string;
  /** Messages read from the DLQ topic. */
  read: number;
  selected: DeadLetterRecord[];
  /** Replayed, or that would be in a dry run. */
  accepted: DeadLetterRecord[];
  refused: Refusal[];
}

/**
 * Re-publishes the selected dead letters of `topic` to it (see `replayMessage` for what is sent)
 * and appends one audit record, also for a dry run and for a run whose publishing failed.
 * Throws UsageError without a reason for a real replay; DlqError (after auditing) when the DLQ
 * cannot be read or publishing fails.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayReport> {
  const dryRun = options.dryRun ?? false;
  const reason = options.reason?.trim() || null;
  if (!dryRun && reason === null) {
    throw new UsageError(
      '--reason is required for a replay: say what was fixed (a ticket, a deploy); --dry-run needs none',
    );
  }
  const inboxRetentionDays = options.inboxRetentionDays ?? 7;
  const auditTopic = options.auditTopic ?? DEFAULT_AUDIT_TOPIC;
  const now = new Date();
  const report: ReplayReport = {
    record: {
      replayId: uuidv7(),
      actor: options.actor,
      at: now.toISOString(),
      topic: options.topic,
      filters: describeFilters(options.filters),
      dryRun,
      forced: options.force ?? false,
      reason,
      selected: [],
      replayed: 0,
      refused: [],
      outcome: 'failed',
    },
    dlqTopic: '',
    read: 0,
    selected: [],
    accepted: [],
    refused: [],
  };
  const { record } = report;
  const producer = options.kafka.producer(RELIABLE_PRODUCER);
  let failure: unknown;
  try {
    await producer.connect();
    try {
      const listing = await readDeadLetters(options.kafka, options.topic, options.filters, {
        groupId: options.readGroupId,
      });
      const plan = planReplay(listing.letters, { topic: options.topic, now, inboxRetentionDays, force: record.forced });
      Object.assign(report, { dlqTopic: listing.dlqTopic, read: listing.read, selected: listing.letters, ...plan });
      record.selected = listing.letters.map((letter) => ({
        eventId: letter.eventId ?? null,
        type: letter.eventType,
        dlqPartition: letter.dlqPartition,
        dlqOffset: Number(letter.dlqOffset),
      }));
      record.refused = plan.refused.map(({ letter, why }) => ({ eventId: letter.eventId ?? null, why }));
      if (!dryRun) await publish(producer, options.topic, plan.accepted, record);
      record.outcome = outcomeOf(record, plan.accepted.length);
    } catch (error) {
      failure = error;
      record.outcome = 'failed';
      record.error = error instanceof Error ? error.message : String(error);
    }
    await appendAuditRecord(options.kafka, producer, auditTopic, record).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      const done =
        failure === undefined ? `replayed ${record.replayed} event(s)` : `the replay failed (${record.error})`;
      failure = new DlqError(
        `${done}, but the audit record could not be written to ${auditTopic}: ${why}; the record was: ${JSON.stringify(record)}`,
      );
    });
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
  if (failure instanceof UsageError || failure instanceof DlqError) throw failure;
  if (failure !== undefined) {
    throw new DlqError(`replay ${record.replayId} failed after ${record.replayed} replayed event(s): ${record.error}`, {
      cause: failure,
    });
  }
  return report;
}

// One request per chunk; `record.replayed` counts what the broker acknowledged, so a failure
// half-way is audited with the number that did go out.
async function publish(
  producer: Producer,
  topic: string,
  letters: DeadLetterRecord[],
  record: AuditRecord,
): Promise<void> {
  for (let start = 0; start < letters.length; start += SEND_CHUNK) {
    const chunk = letters.slice(start, start + SEND_CHUNK);
    await producer.send({ topic, acks: -1, messages: chunk.map((letter) => replayMessage(letter, record.replayId)) });
    record.replayed += chunk.length;
  }
}

function outcomeOf(record: AuditRecord, accepted: number): ReplayOutcome {
  if (record.selected.length === 0) return 'ok';
  if (accepted === 0) return 'failed';
  return record.refused.length === 0 ? 'ok' : 'partial';
}
