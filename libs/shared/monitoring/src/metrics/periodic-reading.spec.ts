import { captureLogs, type LogCapture } from '@platform/logging/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeriodicReading } from './periodic-reading.js';

/** A read the test releases by hand, to hold it in flight. */
function gatedReads() {
  const releases: Array<(error?: Error) => void> = [];
  let reads = 0;
  return {
    read: () =>
      new Promise<void>((resolve, reject) => {
        reads++;
        releases.push((error) => (error ? reject(error) : resolve()));
      }),
    get reads() {
      return reads;
    },
    release(error?: Error) {
      const next = releases.shift();
      if (!next) throw new Error('no read in flight');
      next(error);
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const warnings = (logs: LogCapture) => logs.filter((record) => record.level === 'warn');

describe('PeriodicReading', () => {
  let logs: LogCapture;
  let reading: PeriodicReading | undefined;

  beforeEach(() => {
    logs = captureLogs({ level: 'debug' });
  });

  afterEach(async () => {
    await reading?.stop();
  });

  it('reads at start and does one read at a time; a refresh during a read makes exactly one more', async () => {
    const source = gatedReads();
    reading = new PeriodicReading({ what: 'things', everyMs: 60_000, read: source.read });
    reading.start();
    await tick();
    expect(source.reads).toBe(1);

    const first = reading.refresh();
    const second = reading.refresh();
    await tick();
    expect(source.reads).toBe(1); // not a second concurrent read

    source.release();
    await tick();
    expect(source.reads).toBe(2); // the read the refreshes asked for, only one
    source.release();
    await Promise.all([first, second]);
    expect(source.reads).toBe(2);
  });

  it('reads again every period', async () => {
    let reads = 0;
    reading = new PeriodicReading({ what: 'things', everyMs: 20, read: async () => void reads++ });
    reading.start();
    const deadline = Date.now() + 10_000;
    while (reads < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toBeGreaterThanOrEqual(3);
  });

  it('warns once per outage, again after a recovery, and never after stop', async () => {
    const source = gatedReads();
    reading = new PeriodicReading({ what: 'the things table', everyMs: 60_000, read: source.read });
    reading.start();
    await tick();
    source.release(new Error('connection refused'));
    await tick();
    const again = reading.refresh();
    await tick();
    source.release(new Error('connection refused'));
    await again;
    expect(warnings(logs)).toHaveLength(1);
    expect(warnings(logs)[0]?.message).toBe('could not read the things table; the gauge keeps its values');

    const recovered = reading.refresh();
    await tick();
    source.release();
    await recovered;
    const failedAgain = reading.refresh();
    await tick();
    source.release(new Error('connection refused'));
    await failedAgain;
    expect(warnings(logs)).toHaveLength(2);

    const last = reading.refresh();
    await tick();
    const stopping = reading.stop();
    source.release(new Error('pool closed'));
    await Promise.all([last, stopping]);
    expect(warnings(logs)).toHaveLength(2);
  });

  it('stop waits for the read in flight and reads no more', async () => {
    const source = gatedReads();
    reading = new PeriodicReading({ what: 'things', everyMs: 60_000, read: source.read });
    reading.start();
    await tick();
    let stopped = false;
    const stopping = reading.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    source.release();
    await stopping;
    await reading.refresh();
    expect(source.reads).toBe(1);
  });
});
