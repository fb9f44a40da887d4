import { describe, expect, it } from 'vitest';
import { InvalidDisplayNameError } from './auth.errors.js';
import { DisplayName } from './display-name.js';

describe('a display name', () => {
  it('is trimmed and keeps its case', () => {
    expect(DisplayName.parse('  Ada Lovelace\t').value).toBe('Ada Lovelace');
  });

  it('refuses a name that is empty once trimmed', () => {
    expect(() => DisplayName.parse('   ')).toThrow(expect.objectContaining({ rule: 'empty' }));
  });

  it('allows 100 characters counted as code points, not UTF-16 units, and refuses 101', () => {
    expect(DisplayName.parse('😀'.repeat(100)).value).toHaveLength(200);
    expect(() => DisplayName.parse('a'.repeat(101))).toThrow(expect.objectContaining({ rule: 'too_long' }));
  });

  it('counts a decomposed accent as one character (NFC)', () => {
    const decomposed = 'e\u0301'.repeat(100);
    expect([...DisplayName.parse(decomposed).value]).toHaveLength(100);
  });

  it.each([
    ['a newline', 'Ada\nLovelace'],
    ['a NUL', 'Ada\u0000'],
    ['a C1 control', 'Ada\u0085Lovelace'],
    ['a right-to-left override', 'Ada\u202Eecalevol'],
    ['a line separator', 'Ada\u2028Lovelace'],
  ])('refuses %s', (_, name) => {
    expect(() => DisplayName.parse(name)).toThrow(InvalidDisplayNameError);
    expect(() => DisplayName.parse(name)).toThrow(expect.objectContaining({ rule: 'control_character' }));
  });

  it('accepts letters of any script', () => {
    expect(DisplayName.parse('Zoë Åström-Ŝaŭ 李小龍').value).toBe('Zoë Åström-Ŝaŭ 李小龍');
  });
});
