import { deadLetterTopicOf } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { toDeadLetterRecord, type DeadLetterRecord } from './dead-letter-record.js';
import { DlqError } from './errors.js';
import { readTopicToEnd, type ReadTopicOptions } from './read-topic.js';
import { matchesFilters, selectDeadLetters, type DeadLetterFilters } from './select.js';

/** The dead letters of one topic that passed the filters. */
export interface DeadLetterListing {
  dlqTopic: string;
  /** Messages read from the DLQ topic, selected or not. */
  read: number;
  /** Earliest failure first, at most `filters.limit`. */
  letters: DeadLetterRecord[];
}

/**
 * Reads `<topic>.dlq` up to its end at the time of the call and returns the dead letters the
 * filters select. DlqError when the DLQ topic does not exist.
 */
export async function readDeadLetters(
  kafka: Kafka,
  topic: string,
  filters: DeadLetterFilters,
  options: ReadTopicOptions = {},
): Promise<DeadLetterListing> {
  const dlqTopic = deadLetterTopicOf(topic);
  const matching: DeadLetterRecord[] = [];
  const { exists, read } = await readTopicToEnd(
    kafka,
    dlqTopic,
    (message, partition) => {
      const letter = toDeadLetterRecord(dlqTopic, partition, message);
      // Filtered while reading, so only the selection is held in memory.
      if (matchesFilters(letter, filters)) matching.push(letter);
    },
    options,
  );
  if (!exists) {
    const hint = topic.endsWith('.dlq') ? ` (--topic takes the original topic: try --topic ${topic.slice(0, -4)})` : '';
    throw new DlqError(`there is no topic ${dlqTopic}${hint}`);
  }
  return { dlqTopic, read, letters: selectDeadLetters(matching, filters) };
}
