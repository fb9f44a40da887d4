import { ValidationFailedError } from '@platform/validation';
import { describe, expect, it } from 'vitest';
import { PasswordPolicyError, type PasswordRule } from './auth.errors.js';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import { DisplayName } from './display-name.js';
import { Email } from './email.js';
import { assertPasswordPolicy, normalisePassword, type PersonalData } from './password-policy.js';

/** The rule the policy refuses `password` by, or undefined when it accepts it. */
function refusal(password: string, personal?: PersonalData): PasswordRule | undefined {
  try {
    assertPasswordPolicy(password, personal);
    return undefined;
  } catch (error) {
    if (error instanceof PasswordPolicyError) return error.rule;
    throw error;
  }
}

const ada = { email: Email.parse('ada.lovelace@example.com'), displayName: DisplayName.parse('Ada Lovelace') };

describe('the password policy', () => {
  describe('length', () => {
    it('refuses 11 characters and accepts 12', () => {
      expect(refusal('tulip-violin')).toBeUndefined();
      expect(refusal('tulip-violi')).toBe('too_short');
    });

    it('accepts 128 characters and refuses 129', () => {
      expect(refusal('correct horse '.repeat(10).slice(0, 128))).toBeUndefined();
      expect(refusal('correct horse '.repeat(10).slice(0, 129))).toBe('too_long');
    });

    it('counts code points, not UTF-16 units: 12 emoji are 12 characters, 11 are too few', () => {
      expect(refusal('🐙🦑🐳🦀🐠🐡🦐🐚🪼🦭🐧🦩')).toBeUndefined();
      expect(refusal('🐙🦑🐳🦀🐠🐡🦐🐚🪼🦭🐧')).toBe('too_short');
    });

    it("counts code points as sent, as the public contract's minLength and maxLength do", () => {
      // 12 code points that NFC composes into 6 characters: the contract allows them, so does the policy.
      expect(refusal('e\u0301'.repeat(6))).toBeUndefined();
      expect(refusal('e\u0301'.repeat(5) + 'e')).toBe('too_short');
      // U+0958 decomposes under NFC (a composition exclusion): 128 of them are still 128.
      expect(refusal('\u0958'.repeat(128))).toBeUndefined();
    });

    it('imposes no composition rule: lower-case letters and spaces only are fine', () => {
      expect(refusal('purple monkey dishwasher')).toBeUndefined();
    });
  });

  describe('the common-password list', () => {
    it('is bundled with a few thousand entries', () => {
      expect(commonPasswordCount()).toBeGreaterThan(2000);
    });

    it.each(['password1234', 'qwertyuiop12', '123456789012', 'iloveyou1234', '1q2w3e4r5t6y', 'qazwsxedcrfv'])(
      'refuses %s',
      (password) => {
        expect(refusal(password)).toBe('common');
      },
    );

    it('matches whatever the case', () => {
      expect(isCommonPassword('PassWord1234')).toBe(true);
      expect(refusal('QWERTYUIOP12')).toBe('common');
    });

    it('matches full-width forms too (NFKC)', () => {
      expect(refusal('ｐａｓｓｗｏｒｄ１２３４')).toBe('common');
    });

    it('does not refuse a password merely for containing a common one', () => {
      expect(refusal('password1234 is what my cat typed')).toBeUndefined();
    });
  });

  describe('personal data', () => {
    it('refuses a password that contains the e-mail local part, whatever the case', () => {
      expect(refusal('my-ADA.LOVELACE-secret', ada)).toBe('contains_personal_data');
    });

    it('refuses a password that contains the display name, with or without its spaces', () => {
      expect(refusal('i am ada lovelace!', ada)).toBe('contains_personal_data');
      expect(refusal('AdaLovelace-1815', ada)).toBe('contains_personal_data');
    });

    it('refuses a password equal to the e-mail local part', () => {
      const long = { email: Email.parse('grace.hopper.navy@example.com') };
      expect(refusal('Grace.Hopper.Navy', long)).toBe('contains_personal_data');
    });

    it('ignores local parts and names under 4 characters, which are in too many good passwords', () => {
      const bob = { email: Email.parse('bob@example.com'), displayName: DisplayName.parse('Al') };
      expect(refusal('bobsleigh and almonds', bob)).toBeUndefined();
    });

    it('accepts a password unrelated to the user', () => {
      expect(refusal('violet tractor umbrella', ada)).toBeUndefined();
    });
  });

  it('reports the failed rule as a field error of the named field, for the Problem Details response', () => {
    try {
      assertPasswordPolicy('short', {}, 'newPassword');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).errors).toEqual([
        { field: 'newPassword', code: 'too_short', message: 'Password must be at least 12 characters long.' },
      ]);
      expect((error as PasswordPolicyError).kind).toBe('business_rule');
    }
  });

  it('normalises passwords for hashing so that composed and decomposed accents verify alike', () => {
    expect(normalisePassword('cafe\u0301 au lait')).toBe(normalisePassword('caf\u00e9 au lait'));
  });
});
