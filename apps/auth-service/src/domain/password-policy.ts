import { PasswordPolicyError } from './auth.errors.js';
import { isCommonPassword } from './common-passwords.js';
import type { DisplayName } from './display-name.js';
import type { Email } from './email.js';

/**
 * Length is what makes a password hard to guess, and this policy has no composition rules to
 * make up for a short one. OWASP ASVS 4.0.3 (V2.1.1) asks for 12; NIST SP 800-63B-4 asks for 8
 * with a second factor and 15 when the password is the only one. 12 keeps offline guessing of
 * a leaked hash impractical while a passphrase stays easy to remember.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase or manager-generated password, bounded so hashing stays cheap. */
export const PASSWORD_MAX_LENGTH = 128;
// Shorter names or local parts ("al", "bob") are substrings of too many good passwords to refuse them.
const PERSONAL_TOKEN_MIN_LENGTH = 4;

/** What the password must not repeat. */
export interface PersonalData {
  email?: Email;
  displayName?: DisplayName;
}

/**
 * The form a password is hashed, verified and compared in. NFKC, as NIST SP 800-63B advises:
 * the same password typed on keyboards that compose accents differently, or in full-width
 * forms, is the same password (and `ｐａｓｓｗｏｒｄ１２３４` is as common as `password1234`).
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Throws PasswordPolicyError when `password` breaks a rule: length in code points, the common
 * list, personal data. No composition rules (NIST 800-63B, OWASP): they make passwords harder
 * to remember, not to guess. `field` names the input in the field error.
 */
export function assertPasswordPolicy(password: string, personal: PersonalData = {}, field = 'password'): void {
  // Counted in code points as sent: the public contract states these bounds as JSON Schema
  // minLength/maxLength, which count that way, and a client that checks them must not be refused.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new PasswordPolicyError(
      'too_short',
      `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
      field,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new PasswordPolicyError(
      'too_long',
      `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
      field,
    );
  }
  const normalised = normalisePassword(password);
  if (isCommonPassword(normalised)) {
    throw new PasswordPolicyError('common', 'This password is too common; choose a less predictable one.', field);
  }
  if (containsPersonalData(normalised, personal)) {
    throw new PasswordPolicyError(
      'contains_personal_data',
      'Password must not contain your e-mail address or name.',
      field,
    );
  }
}

function containsPersonalData(password: string, { email, displayName }: PersonalData): boolean {
  const lower = password.toLowerCase();
  const name = displayName?.value.normalize('NFKC').toLowerCase();
  // The name also without spaces: "Ada Lovelace" is in "adalovelace2024!" as much as in "ada lovelace".
  const tokens = [email?.localPart, name, name?.replace(/\s+/gu, '')];
  return tokens.some(
    (token) => token !== undefined && [...token].length >= PERSONAL_TOKEN_MIN_LENGTH && lower.includes(token),
  );
}
