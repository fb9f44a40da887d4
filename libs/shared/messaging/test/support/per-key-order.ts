import type { KafkaMessage } from 'kafkajs';
import type { Outbox } from '../../src/index.js';
import type { TestContracts, TestNoteAddedV1 } from '../../src/testing/index.js';

/**
 * Writes `perKey` notes for every key, round by round (sequence 0 of every key, then 1, ...),
 * one small transaction each, so relays running meanwhile compete for the rows.
 */
export async function writeNotesInRounds(
  outbox: Outbox,
  contracts: TestContracts,
  keys: readonly string[],
  perKey: number,
): Promise<void> {
  for (let sequence = 0; sequence < perKey; sequence += 1) {
    await Promise.all(
      keys.map((key) =>
        outbox.transaction((tx) =>
          tx.publish(contracts.noteAdded, { aggregateId: key, payload: { text: key, sequence } }),
        ),
      ),
    );
  }
}

/** The sequence numbers of `key`'s notes, in the order they were read from Kafka. */
export function sequencesOf(messages: readonly KafkaMessage[], key: string): number[] {
  return messages
    .filter((message) => String(message.key) === key)
    .map((message) => (JSON.parse(String(message.value)).payload as TestNoteAddedV1).sequence);
}
