import { isEmail } from 'class-validator';
import { InvalidEmailError } from './business.errors.js';

/** RFC 5321: a path holds at most 256 octets, the address 254 of them once `<>` are counted. */
const EMAIL_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
const LABEL_MAX_LENGTH = 63;

// The dot-atom subset of RFC 5322 (as the auth-service accepts for accounts): no quoted local parts,
// comments or IP literals, which mail libraries and the notification service may not accept.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

/** Trimmed and lower-cased: the form addresses are stored and looked up in. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Whether `raw`, normalised, is an address `parseEmail` accepts. */
export function isEmailAddress(raw: string): boolean {
  const value = normaliseEmail(raw);
  return value.length <= EMAIL_MAX_LENGTH && isWellFormed(value) && isEmail(value);
}

/**
 * `raw` normalised, when it is an address invoices can be sent to; InvalidEmailError (422) otherwise.
 * The contract only bounds the length: the rest is a rule the schema cannot state.
 */
export function parseEmail(raw: string, field = 'email'): string {
  const value = normaliseEmail(raw);
  // Also validator.js's rule, which the event contracts check addresses with.
  if (!isEmailAddress(value)) throw new InvalidEmailError(field);
  return value;
}

function isWellFormed(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= LOCAL_PART_MAX_LENGTH &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= LABEL_MAX_LENGTH && LABEL.test(label)) &&
    TOP_LEVEL.test(labels.at(-1) ?? '')
  );
}
