import { InvalidEmailError } from './auth.errors.js';

/** RFC 5321: a path holds at most 256 octets, the address 254 of them once `<>` are counted. */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
const LABEL_MAX_LENGTH = 63;

// The dot-atom subset of RFC 5322: no quoted local parts, comments or IP literals, which real
// mailboxes do not use and mail libraries and other services may not accept.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
// The last label is a real top-level domain: letters, or the punycode form of an IDN one.
const TOP_LEVEL = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

/** An e-mail address, trimmed and lower-cased so that one mailbox is one account. */
export class Email {
  private constructor(readonly value: string) {}

  /** Normalises and checks `raw`; throws InvalidEmailError when it is not an address. */
  static parse(raw: string): Email {
    const value = Email.normalise(raw);
    if (value.length > EMAIL_MAX_LENGTH) throw new InvalidEmailError('too_long');
    if (!Email.isWellFormed(value)) throw new InvalidEmailError('invalid_format');
    return new Email(value);
  }

  /** The address, or undefined when `raw` is not one; for lookups where a bad address simply finds nothing. */
  static tryParse(raw: string): Email | undefined {
    try {
      return Email.parse(raw);
    } catch (error) {
      if (error instanceof InvalidEmailError) return undefined;
      throw error;
    }
  }

  /**
   * The key an address is looked up and throttled by, also for input that is not a valid
   * address (a log-in attempt must cost the same either way).
   */
  static normalise(raw: string): string {
    return raw.trim().toLowerCase();
  }

  get localPart(): string {
    return this.value.slice(0, this.value.lastIndexOf('@'));
  }

  get domain(): string {
    return this.value.slice(this.value.lastIndexOf('@') + 1);
  }

  /** For logs: the first character of the local part and the domain, `a***@example.com`. */
  mask(): string {
    return `${this.localPart[0]}***@${this.domain}`;
  }

  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  private static isWellFormed(value: string): boolean {
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
}
