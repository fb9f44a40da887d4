/**
 * Column names that look like personal data: e-mails, names of people, addresses, tax ids, IP
 * addresses, user agents, phone numbers, recipients. A column matching one must carry a mark.
 * The match is by name only, so a column of personal data under a neutral name (`key`, `payload`)
 * is the migration author's to mark; the test catches the common names.
 */
const PERSONAL_NAMES: readonly RegExp[] = [
  /e_?mail/,
  // name, display_name, customer_name, surname, username...; names of things are listed below.
  /name$/,
  /address/,
  /(^|_)(tax_id|vat|vat_id|vat_number)($|_)/,
  /(^|_)ip($|_)/,
  /user_agent/,
  /phone/,
  /recipient/,
];

/**
 * Columns whose names match but hold no personal data. Each entry says why; a whole-name entry
 * (`*.<column>`) covers every table, a `<table>.<column>` entry one column.
 */
const NOT_PERSONAL: ReadonlyMap<string, string> = new Map([
  // TypeORM's own record of the applied migrations: class names.
  ['migrations.name', 'the class names of applied migrations'],
  // Names of things, not of people, whatever the table.
  ['*.event_name', 'an event type'],
  ['*.job_name', 'a scheduled job'],
  ['*.topic_name', 'a Kafka topic'],
  ['*.template_name', 'a message template'],
]);

/** Whether a column's name says it probably holds personal data, exceptions aside. */
export function looksPersonal(table: string, column: string): boolean {
  if (NOT_PERSONAL.has(`${table}.${column}`) || NOT_PERSONAL.has(`*.${column}`)) return false;
  const name = column.toLowerCase();
  return PERSONAL_NAMES.some((pattern) => pattern.test(name));
}
