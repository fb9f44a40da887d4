import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import {
  Argon2PasswordHasher,
  DEFAULT_ARGON2_PARAMETERS,
  HashingBusyError,
  type UnusableStoredHashError,
} from './argon2-password-hasher.js';

/** The PHC parameters of an encoded hash, whatever their order. */
function phcParameters(encoded: string): Record<string, string> {
  const params = encoded.split('$')[3] ?? '';
  return Object.fromEntries(params.split(',').map((pair) => pair.split('=') as [string, string]));
}

describe('Argon2PasswordHasher', () => {
  it('hashes with argon2id and the default parameters, and verifies the same password', async () => {
    const hasher = new Argon2PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');

    expect(hash.startsWith('$argon2id$v=19$')).toBe(true);
    expect(phcParameters(hash)).toEqual({
      m: String(DEFAULT_ARGON2_PARAMETERS.memoryKiB),
      t: String(DEFAULT_ARGON2_PARAMETERS.iterations),
      p: String(DEFAULT_ARGON2_PARAMETERS.parallelism),
    });
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
  });

  it('salts every hash', async () => {
    const hasher = new Argon2PasswordHasher();
    const [first, second] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(first).not.toBe(second);
  });

  it('answers false for a wrong password', async () => {
    const hasher = new Argon2PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify(hash, 'correct horse battery stapler')).resolves.toBe(false);
    await expect(hasher.verify(hash, '')).resolves.toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hasher = new Argon2PasswordHasher();
    const hash = await hasher.hash('caf\u00e9-au-lait');
    await expect(hasher.verify(hash, 'cafe\u0301-au-lait')).resolves.toBe(true);
  });

  it('answers false, without throwing, for stored hashes it cannot use, and reports each', async () => {
    const reported: UnusableStoredHashError[] = [];
    const hasher = new Argon2PasswordHasher({ onUnusableHash: (error) => reported.push(error) });
    const good = await hasher.hash('pw');
    const unusable = [
      '',
      'not a hash',
      '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', // bcrypt
      good.slice(0, good.lastIndexOf('$')), // hash part cut off
      good.replace(/m=\d+/, 'm=lots'),
      good.replace(/m=\d+/, 'm=4294967295'), // would allocate 4 TiB
      '$argon2id$v=19$m=47104,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', // 4-byte salt: argon2 throws
      null as unknown as string, // a NULL column
    ];

    for (const stored of unusable) await expect(hasher.verify(stored, 'pw')).resolves.toBe(false);

    expect(reported).toHaveLength(unusable.length);
    for (const error of reported) expect(error.code).toBe('AUTH.UNUSABLE_STORED_HASH');
    // The report carries no secret: neither the password nor the stored hash.
    for (const error of reported) expect(error.message).not.toContain(good.split('$')[5]);
  });

  it('asks for a re-hash when the stored parameters differ from the current ones', async () => {
    const current = new Argon2PasswordHasher();
    const stronger = new Argon2PasswordHasher({ memoryKiB: 65_536, iterations: 2 });
    const owaspMinimum = new Argon2PasswordHasher({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
    const hash = await current.hash('pw');

    expect(current.needsRehash(hash)).toBe(false);
    expect(stronger.needsRehash(hash)).toBe(true);
    expect(owaspMinimum.needsRehash(hash)).toBe(true);

    const argon2i = await argon2.hash('pw', {
      type: argon2.argon2i,
      memoryCost: DEFAULT_ARGON2_PARAMETERS.memoryKiB,
      timeCost: DEFAULT_ARGON2_PARAMETERS.iterations,
      parallelism: DEFAULT_ARGON2_PARAMETERS.parallelism,
    });
    expect(current.needsRehash(argon2i)).toBe(true);
    await expect(current.verify(argon2i, 'pw')).resolves.toBe(true);
    expect(current.needsRehash('garbage')).toBe(true);
  });

  it('refuses parameters argon2 or the ceilings do not allow', () => {
    expect(() => new Argon2PasswordHasher({ iterations: 0 })).toThrow(RangeError);
    expect(() => new Argon2PasswordHasher({ memoryKiB: 4 })).toThrow(RangeError);
    expect(() => new Argon2PasswordHasher({ parallelism: 1.5 })).toThrow(RangeError);
    expect(() => new Argon2PasswordHasher({ maxConcurrent: 0 })).toThrow(RangeError);
  });

  describe('dummyVerify', () => {
    it('answers false for any password, against a real argon2id hash made with the configured parameters', async () => {
      const hasher = new Argon2PasswordHasher({ memoryKiB: 19_456, iterations: 2 });
      await hasher.warmUp();
      const dummy = await hasher.dummyHash();

      expect(dummy.startsWith('$argon2id$v=19$')).toBe(true);
      expect(phcParameters(dummy)).toEqual({ m: '19456', t: '2', p: '1' });
      expect(hasher.needsRehash(dummy)).toBe(false);
      // A real, verifiable hash: argon2 itself computes a comparison against it instead of throwing.
      await expect(argon2.verify(dummy, 'anything')).resolves.toBe(false);
      await expect(hasher.dummyHash()).resolves.toBe(dummy); // computed once

      for (const password of ['', 'password', 'correct horse battery staple', dummy]) {
        await expect(hasher.dummyVerify(password)).resolves.toBe(false);
      }
    });

    it('goes through the same bounded hashing slots as verify', async () => {
      const hasher = new Argon2PasswordHasher({ maxConcurrent: 1, maxQueued: 0 });
      await hasher.warmUp();
      const running = hasher.hash('occupies the only slot');

      await expect(hasher.dummyVerify('pw')).rejects.toBeInstanceOf(HashingBusyError);
      await running;
      await expect(hasher.dummyVerify('pw')).resolves.toBe(false);
    });
  });

  describe('concurrency bound', () => {
    it('refuses hashes beyond the running and queued ones with HashingBusyError while those complete', async () => {
      const hasher = new Argon2PasswordHasher({ maxConcurrent: 2, maxQueued: 1 });
      const stored = await hasher.hash('pw');

      const results = await Promise.allSettled([
        hasher.hash('one'),
        hasher.verify(stored, 'pw'),
        hasher.hash('three (queued)'),
        hasher.hash('four (refused)'),
        hasher.verify(stored, 'five (refused)'),
      ]);

      expect(results.map((result) => result.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'rejected',
      ]);
      expect((results[1] as PromiseFulfilledResult<boolean>).value).toBe(true);
      for (const refused of results.slice(3)) {
        const reason = (refused as PromiseRejectedResult).reason as HashingBusyError;
        expect(reason).toBeInstanceOf(HashingBusyError);
        expect(reason.code).toBe('AUTH.HASHING_BUSY');
      }
      // The slots were given back.
      await expect(hasher.verify(stored, 'pw')).resolves.toBe(true);
    });
  });
});
