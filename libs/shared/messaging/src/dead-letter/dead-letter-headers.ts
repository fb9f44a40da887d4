/**
 * Headers a dead-lettered message carries besides its original ones; `tools/dlq` reads them to
 * list and replay. Names are lower-case, prefixed so they never collide with an event's own headers.
 */
export const DeadLetterHeader = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  /** Handler attempts made before giving up (0 for a malformed message, which is never handled). */
  attempts: 'dlq-attempts',
  /** `malformed`, `not-retryable` or `retries-exhausted`. */
  reason: 'dlq-reason',
  errorClass: 'dlq-error-class',
  /** The error message, cut to DEAD_LETTER_ERROR_MESSAGE_LIMIT characters. */
  errorMessage: 'dlq-error-message',
  /** UTC ISO-8601 time of the failure. */
  failedAt: 'dlq-failed-at',
  /** JSON list of earlier dead-letterings of this event ({ failedAt, reason, errorClass, errorMessage, attempts, replayId }). */
  history: 'dlq-history',
  /** Set by a replay: the id of the replay that re-published the message. */
  replayId: 'dlq-replay-id',
} as const;

/** Why a message was dead-lettered. */
export type DeadLetterReason = 'malformed' | 'not-retryable' | 'retries-exhausted';

/** Longest error message a DLQ header carries. */
export const DEAD_LETTER_ERROR_MESSAGE_LIMIT = 500;

/** The DLQ topic of a topic. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** One earlier failure, as kept in the history header. */
export interface DeadLetterHistoryEntry {
  failedAt: string;
  reason: DeadLetterReason;
  errorClass: string;
  errorMessage: string;
  attempts: number;
  /** The replay that brought the event back before this failure, if any. */
  replayId?: string;
}
