import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimLoop, type ClaimLoopWork } from './claim-loop.js';

const IDLE_MS = 100;

/** Work whose claims answer from a script, one entry per round (`Error`: the claim fails); then nothing. */
function scripted(rounds: (string[] | Error)[]) {
  const claimedAt: number[] = [];
  const processed: string[] = [];
  const work: ClaimLoopWork<string> = {
    claim: async () => {
      claimedAt.push(Date.now());
      const next = rounds.shift() ?? [];
      if (next instanceof Error) throw next;
      return next;
    },
    process: async (item) => {
      processed.push(item);
    },
  };
  return { work, claimedAt, processed };
}

describe('claim loop', () => {
  let loop: ClaimLoop<string> | undefined;

  beforeEach(() => {
    // The loop's timers and Date.now() run on the fake clock: no wall-clock waits or assertions.
    vi.useFakeTimers({ now: 0 });
  });

  afterEach(async () => {
    await loop?.stop();
    loop = undefined;
    vi.useRealTimers();
  });

  it('claims again at once while rounds find work, and waits idleMs after a round that found none', async () => {
    const { work, claimedAt, processed } = scripted([['a', 'b'], ['c'], []]);
    loop = new ClaimLoop(work, { name: 'TestLoop', idleMs: IDLE_MS });
    loop.start();
    // "At once" is a zero-delay timer, which Node (and the fake clock) run after 1 ms.
    await vi.advanceTimersByTimeAsync(IDLE_MS - 10);
    expect(processed).toEqual(['a', 'b', 'c']);
    expect(claimedAt).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(claimedAt).toEqual([0, 1, 2, 2 + IDLE_MS]);
  });

  it('backs off longer and longer while rounds fail, up to maxBackoffMs, and at once again after a success', async () => {
    const down = new Error('database down');
    const { work, claimedAt, processed } = scripted([down, down, down, down, ['x'], []]);
    // random() = 1: the full-jitter delay is its ceiling, idleMs · 2^(failures-1), at most maxBackoffMs.
    loop = new ClaimLoop(work, { name: 'TestLoop', idleMs: IDLE_MS, maxBackoffMs: 300, random: () => 1 });
    loop.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(claimedAt.slice(0, 7)).toEqual([0, 100, 300, 600, 900, 901, 1001]);
    expect(processed).toEqual(['x']);
  });

  it('processes every item of a claim when one fails, and counts the round as failed', async () => {
    const processed: string[] = [];
    const claimedAt: number[] = [];
    let claims = 0;
    const work: ClaimLoopWork<string> = {
      claim: async () => {
        claimedAt.push(Date.now());
        claims += 1;
        return claims === 1 ? ['ok-1', 'broken', 'ok-2'] : [];
      },
      process: async (item) => {
        if (item === 'broken') throw new Error('could not record the outcome');
        processed.push(item);
      },
    };
    loop = new ClaimLoop(work, { name: 'TestLoop', idleMs: IDLE_MS, random: () => 0 });
    await expect(loop.runOnce()).rejects.toThrow('1 of 3 claimed items failed');
    expect(processed).toEqual(['ok-1', 'ok-2']);
  });

  it('stops: waits for the round in flight and claims no more', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { work, claimedAt } = scripted([['slow'], ['never']]);
    let finished = false;
    work.process = async () => {
      await held;
      finished = true;
    };
    loop = new ClaimLoop(work, { name: 'TestLoop', idleMs: IDLE_MS });
    loop.start();
    await vi.advanceTimersByTimeAsync(1);
    const stopped = loop.stop().then(() => finished);
    release();
    await expect(stopped).resolves.toBe(true);
    await vi.advanceTimersByTimeAsync(10 * IDLE_MS);
    expect(claimedAt).toHaveLength(1);
  });

  it('refuses a wait that is not a positive whole number of milliseconds', () => {
    const { work } = scripted([]);
    expect(() => new ClaimLoop(work, { name: 'TestLoop', idleMs: 0 })).toThrow(RangeError);
    expect(() => new ClaimLoop(work, { name: 'TestLoop', idleMs: 10, maxBackoffMs: 1.5 })).toThrow(RangeError);
  });
});
