import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { describeFilters, parseFilters, parseTime, selectDeadLetters, type Selectable } from './select.js';

function letter(
  partition: number,
  offset: number,
  failedAt: string | undefined,
  eventType = 'shop.order.placed',
  eventId?: string,
): Selectable {
  return { dlqPartition: partition, dlqOffset: String(offset), failedAt, eventType, eventId };
}

describe('parseFilters', () => {
  it('turns the flags into filters', () => {
    expect(
      parseFilters({
        type: 'shop.order.placed',
        since: '2026-11-20',
        until: '2026-11-21T12:30:00+01:00',
        eventId: '0193A2B4-0000-7000-8000-000000000001',
        limit: '25',
      }),
    ).toEqual({
      type: 'shop.order.placed',
      since: new Date('2026-11-20T00:00:00Z'),
      until: new Date('2026-11-21T11:30:00Z'),
      eventId: '0193a2b4-0000-7000-8000-000000000001',
      limit: 25,
    });
  });

  it('returns no filters for no flags', () => {
    expect(parseFilters({})).toEqual({});
  });

  it.each([
    [
      { since: 'yesterday' },
      '--since must be an ISO-8601 date or date-time, e.g. 2026-11-23 or 2026-11-23T08:30:00Z; got "yesterday"',
    ],
    [{ until: '2026-02-30' }, '--until 2026-02-30 is not a real date or time'],
    [{ since: '2026-11-23T25:00:00Z' }, '--since 2026-11-23T25:00:00Z is not a real date or time'],
    [
      { since: '2026-11-23T08:30:00' },
      '--since 2026-11-23T08:30:00 has no time zone: add Z for UTC or an offset such as +01:00',
    ],
    [{ since: '2026-11-22', until: '2026-11-21' }, '--since (2026-11-22) must be before --until (2026-11-21)'],
    [
      { since: '2026-11-22T00:00:00Z', until: '2026-11-22' },
      '--since (2026-11-22T00:00:00Z) must be before --until (2026-11-22)',
    ],
    [{ eventId: '42' }, '--event-id must be a UUID, got "42"'],
    [{ limit: '0' }, '--limit must be a positive whole number, got "0"'],
    [{ limit: '-3' }, '--limit must be a positive whole number, got "-3"'],
    [{ limit: '2.5' }, '--limit must be a positive whole number, got "2.5"'],
    [{ limit: 'ten' }, '--limit must be a positive whole number, got "ten"'],
    [{ type: '  ' }, '--type needs an event type, e.g. business.invoice.issued'],
  ])('rejects %o with one clear message', (flags, message) => {
    expect(() => parseFilters(flags)).toThrow(UsageError);
    expect(() => parseFilters(flags)).toThrow(message);
  });

  it('reads a date with an offset as the instant it names', () => {
    expect(parseTime('--since', '2026-11-23T08:30+02:00').toISOString()).toBe('2026-11-23T06:30:00.000Z');
  });
});

describe('selectDeadLetters', () => {
  const letters = [
    letter(1, 7, '2026-11-21T10:00:00.000Z', 'shop.order.placed', '0193a2b4-0000-7000-8000-000000000003'),
    letter(0, 3, '2026-11-20T10:00:00.000Z', 'shop.order.cancelled', '0193a2b4-0000-7000-8000-000000000001'),
    letter(0, 4, '2026-11-22T10:00:00.000Z', 'shop.order.placed', '0193a2b4-0000-7000-8000-000000000002'),
    letter(1, 8, undefined, 'unknown'),
  ];

  it('orders by failure time, earliest first, letters without a failure time last', () => {
    expect(selectDeadLetters(letters, {}).map((l) => `${l.dlqPartition}@${l.dlqOffset}`)).toEqual([
      '0@3',
      '1@7',
      '0@4',
      '1@8',
    ]);
  });

  it('breaks ties of failure time by partition and offset', () => {
    const same = '2026-11-20T10:00:00.000Z';
    const tied = [letter(1, 2, same), letter(0, 10, same), letter(0, 9, same)];
    expect(selectDeadLetters(tied, {}).map((l) => `${l.dlqPartition}@${l.dlqOffset}`)).toEqual(['0@9', '0@10', '1@2']);
  });

  it('selects by event type', () => {
    expect(selectDeadLetters(letters, { type: 'shop.order.placed' }).map((l) => l.dlqOffset)).toEqual(['7', '4']);
  });

  it('selects by event id', () => {
    expect(
      selectDeadLetters(letters, { eventId: '0193a2b4-0000-7000-8000-000000000002' }).map((l) => l.dlqOffset),
    ).toEqual(['4']);
  });

  it('selects a half-open range of failure times: since included, until excluded, unknown times out', () => {
    const selected = selectDeadLetters(letters, {
      since: new Date('2026-11-21T10:00:00.000Z'),
      until: new Date('2026-11-22T10:00:00.000Z'),
    });
    expect(selected.map((l) => l.dlqOffset)).toEqual(['7']);
  });

  it('cuts the selection to the limit after ordering', () => {
    expect(selectDeadLetters(letters, { limit: 2 }).map((l) => l.dlqOffset)).toEqual(['3', '7']);
  });

  it('describes the filters for the audit record with ISO times', () => {
    expect(describeFilters(parseFilters({ since: '2026-11-20', limit: '5' }))).toEqual({
      since: '2026-11-20T00:00:00.000Z',
      limit: 5,
    });
  });
});
