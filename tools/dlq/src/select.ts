import { UsageError } from './errors.js';

/** Which dead letters a command works on; every field narrows the selection. */
export interface DeadLetterFilters {
  /** The envelope's event type, exactly. */
  type?: string;
  /** Failed at or after this time (the dlq-failed-at header). */
  since?: Date;
  /** Failed before this time. */
  until?: Date;
  /** One event, by its envelope's eventId. */
  eventId?: string;
  /** At most this many, the earliest failures first. */
  limit?: number;
}

/** The filter flags as typed on the command line. */
export interface FilterFlags {
  type?: string;
  since?: string;
  until?: string;
  eventId?: string;
  limit?: string;
}

/** What a dead letter must expose to be selected. */
export interface Selectable {
  eventId?: string;
  eventType: string;
  /** dlq-failed-at as written (ISO); undefined when the header is missing. */
  failedAt?: string;
  dlqPartition: number;
  dlqOffset: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A calendar date, or a date and time with seconds and fraction optional and a zone required:
// a time without a zone would be read in the machine's local time, which differs between operators.
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** An ISO-8601 date (midnight UTC) or date-time with a zone, as a Date; UsageError otherwise. */
export function parseTime(flag: string, text: string): Date {
  if (TIME_WITHOUT_ZONE.test(text)) {
    throw new UsageError(`${flag} ${text} has no time zone: add Z for UTC or an offset such as +01:00`);
  }
  const match = ISO_TIME.exec(text);
  if (!match) {
    throw new UsageError(
      `${flag} must be an ISO-8601 date or date-time, e.g. 2026-11-23 or 2026-11-23T08:30:00Z; got "${text}"`,
    );
  }
  // Date rolls 2026-02-30 over into March; a day or hour that does not exist is a typo.
  const [, year, month, day, hour, minute, second] = match;
  const valid =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysIn(Number(year), Number(month)) &&
    Number(hour ?? 0) <= 23 &&
    Number(minute ?? 0) <= 59 &&
    Number(second ?? 0) <= 59;
  const date = new Date(hour === undefined ? `${text}T00:00:00Z` : text);
  if (!valid || Number.isNaN(date.getTime())) throw new UsageError(`${flag} ${text} is not a real date or time`);
  return date;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A positive integer flag; UsageError otherwise. */
export function parsePositiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a positive whole number, got "${text}"`);
  }
  return value;
}

/** Checks the filter flags and turns them into filters; UsageError for the first bad one. */
export function parseFilters(flags: FilterFlags): DeadLetterFilters {
  const filters: DeadLetterFilters = {};
  if (flags.type !== undefined) {
    if (!flags.type.trim()) throw new UsageError('--type needs an event type, e.g. business.invoice.issued');
    filters.type = flags.type.trim();
  }
  if (flags.since !== undefined) filters.since = parseTime('--since', flags.since);
  if (flags.until !== undefined) filters.until = parseTime('--until', flags.until);
  if (filters.since && filters.until && filters.since.getTime() >= filters.until.getTime()) {
    throw new UsageError(`--since (${flags.since}) must be before --until (${flags.until})`);
  }
  if (flags.eventId !== undefined) {
    if (!UUID.test(flags.eventId)) throw new UsageError(`--event-id must be a UUID, got "${flags.eventId}"`);
    filters.eventId = flags.eventId.toLowerCase();
  }
  if (flags.limit !== undefined) filters.limit = parsePositiveInteger('--limit', flags.limit);
  return filters;
}

/** True when a dead letter passes every filter but the limit (the limit applies to the whole selection). */
export function matchesFilters(letter: Selectable, filters: DeadLetterFilters): boolean {
  if (filters.type !== undefined && letter.eventType !== filters.type) return false;
  if (filters.eventId !== undefined && letter.eventId?.toLowerCase() !== filters.eventId) return false;
  if (filters.since || filters.until) {
    const failedAt = failedAtMs(letter);
    // A dead letter without a failure time cannot be placed in a time range.
    if (Number.isNaN(failedAt)) return false;
    if (filters.since && failedAt < filters.since.getTime()) return false;
    if (filters.until && failedAt >= filters.until.getTime()) return false;
  }
  return true;
}

/** Orders dead letters by failure time (then partition and offset), earliest first. */
export function byFailureTime(a: Selectable, b: Selectable): number {
  const at = failedAtMs(a);
  const bt = failedAtMs(b);
  if (at !== bt) {
    if (Number.isNaN(at)) return 1;
    if (Number.isNaN(bt)) return -1;
    return at - bt;
  }
  return a.dlqPartition - b.dlqPartition || compareOffsets(a.dlqOffset, b.dlqOffset);
}

/** Kafka offsets are 64-bit integers as text. */
export function compareOffsets(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** The dead letters that pass the filters, earliest failure first, cut to the limit. */
export function selectDeadLetters<T extends Selectable>(letters: readonly T[], filters: DeadLetterFilters): T[] {
  const selected = letters.filter((letter) => matchesFilters(letter, filters)).sort(byFailureTime);
  return filters.limit === undefined ? selected : selected.slice(0, filters.limit);
}

/** The filters as they are written into an audit record. */
export function describeFilters(filters: DeadLetterFilters): Record<string, string | number> {
  return {
    ...(filters.type === undefined ? {} : { type: filters.type }),
    ...(filters.since === undefined ? {} : { since: filters.since.toISOString() }),
    ...(filters.until === undefined ? {} : { until: filters.until.toISOString() }),
    ...(filters.eventId === undefined ? {} : { eventId: filters.eventId }),
    ...(filters.limit === undefined ? {} : { limit: filters.limit }),
  };
}

function failedAtMs(letter: Selectable): number {
  return letter.failedAt === undefined ? Number.NaN : Date.parse(letter.failedAt);
}
