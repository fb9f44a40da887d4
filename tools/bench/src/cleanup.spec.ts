import { describe, expect, it, vi } from 'vitest';
import { Cleanup } from './cleanup.js';

describe('Cleanup', () => {
  it('undoes the last step first', async () => {
    const cleanup = new Cleanup();
    const done: string[] = [];
    for (const name of ['lease', 'database', 'consumer']) cleanup.defer(name, async () => done.push(name));
    await cleanup.unwind();
    expect(done).toEqual(['consumer', 'database', 'lease']);
  });

  it('undoes only what a scope deferred, also when the scope throws', async () => {
    const cleanup = new Cleanup();
    const done: string[] = [];
    cleanup.defer('lease', async () => done.push('lease'));
    await expect(
      cleanup.scope(async () => {
        cleanup.defer('topic', async () => done.push('topic'));
        throw new Error('phase failed');
      }),
    ).rejects.toThrow('phase failed');
    expect(done).toEqual(['topic']);
  });

  it('goes on after a step fails, and runs each step once when unwound twice at once', async () => {
    const cleanup = new Cleanup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = vi.fn(async () => undefined);
    cleanup.defer('first', first);
    cleanup.defer('broken', async () => {
      throw new Error('gone');
    });
    await Promise.all([cleanup.unwind(), cleanup.unwind()]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('cleanup: broken failed: Error: gone');
    error.mockRestore();
  });
});
