import { describe, expect, it } from 'vitest';
import { allStarted } from './all-started.js';

const after = <T>(ms: number, value: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(value());
      } catch (error) {
        reject(error as Error);
      }
    }, ms),
  );

describe('allStarted', () => {
  it('resolves every result in order', async () => {
    await expect(allStarted([after(20, () => 'postgres'), after(1, () => 2)])).resolves.toEqual(['postgres', 2]);
  });

  it('throws the first failure only once the slower parts have started, so the clean-up sees them', async () => {
    const started: string[] = [];
    const failure = allStarted([
      after(1, () => {
        throw new Error('redis-server did not start');
      }),
      after(50, () => started.push('kafka')),
    ]);
    await expect(failure).rejects.toThrow('redis-server did not start');
    expect(started).toEqual(['kafka']);
  });
});
