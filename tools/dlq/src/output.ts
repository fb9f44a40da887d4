import type { AuditRecord } from './audit-trail.js';
import { headersAsText, type DeadLetterRecord } from './dead-letter-record.js';
import type { DeadLetterListing } from './read-dead-letters.js';
import { positionOf } from './replay-plan.js';
import type { ReplayReport } from './replay.js';

/** One line, whatever the error message held. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `p0@12  2026-11-23T08:30:00.000Z  <eventId>  <type>  retries-exhausted  attempts=2  Error: boom` */
export function deadLetterLine(letter: DeadLetterRecord): string {
  const error = [letter.errorClass, letter.errorMessage].filter(Boolean).join(': ');
  return [
    positionOf(letter),
    letter.failedAt ?? '-',
    letter.eventId ?? '-',
    letter.eventType,
    letter.reason ?? '-',
    `attempts=${letter.attempts ?? '-'}`,
    oneLine(error) || '-',
  ].join('  ');
}

/**
 * A dead letter as one JSON object: where it is, why it failed, the envelope's metadata and the
 * original headers. The payload is left out: it may hold personal data, and a terminal or CI log
 * is no place for it.
 */
export function deadLetterJson(letter: DeadLetterRecord): string {
  const originalHeaders = Object.fromEntries(
    Object.entries(headersAsText(letter.headers)).filter(([name]) => !name.startsWith('dlq-')),
  );
  return JSON.stringify({
    dlqTopic: letter.dlqTopic,
    dlqPartition: letter.dlqPartition,
    dlqOffset: Number(letter.dlqOffset),
    originalTopic: letter.originalTopic ?? null,
    originalPartition: letter.originalPartition ?? null,
    originalOffset: letter.originalOffset === undefined ? null : Number(letter.originalOffset),
    consumerGroup: letter.consumerGroup ?? null,
    failedAt: letter.failedAt ?? null,
    reason: letter.reason ?? null,
    attempts: letter.attempts ?? null,
    errorClass: letter.errorClass ?? null,
    errorMessage: letter.errorMessage ?? null,
    eventId: letter.eventId ?? null,
    type: letter.eventType,
    key: letter.key?.toString('utf8') ?? null,
    envelope: letter.envelope ?? null,
    history: letter.history,
    headers: originalHeaders,
  });
}

/** The last line of `list`. */
export function listingCountLine(listing: DeadLetterListing): string {
  return `${plural(listing.letters.length, 'dead letter')} selected of ${listing.read} in ${listing.dlqTopic}`;
}

/** One line per selected dead letter of a replay run: replayed, would be, or refused and why. */
export function replayLines(report: ReplayReport): string[] {
  const { record } = report;
  // Published in this order, so when publishing failed half-way the first `replayed` went out.
  const lines = report.accepted.map((letter, index) => {
    const verb = record.dryRun ? 'would replay' : index < record.replayed ? 'replayed' : 'not replayed';
    return `${verb}  ${positionOf(letter)}  ${letter.eventId ?? '-'}  ${letter.eventType}`;
  });
  for (const { letter, why } of report.refused) {
    lines.push(`refused  ${positionOf(letter)}  ${letter.eventId ?? '-'}  ${letter.eventType}: ${why}`);
  }
  return lines;
}

/** The last line of `replay`. */
export function replaySummaryLine(report: ReplayReport, auditTopic: string): string {
  const { record } = report;
  const run = record.dryRun ? `dry run ${record.replayId}` : `replay ${record.replayId}`;
  const replayed = record.dryRun ? `${report.accepted.length} would be replayed` : `${record.replayed} replayed`;
  return (
    `${run}: ${plural(record.selected.length, 'dead letter')} selected of ${report.read} in ${report.dlqTopic || `${record.topic}.dlq`}, ` +
    `${replayed}, ${record.refused.length} refused; outcome ${record.outcome}; audited in ${auditTopic}`
  );
}

/** One audit record as a line. */
export function auditLine(record: AuditRecord): string {
  const flags = [record.dryRun ? 'dry-run' : '', record.forced ? 'forced' : ''].filter(Boolean).join(',');
  return [
    record.at,
    record.replayId,
    record.actor,
    record.topic,
    `${record.outcome}${flags ? ` (${flags})` : ''}`,
    `replayed ${record.replayed}/${record.selected.length}, refused ${record.refused.length}`,
    record.reason === null ? '-' : JSON.stringify(record.reason),
    ...(record.error ? [`error: ${oneLine(record.error)}`] : []),
  ].join('  ');
}

/** The last line of `audit`. */
export function auditCountLine(shown: number, topic: string): string {
  return `${plural(shown, 'replay run')} from ${topic}`;
}
