import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it returns a value (not undefined), for things that happen after a response
 * (a span ends on the response's 'finish', an envelope is posted in the background). No deadline of
 * its own: the test's timeout bounds the wait, so nothing here depends on how fast the machine is.
 */
export async function eventually<T>(probe: () => T | undefined): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    await sleep(20);
  }
}
