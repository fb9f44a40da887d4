import type { QueryRunner } from 'typeorm';
import type { TextHeaders } from '../events/event-headers.js';
import { MessagingTable } from '../schema/messaging-tables.js';

/** A message as the consumer read it: enough to handle, park, or dead-letter it. */
export interface RawMessage {
  topic: string;
  partition: number;
  offset: string;
  /** The Kafka key as text; '' for a message without a key. */
  key: string;
  value: Buffer | string | null;
  headers: TextHeaders;
}

/** A parked event as stored: the original message, the attempts made and when to try next. */
export interface ParkedEvent extends RawMessage {
  id: string;
  eventId: string;
  eventType: string;
  attempts: number;
}

const TABLE = MessagingTable.parked;

/** True when `key` already has events waiting: a new event of that key must wait behind them. */
export async function isKeyParked(runner: QueryRunner, group: string, topic: string, key: string): Promise<boolean> {
  const rows = (await runner.query(
    `SELECT 1 FROM ${TABLE} WHERE consumer_group = $1 AND topic = $2 AND key = $3 LIMIT 1`,
    [group, topic, key],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * Appends a message to its key's queue. Parking the same offset twice (a redelivery after a crash
 * between parking and committing the offset) is a no-op.
 */
export async function parkEvent(
  runner: QueryRunner,
  group: string,
  message: RawMessage,
  event: { eventId: string; eventType: string },
  retry: { attempts: number; delayMs: number; lastError?: string },
): Promise<void> {
  await runner.query(
    `INSERT INTO ${TABLE}
       (consumer_group, topic, key, partition, "offset", event_id, event_type, headers, payload, attempts, next_attempt_at, last_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + make_interval(secs => $11), $12)
     ON CONFLICT (consumer_group, topic, partition, "offset") DO NOTHING`,
    [
      group,
      message.topic,
      message.key,
      message.partition,
      message.offset,
      event.eventId,
      event.eventType,
      message.headers,
      message.value?.toString() ?? '',
      retry.attempts,
      retry.delayMs / 1000,
      retry.lastError ?? null,
    ],
  );
}

/**
 * Locks and returns the first due event at the head of its key's queue, or undefined. Only a
 * head is ever returned, so a key's events are retried strictly in order, and SKIP LOCKED lets
 * several consumer instances work on different keys at once.
 */
export async function lockDueHead(runner: QueryRunner, group: string): Promise<ParkedEvent | undefined> {
  const rows = (await runner.query(
    `SELECT id, topic, key, partition, "offset", event_id, event_type, headers, payload, attempts
       FROM ${TABLE} p
      WHERE consumer_group = $1 AND next_attempt_at <= now()
        AND NOT EXISTS (
          SELECT 1 FROM ${TABLE} q
           WHERE q.consumer_group = p.consumer_group AND q.topic = p.topic AND q.key = p.key AND q.id < p.id)
      ORDER BY next_attempt_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
    [group],
  )) as {
    id: string;
    topic: string;
    key: string;
    partition: number;
    offset: string;
    event_id: string;
    event_type: string;
    headers: TextHeaders;
    payload: string;
    attempts: number;
  }[];
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    topic: row.topic,
    key: row.key,
    partition: row.partition,
    offset: String(row.offset),
    value: row.payload,
    headers: row.headers,
    eventId: row.event_id,
    eventType: row.event_type,
    attempts: row.attempts,
  };
}

/** Removes a parked event that was handled or dead-lettered; the next of its key becomes the head. */
export async function removeParked(runner: QueryRunner, id: string): Promise<void> {
  await runner.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]);
}

/** Records a failed retry and when to try again. */
export async function rescheduleParked(
  runner: QueryRunner,
  id: string,
  attempts: number,
  delayMs: number,
  lastError: string,
): Promise<void> {
  await runner.query(
    `UPDATE ${TABLE} SET attempts = $2, next_attempt_at = now() + make_interval(secs => $3), last_error = $4 WHERE id = $1`,
    [id, attempts, delayMs / 1000, lastError],
  );
}
