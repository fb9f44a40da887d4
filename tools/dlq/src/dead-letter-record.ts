import { KafkaHeader } from '@platform/contracts';
import { DeadLetterHeader, type DeadLetterHistoryEntry } from '@platform/messaging';
import type { IHeaders, KafkaMessage } from 'kafkajs';

/** The envelope fields the tool looks at; the payload stays out of reach (and out of the output). */
export interface EnvelopeSummary {
  eventId: string;
  type: string;
  version?: number;
  occurredAt: string;
  source?: string;
  aggregateId?: string;
  correlationId?: string;
  causationId?: string;
}

/** One message of a DLQ topic: the original message as read, and what its dlq-* headers say. */
export interface DeadLetterRecord {
  dlqTopic: string;
  dlqPartition: number;
  dlqOffset: string;
  /** Key, value and headers exactly as read, for a faithful re-publish. */
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
  originalTopic?: string;
  originalPartition?: number;
  originalOffset?: string;
  consumerGroup?: string;
  attempts?: number;
  reason?: string;
  errorClass?: string;
  errorMessage?: string;
  failedAt?: string;
  /** Earlier failures (this one included), from dlq-history; empty when missing or damaged. */
  history: DeadLetterHistoryEntry[];
  /** Present when the value is an event envelope (JSON with eventId and occurredAt). */
  envelope?: EnvelopeSummary;
  eventId?: string;
  /** The envelope's type, else the event-type header, else `unknown`. */
  eventType: string;
}

/** The first value of a header as text (kafkajs gives Buffers, strings or arrays of them). */
export function headerText(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Every header as text, the first value of repeated ones. */
export function headersAsText(headers: IHeaders): Record<string, string> {
  const text: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headerText(headers, name);
    if (value !== undefined) text[name] = value;
  }
  return text;
}

function optionalNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

function parseHistory(text: string | undefined): DeadLetterHistoryEntry[] {
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as DeadLetterHistoryEntry[]) : [];
  } catch {
    return [];
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The envelope's metadata, or undefined when the value is not an event envelope. Only what the
 * tool needs is checked: the consumer validates the whole envelope when the event comes back.
 */
export function summarizeEnvelope(value: Buffer | null): EnvelopeSummary | undefined {
  if (value === null || value.length === 0) return undefined;
  let plain: unknown;
  try {
    plain = JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof plain !== 'object' || plain === null) return undefined;
  const fields = plain as Record<string, unknown>;
  const eventId = asString(fields['eventId']);
  const type = asString(fields['type']);
  const occurredAt = asString(fields['occurredAt']);
  if (eventId === undefined || type === undefined || occurredAt === undefined) return undefined;
  const summary: EnvelopeSummary = { eventId, type, occurredAt };
  if (typeof fields['version'] === 'number') summary.version = fields['version'];
  for (const name of ['source', 'aggregateId', 'correlationId', 'causationId'] as const) {
    const text = asString(fields[name]);
    if (text !== undefined) summary[name] = text;
  }
  return summary;
}

/** Reads one DLQ message. Never throws: a message missing headers is listed with what it has. */
export function toDeadLetterRecord(dlqTopic: string, partition: number, message: KafkaMessage): DeadLetterRecord {
  const headers = message.headers ?? {};
  const header = (name: string) => headerText(headers, name);
  const envelope = summarizeEnvelope(message.value);
  return {
    dlqTopic,
    dlqPartition: partition,
    dlqOffset: message.offset,
    key: message.key,
    value: message.value,
    headers,
    originalTopic: header(DeadLetterHeader.originalTopic),
    originalPartition: optionalNumber(header(DeadLetterHeader.originalPartition)),
    originalOffset: header(DeadLetterHeader.originalOffset),
    consumerGroup: header(DeadLetterHeader.consumerGroup),
    attempts: optionalNumber(header(DeadLetterHeader.attempts)),
    reason: header(DeadLetterHeader.reason),
    errorClass: header(DeadLetterHeader.errorClass),
    errorMessage: header(DeadLetterHeader.errorMessage),
    failedAt: header(DeadLetterHeader.failedAt),
    history: parseHistory(header(DeadLetterHeader.history)),
    envelope,
    eventId: envelope?.eventId,
    eventType: envelope?.type ?? header(KafkaHeader.eventType) ?? 'unknown',
  };
}
