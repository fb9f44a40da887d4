import type { Kafka, Producer } from 'kafkajs';
import { readTopicToEnd, type ReadTopicOptions } from './read-topic.js';

/** The topic every replay run (dry runs included) is recorded in; `DLQ_AUDIT_TOPIC` overrides it (tests do). */
export const DEFAULT_AUDIT_TOPIC = 'platform.dlq-replay-audit.v1';

/** The audit topic of an environment. */
export function auditTopicFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env['DLQ_AUDIT_TOPIC']?.trim() || DEFAULT_AUDIT_TOPIC;
}

/** How a replay run ended: everything selected replayed, some refused, or nothing replayed / publishing failed. */
export type ReplayOutcome = 'ok' | 'partial' | 'failed';

/** One replay run, as written to the audit topic. */
export interface AuditRecord {
  replayId: string;
  actor: string;
  /** When the run started (ISO, UTC). */
  at: string;
  /** The original topic. */
  topic: string;
  filters: Record<string, string | number>;
  dryRun: boolean;
  forced: boolean;
  reason: string | null;
  selected: { eventId: string | null; type: string; dlqPartition: number; dlqOffset: number }[];
  /** Messages published (0 for a dry run). */
  replayed: number;
  refused: { eventId: string | null; why: string }[];
  outcome: ReplayOutcome;
  error?: string;
}

/**
 * Creates the audit topic if it is missing: one partition, so the trail has one order, and no
 * time-based deletion, so the trail outlives the default 7-day retention of the broker.
 */
export async function ensureAuditTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(topic)) return;
    // Resolves false when another process created it first.
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Appends one record and waits for every in-sync replica to have it. */
export async function appendAuditRecord(
  kafka: Kafka,
  producer: Producer,
  topic: string,
  record: AuditRecord,
): Promise<void> {
  await ensureAuditTopic(kafka, topic);
  await producer.send({
    topic,
    acks: -1,
    messages: [
      { key: record.replayId, value: JSON.stringify(record), headers: { 'content-type': 'application/json' } },
    ],
  });
}

/** The audit trail, oldest run first; the last `limit` runs when a limit is given. Empty when the topic does not exist yet. */
export async function readAuditTrail(
  kafka: Kafka,
  topic: string,
  limit?: number,
  options: ReadTopicOptions = {},
): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  await readTopicToEnd(
    kafka,
    topic,
    (message) => {
      try {
        const parsed: unknown = JSON.parse(message.value?.toString('utf8') ?? '');
        if (typeof parsed === 'object' && parsed !== null && 'replayId' in parsed) records.push(parsed as AuditRecord);
      } catch {
        // Not ours: the trail shows the records it can read.
      }
    },
    options,
  );
  return limit === undefined ? records : records.slice(-limit);
}
