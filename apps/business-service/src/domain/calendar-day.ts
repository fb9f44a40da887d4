// Calendar days as `YYYY-MM-DD` strings, computed in UTC: a due date or a period is a day, not an instant.

/** The UTC calendar day of `instant`. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day `YYYY-MM-DD` (not 2026-02-30), from year 0001. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '0001') return false;
  const day = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(day.getTime()) && utcDay(day) === value;
}

/** `day` moved by `days` (negative: earlier). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
}

/**
 * The day `months` months after `day`, on `anchorDay` of that month or its last day when the
 * month is shorter (a schedule anchored on the 31st bills on 28/29 February, then 31 March).
 */
export function addMonths(day: string, months: number, anchorDay: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return utcDay(new Date(Date.UTC(year, month, Math.min(anchorDay, lastDay))));
}
