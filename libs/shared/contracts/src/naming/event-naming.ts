// One lower-case kebab-case name segment: `invoice`, `password-changed`.
const SEGMENT = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';

/** `<domain>.<aggregate>.<past-tense-verb>`, e.g. `business.invoice.issued`. */
export const EVENT_TYPE_PATTERN = new RegExp(`^${SEGMENT}\\.${SEGMENT}\\.${SEGMENT}$`);

/** `<domain>.<aggregate>.v<major>`, one topic per event family, e.g. `business.invoice.v1`. */
export const TOPIC_PATTERN = new RegExp(`^${SEGMENT}\\.${SEGMENT}\\.v[1-9][0-9]*$`);

/** A service name as used in `source`: lower-case kebab-case, e.g. `business-service`. */
export const SERVICE_NAME_PATTERN = new RegExp(`^${SEGMENT}$`);

// Past participles that do not end in -ed. A heuristic, not a dictionary: it stops `create`,
// `pay` or `send`, the usual slip of naming an event like a command.
const IRREGULAR_PAST = new Set([
  'begun',
  // States reached, not commands: `reminder-due` and `overdue` say what became true.
  'due',
  'overdue',
  'bought',
  'built',
  'chosen',
  'done',
  'drawn',
  'forgotten',
  'found',
  'frozen',
  'given',
  'held',
  'hidden',
  'kept',
  'known',
  'left',
  'lost',
  'made',
  'met',
  'paid',
  'put',
  'read',
  'rebuilt',
  'reset',
  'run',
  'sent',
  'set',
  'shown',
  'sold',
  'spent',
  'split',
  'taken',
  'undone',
  'withdrawn',
  'won',
  'written',
]);

/** True when the last word of a verb segment (`password-changed` → `changed`) is in the past tense. */
export function isPastTenseVerb(verb: string): boolean {
  const last = verb.slice(verb.lastIndexOf('-') + 1);
  return last.endsWith('ed') || IRREGULAR_PAST.has(last);
}

/** The `<domain>.<aggregate>` family of an event type or topic name. */
export function familyOf(name: string): string {
  return name.split('.').slice(0, 2).join('.');
}
