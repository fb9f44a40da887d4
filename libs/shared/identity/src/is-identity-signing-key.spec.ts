import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { IDENTITY_KEY_MIN_LENGTH } from './identity-headers.js';
import { IsIdentitySigningKey } from './is-identity-signing-key.js';

class Settings {
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: unknown;
}

const errorsFor = (value: unknown) =>
  validateSync(Object.assign(new Settings(), { IDENTITY_SIGNING_KEY: value })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('IsIdentitySigningKey', () => {
  it('accepts a key of the minimum length', () => {
    expect(errorsFor('k'.repeat(IDENTITY_KEY_MIN_LENGTH))).toEqual([]);
  });

  it('refuses a shorter key, naming the setting and the minimum', () => {
    expect(errorsFor('k'.repeat(IDENTITY_KEY_MIN_LENGTH - 1))).toEqual([
      `IDENTITY_SIGNING_KEY must be at least ${IDENTITY_KEY_MIN_LENGTH} characters`,
    ]);
  });

  it('refuses a value that is not a string', () => {
    expect(errorsFor(12345)).toContain('IDENTITY_SIGNING_KEY must be a string');
  });
});
