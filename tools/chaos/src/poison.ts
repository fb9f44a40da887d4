import { BUSINESS_INVOICE_TOPIC_V1, InvoicePaidV1Contract } from '@platform/contracts';
import { createEvent, RELIABLE_PRODUCER } from '@platform/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { ChaosSystem } from './chaos-system.js';
import type { Ledger, PoisonedEvent } from './ledger.js';
import { chaosKafka } from './observe.js';

/** How long one poisoned record may take to be acknowledged (it may meet a broker restart). */
const SEND_DEADLINE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The value of a poisoned record. The invoice topic is consumed by the notification-service
 * alone, so each poisoned record makes exactly one dead letter in `business.invoice.v1.dlq`.
 */
function poisonedValue(kind: PoisonedEvent['kind'], key: string): string {
  if (kind === 'malformed-envelope') return `{"poisoned on purpose by the chaos run": "${key}"`;
  // A real envelope of a type the consumer handles, whose payload lacks every field of the contract.
  const envelope = createEvent(InvoicePaidV1Contract, 'chaos-run', {
    aggregateId: key,
    payload: { poisonedOnPurpose: true } as never,
  });
  return JSON.stringify(envelope);
}

/**
 * Writes poisoned records to the invoice topic at the given moments (ms after `startedAt`),
 * alternating the two kinds, each under a key of its own. A record goes into the ledger before it
 * is sent, and is sent again until the broker acknowledges it (a resend of one that landed is a
 * second copy of the same key, which the check accepts: the DLQ is at least once too).
 */
export async function publishPoisonedEvents(
  system: ChaosSystem,
  ledger: Ledger,
  moments: number[],
  startedAt: number,
  log: (line: string) => void,
): Promise<void> {
  const producer = chaosKafka(system).producer(RELIABLE_PRODUCER);
  try {
    for (const [index, at] of moments.entries()) {
      const wait = startedAt + at - Date.now();
      if (wait > 0) await sleep(wait);
      const poisoned: PoisonedEvent = {
        topic: BUSINESS_INVOICE_TOPIC_V1,
        key: uuidv7(),
        kind: index % 2 === 0 ? 'invalid-payload' : 'malformed-envelope',
      };
      ledger.poisoned.push(poisoned);
      const value = poisonedValue(poisoned.kind, poisoned.key);
      const deadline = Date.now() + SEND_DEADLINE_MS;
      for (;;) {
        try {
          await producer.connect();
          await producer.send({ topic: poisoned.topic, acks: -1, messages: [{ key: poisoned.key, value }] });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await sleep(1_000);
        }
      }
      log(`poison ${poisoned.kind} to ${poisoned.topic} (key ${poisoned.key})`);
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}
