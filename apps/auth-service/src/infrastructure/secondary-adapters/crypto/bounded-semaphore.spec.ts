import { describe, expect, it } from 'vitest';
import { BoundedSemaphore, SemaphoreQueueFullError } from './bounded-semaphore.js';

/** A task that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, task: () => opened };
}

describe('BoundedSemaphore', () => {
  it('runs at most maxConcurrent tasks, queues up to maxQueued in arrival order, and refuses the rest', async () => {
    const semaphore = new BoundedSemaphore(1, 2);
    const order: string[] = [];
    const first = gate();

    const running = semaphore.run(async () => {
      await first.task();
      order.push('first');
    });
    const second = semaphore.run(async () => void order.push('second'));
    const third = semaphore.run(async () => void order.push('third'));
    const refused = semaphore.run(async () => void order.push('refused'));

    await expect(refused).rejects.toBeInstanceOf(SemaphoreQueueFullError);
    expect([semaphore.active, semaphore.queued]).toEqual([1, 2]);

    first.open();
    await Promise.all([running, second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
    expect([semaphore.active, semaphore.queued]).toEqual([0, 0]);
  });

  it('gives the permit back when a task fails', async () => {
    const semaphore = new BoundedSemaphore(1, 0);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(semaphore.active).toBe(0);
  });
});
