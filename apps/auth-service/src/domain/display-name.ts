import { InvalidDisplayNameError } from './auth.errors.js';

export const DISPLAY_NAME_MAX_LENGTH = 100;

// Control characters (C0, C1), line and paragraph separators, and the bidirectional overrides
// and isolates: they break log lines and e-mail headers or make a name display as another one.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** The name a user is addressed by: trimmed, 1–100 characters (code points), no control characters. */
export class DisplayName {
  private constructor(readonly value: string) {}

  /** Trims and checks `raw`; throws InvalidDisplayNameError when it breaks a rule. */
  static parse(raw: string): DisplayName {
    // NFC so that the length and the stored form do not depend on the client's keyboard.
    const value = raw.normalize('NFC').trim();
    if (value.length === 0) throw new InvalidDisplayNameError('empty', 'Display name must not be empty.');
    if ([...value].length > DISPLAY_NAME_MAX_LENGTH) {
      throw new InvalidDisplayNameError(
        'too_long',
        `Display name must be at most ${DISPLAY_NAME_MAX_LENGTH} characters long.`,
      );
    }
    if (FORBIDDEN.test(value)) {
      throw new InvalidDisplayNameError('control_character', 'Display name must not contain control characters.');
    }
    return new DisplayName(value);
  }

  equals(other: DisplayName): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
