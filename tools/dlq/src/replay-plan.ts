import { DeadLetterHeader } from '@platform/messaging';
import type { IHeaders, Message } from 'kafkajs';
import type { DeadLetterRecord } from './dead-letter-record.js';
import { byFailureTime, compareOffsets } from './select.js';

const DAY_MS = 24 * 3600_000;

/** What a replay run may do. */
export interface ReplayRules {
  /** The original topic the run is about (--topic). */
  topic: string;
  /** The time the run started. */
  now: Date;
  /** Days the consumers keep inbox rows (INBOX_RETENTION_DAYS); older events are refused unless forced. */
  inboxRetentionDays: number;
  /** Replay events older than the inbox retention too. */
  force: boolean;
}

export interface Refusal {
  letter: DeadLetterRecord;
  why: string;
}

export interface ReplayPlan {
  /** To publish, in DLQ partition and offset order (a key's dead letters share a partition, so its order is kept). */
  accepted: DeadLetterRecord[];
  refused: Refusal[];
}

/** Where a dead letter sits, as the output shows it: `p<partition>@<offset>`. */
export function positionOf(letter: Pick<DeadLetterRecord, 'dlqPartition' | 'dlqOffset'>): string {
  return `p${letter.dlqPartition}@${letter.dlqOffset}`;
}

function refusalOf(letter: DeadLetterRecord, rules: ReplayRules): string | undefined {
  if (letter.originalTopic === undefined) {
    return `it has no ${DeadLetterHeader.originalTopic} header, so where it came from is unknown`;
  }
  if (letter.originalTopic !== rules.topic) {
    return `its ${DeadLetterHeader.originalTopic} is ${letter.originalTopic}, not ${rules.topic}`;
  }
  if (!letter.envelope) {
    return 'its value is not an event envelope (no eventId and occurredAt); replayed, it would only be dead-lettered again';
  }
  const occurredAt = Date.parse(letter.envelope.occurredAt);
  if (Number.isNaN(occurredAt)) return `its occurredAt "${letter.envelope.occurredAt}" is not a time`;
  const ageDays = (rules.now.getTime() - occurredAt) / DAY_MS;
  if (ageDays > rules.inboxRetentionDays && !rules.force) {
    return (
      `it occurred ${Math.floor(ageDays)} days ago (${letter.envelope.occurredAt}), more than the ${rules.inboxRetentionDays}-day inbox retention: ` +
      'consumers that already applied it may no longer recognise it and would apply it again; --force replays it anyway'
    );
  }
  return undefined;
}

/**
 * Decides, for each selected dead letter, whether it is replayed. Refused: dead letters of another
 * topic, values that are no event envelope, events older than the inbox retention (unless forced),
 * and all but the latest dead letter of one event (an event dead-lettered by two groups, or again
 * after a replay, is published once: every group of the topic receives it).
 */
export function planReplay(letters: readonly DeadLetterRecord[], rules: ReplayRules): ReplayPlan {
  const refused: Refusal[] = [];
  const candidates: DeadLetterRecord[] = [];
  for (const letter of letters) {
    const why = refusalOf(letter, rules);
    if (why === undefined) candidates.push(letter);
    else refused.push({ letter, why });
  }
  const latestOfEvent = new Map<string, DeadLetterRecord>();
  for (const letter of [...candidates].sort(byFailureTime)) latestOfEvent.set(letter.eventId ?? '', letter);
  const accepted: DeadLetterRecord[] = [];
  for (const letter of candidates) {
    const latest = latestOfEvent.get(letter.eventId ?? '');
    if (latest === letter) accepted.push(letter);
    else if (latest)
      refused.push({
        letter,
        why: `a later dead letter of the same event (${positionOf(latest)}) is replayed instead`,
      });
  }
  accepted.sort((a, b) => a.dlqPartition - b.dlqPartition || compareOffsets(a.dlqOffset, b.dlqOffset));
  return { accepted, refused };
}

/**
 * The message a dead letter is replayed as: its key, value and original headers (trace context,
 * correlation id, event type) unchanged, its dlq-* headers dropped except the history, and the
 * replay's id, which the consumer writes into the history if the event fails again.
 */
export function replayMessage(letter: DeadLetterRecord, replayId: string): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(letter.headers)) {
    if (value === undefined) continue;
    if (name.startsWith('dlq-') && name !== DeadLetterHeader.history) continue;
    headers[name] = value;
  }
  headers[DeadLetterHeader.replayId] = replayId;
  return { key: letter.key, value: letter.value, headers };
}
