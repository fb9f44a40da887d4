/**
 * Redaction applied to every log record (and reused by error tracking): secrets are replaced,
 * e-mail addresses and people's names masked, deep inside objects, arrays and errors, without
 * mutating the input.
 */

export const REDACTED = '[REDACTED]';

/** Keys whose values are secrets, compared without case, dashes, underscores, dots or brackets. */
const SECRET_KEYS = new Set(
  [
    'password',
    'passwd',
    'pwd',
    'passphrase',
    'token',
    'jwt',
    'sessionId',
    'secret',
    'apiKey',
    'accessKey',
    'privateKey',
    'secretKey',
    'authorization',
    'proxyAuthorization',
    'cookie',
    'cookies',
    'setCookie',
    'credentials',
    'otp',
    'creditCard',
    'cardNumber',
    'cvv',
    'cvc',
    'pan',
    'iban',
    'dsn',
  ].map(normalizeKey),
);

/** Words that mark a secret anywhere in a key (`passwordHash`, `password_confirmation`, `secretKey`). */
const SECRET_KEY_PARTS = ['password', 'passwd', 'secret'];
/**
 * Key endings that mark a secret (`refreshToken`, `x-api-key`, `X-Amz-Signature`, the settings
 * `IDENTITY_SIGNING_KEY` and `JWT_PRIVATE_JWKS`). Endings, not parts, for these: `tokenType` or
 * `tokenCount` are harmless and common, and a bare `key` ending would hide `idempotencyKey`.
 */
const SECRET_KEY_SUFFIXES = ['token', 'apikey', 'signature', 'signingkey', 'privatejwks'];

/**
 * Keys whose values name a person (a user's display name, an e-mail's greeting, an invoice's
 * addressee). A name cannot be told from other text, so it is masked by the key that holds it;
 * a bare `name` is not among them: jobs, breakers, errors and topics have names too.
 */
const PERSONAL_NAME_KEYS = new Set(
  [
    'displayName',
    'fullName',
    'firstName',
    'lastName',
    'givenName',
    'familyName',
    'surname',
    'userName',
    'personName',
    'recipientName',
    'customerName',
    'ownerName',
    'memberName',
    'contactName',
  ].map(normalizeKey),
);

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.\s[\]]/g, '');
}

function computeIsSecretKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return (
    SECRET_KEYS.has(normalized) ||
    SECRET_KEY_PARTS.some((part) => normalized.includes(part)) ||
    SECRET_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix))
  );
}

/** What a value under a key is: a secret (replaced), a person's name (masked), or anything else. */
type KeyKind = 'secret' | 'name' | 'plain';

// Every key of every record is checked (a dozen per log line), and the same few dozen names come
// back on every line; the answer is remembered instead of lower-casing and scanning each time.
// Bounded, so that keys taken from data (a map logged as an object) cannot grow it without end.
const MAX_CACHED_KEYS = 2048;
const keyKindCache = new Map<string, KeyKind>();

function keyKind(key: string): KeyKind {
  const cached = keyKindCache.get(key);
  if (cached !== undefined) return cached;
  const kind: KeyKind = computeIsSecretKey(key)
    ? 'secret'
    : PERSONAL_NAME_KEYS.has(normalizeKey(key))
      ? 'name'
      : 'plain';
  if (keyKindCache.size < MAX_CACHED_KEYS) keyKindCache.set(key, kind);
  return kind;
}

/** True when a value under this key must never be written out. */
export function isSecretKey(key: string): boolean {
  return keyKind(key) === 'secret';
}

/** True when a value under this key names a person (`displayName`, `recipientName`...): it is masked. */
export function isPersonalNameKey(key: string): boolean {
  return keyKind(key) === 'name';
}

/** `A***` for a person's name: its first character kept, as e-mails keep theirs. */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? name : `${first}***`;
}

/** A value under `key` as written out: a secret replaced, a name masked, anything else as it is. */
function byKey(key: string, value: unknown): { done: true; value: unknown } | { done: false } {
  if (value === undefined || value === null || value === '') return { done: false };
  const kind = keyKind(key);
  if (kind === 'secret') return { done: true, value: REDACTED };
  if (kind === 'name' && typeof value === 'string') return { done: true, value: maskName(value) };
  return { done: false };
}

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// 13-19 contiguous digits, or grouped the way cards are printed: 4-4-4-(1..7) or Amex 4-6-5,
// by spaces or dashes; checked with Luhn to spare most order numbers. Never inside a longer
// token: a UUID (`…-1e47-4123-8123-456789012345`) holds digit runs that would pass Luhn.
const CARD_CANDIDATE = /(?<![\w-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5})(?![\w-])/g;
const EMAIL = /([A-Za-z0-9._%+-])([A-Za-z0-9._%+-]*)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// The user may be empty: Redis URLs carry a password alone (`redis://:password@host`).
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)([^/\s:@]*):([^/\s@]+)@/gi;
// `password=…` in query strings, form bodies and connection strings inside free text.
const KEY_EQUALS_VALUE = /([A-Za-z0-9_.\-[\]]+)=([^&\s"',;#]+)/g;
// `"password":"…"` in JSON text (a body logged as a string, an upstream's error response).
const JSON_PAIR = /"([A-Za-z0-9_.-]{1,64})"(\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/g;

/** Luhn checksum of a string of digits: true for real card numbers, false for 90% of other numbers. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Something every pattern below needs in order to match: `=` (pairs), `@` (e-mails, URL
 * credentials), `"` (JSON pairs), `eyJ` (JWTs), eight digits with at most one space or dash
 * between the fourth and fifth, not inside a longer token (the start of every card form), or
 * `bearer `/`basic `. Most strings of a record (ids, routes, messages, timestamps) have none of
 * them; one test then replaces seven scans.
 */
const MAY_HOLD_SECRET = /[=@"]|eyJ|(?<![\w-])\d{4}[ -]?\d{4}|(?:bearer|basic)\s/i;

/**
 * Masks what looks secret inside free text: bearer/basic credentials, JWTs, card numbers, URL
 * passwords, `secret=value` and `"secret": value` pairs, e-mails (`a***@example.com`) and names
 * in JSON text (`"displayName": "A***"`).
 */
export function redactText(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return text
    .replace(BEARER, (_, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(URL_CREDENTIALS, (_, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`)
    .replace(KEY_EQUALS_VALUE, (match, key: string, value: string) => {
      const kind = keyKind(key);
      if (kind === 'secret') return `${key}=${REDACTED}`;
      return kind === 'name' ? `${key}=${maskName(value)}` : match;
    })
    .replace(JSON_PAIR, (match, key: string, colon: string, value: string) => {
      const kind = keyKind(key);
      if (kind === 'secret') return `"${key}"${colon}"${REDACTED}"`;
      if (kind === 'name' && value.startsWith('"')) return `"${key}"${colon}"${maskName(unquote(value))}"`;
      return match;
    })
    .replace(CARD_CANDIDATE, (match) => {
      const digits = match.replace(/[ -]/g, '');
      return digits.length >= 13 && luhn(digits) ? REDACTED : match;
    })
    .replace(EMAIL, (_, first: string, _rest: string, domain: string) => `${first}***@${domain}`);
}

/** The text of a JSON string literal (its escapes undone); the literal itself when it does not parse. */
function unquote(literal: string): string {
  try {
    return String(JSON.parse(literal));
  } catch {
    return literal.slice(1, -1);
  }
}

/**
 * True for an integer that is a card number written as a number. Only 15-16 digits: shorter
 * integers are mostly millisecond timestamps, which a 13-digit rule would mask one time in ten.
 */
function isCardNumber(value: number | bigint): boolean {
  const digits = value.toString();
  return /^\d{15,16}$/.test(digits) && luhn(digits);
}

const MAX_DEPTH = 12;

/**
 * A copy of `value` safe to write out: secret keys replaced, strings masked, errors turned into
 * plain objects (name, message, stack, code, cause) and masked the same way. Cycles are cut.
 */
export function redact<T>(value: T): T {
  return walk(value, 0, new WeakSet()) as T;
}

/** Never added to: the `seen` set of a walk that starts at a primitive, which needs none. */
const NO_ANCESTORS = new WeakSet<object>();

/**
 * What `redact` makes of the field `key` of a record that `redact` is given as a whole: the same
 * result, for code that builds a fresh record and redacts it field by field, in place, instead of
 * copying it (the log record, once per line).
 */
export function redactField(key: string, value: unknown): unknown {
  const masked = byKey(key, value);
  if (masked.done) return masked.value;
  if (typeof value === 'string') return redactText(value);
  return walk(value, 1, typeof value === 'object' && value !== null ? new WeakSet() : NO_ANCESTORS);
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  // Only 15-16 digit integers can be card numbers: status codes and durations skip the string work.
  if (typeof value === 'number') {
    return value >= 1e14 && Number.isSafeInteger(value) && isCardNumber(value) ? REDACTED : value;
  }
  // JSON.stringify throws on bigint, and a log line must never throw.
  if (typeof value === 'bigint') return isCardNumber(value) ? REDACTED : value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return walkError(value, depth, seen);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof URL) return redactText(value.href);
    if (Buffer.isBuffer(value)) return `[Buffer ${value.length} bytes]`;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
    if (value instanceof Map) return walk(Object.fromEntries(value), depth, seen);
    if (value instanceof Set) return walk([...value], depth, seen);
    if (hasToJson(value)) return walk(safeToJson(value), depth, seen);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const masked = byKey(key, item);
      out[key] = masked.done ? masked.value : walk(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** What JSON.stringify would write for a value with `toJSON` (Decimal, Luxon, ORM entities), or a marker if it throws. */
function safeToJson(value: { toJSON(): unknown }): unknown {
  try {
    const json = value.toJSON();
    // A `toJSON` that returns its own object would recurse forever.
    return json === value ? { ...value } : json;
  } catch {
    return '[Unserializable]';
  }
}

function walkError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const plain: Record<string, unknown> = { name: error.name, message: error.message };
  // Own enumerable fields carry what matters (`code`, `status`, an HTTP client's `config` and `response`).
  for (const [key, item] of Object.entries(error)) plain[key] = item;
  if (error.cause !== undefined) plain['cause'] = error.cause;
  // `errors` of an AggregateError is not enumerable, so Object.entries misses it.
  if (error instanceof AggregateError) plain['errors'] = error.errors;
  delete plain['stack'];
  const out = walk(plain, depth, seen) as Record<string, unknown>;
  // The stack starts with the message, so it is masked like free text; the message alone may
  // hold a secret under a key (`password=…`) that only redactText's pair rules catch.
  if (error.stack) out['stack'] = redactText(error.stack);
  return out;
}
