import { ROOT_CONTEXT, context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { redactText } from '@platform/logging';
import type { Producer } from 'kafkajs';
import type { TextHeaders } from '../events/event-headers.js';
import {
  DEAD_LETTER_ERROR_MESSAGE_LIMIT,
  DeadLetterHeader,
  deadLetterTopicOf,
  type DeadLetterHistoryEntry,
  type DeadLetterReason,
} from './dead-letter-headers.js';

/** A message as it was read from its topic, and why it cannot be handled. */
export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: TextHeaders;
  consumerGroup: string;
  attempts: number;
  reason: DeadLetterReason;
  error: unknown;
}

function errorClassOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name || error.name : typeof error;
}

function errorMessageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Redacted like a log line: an error message may quote the payload it choked on.
  return redactText(message).slice(0, DEAD_LETTER_ERROR_MESSAGE_LIMIT);
}

/** The history of a message that was dead-lettered before (and replayed), plus its new failure. */
function historyWith(headers: TextHeaders, entry: DeadLetterHistoryEntry): string {
  let history: DeadLetterHistoryEntry[] = [];
  try {
    const parsed: unknown = JSON.parse(headers[DeadLetterHeader.history] ?? '[]');
    if (Array.isArray(parsed)) history = parsed as DeadLetterHistoryEntry[];
  } catch {
    // A damaged history header is replaced rather than blocking the dead-lettering.
  }
  return JSON.stringify([...history, entry]);
}

/** Builds the DLQ record: the original key, value and headers, plus the DeadLetterHeader fields. */
export function deadLetterMessage(letter: DeadLetter, failedAt = new Date()) {
  const entry: DeadLetterHistoryEntry = {
    failedAt: failedAt.toISOString(),
    reason: letter.reason,
    errorClass: errorClassOf(letter.error),
    errorMessage: errorMessageOf(letter.error),
    attempts: letter.attempts,
    ...(letter.headers[DeadLetterHeader.replayId] ? { replayId: letter.headers[DeadLetterHeader.replayId] } : {}),
  };
  // Headers of an earlier dead-lettering are replaced, not repeated; the history keeps them.
  const original = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')));
  return {
    topic: deadLetterTopicOf(letter.topic),
    message: {
      // A keyless message is parked under the key '' (its queue); it goes out keyless again.
      key: letter.key === '' ? null : letter.key,
      value: letter.value,
      headers: {
        ...original,
        [DeadLetterHeader.originalTopic]: letter.topic,
        [DeadLetterHeader.originalPartition]: String(letter.partition),
        [DeadLetterHeader.originalOffset]: letter.offset,
        [DeadLetterHeader.consumerGroup]: letter.consumerGroup,
        [DeadLetterHeader.attempts]: String(letter.attempts),
        [DeadLetterHeader.reason]: letter.reason,
        [DeadLetterHeader.errorClass]: entry.errorClass,
        [DeadLetterHeader.errorMessage]: entry.errorMessage,
        [DeadLetterHeader.failedAt]: entry.failedAt,
        [DeadLetterHeader.history]: historyWith(letter.headers, entry),
      },
    },
  };
}

/** Sends a dead letter and waits for all in-sync replicas to have it, so it is never lost. */
export async function publishDeadLetter(producer: Producer, letter: DeadLetter): Promise<void> {
  const { topic, message } = deadLetterMessage(letter);
  await context.with(suppressTracing(ROOT_CONTEXT), () => producer.send({ topic, messages: [message], acks: -1 }));
}
