import { Writable } from 'node:stream';
import { configureLogging, type LoggingOptions } from '../logger.js';
import type { LogRecord } from '../log-record.js';

/** Collects what the logger writes, as text and as parsed JSON records, for assertions. */
export class LogCapture {
  private text = '';
  private waiters: Array<() => void> = [];

  readonly stream = new Writable({
    write: (chunk: Buffer | string, _encoding, callback) => {
      this.text += chunk.toString();
      for (const wake of this.waiters.splice(0)) wake();
      callback();
    },
  });

  /** Forgets what was written so far (between tests of one file). */
  clear(): void {
    this.text = '';
  }

  /** Everything written so far, as one string: to prove a secret appears nowhere. */
  output(): string {
    return this.text;
  }

  /** Every line parsed as JSON; a line that is not JSON fails the test. */
  records(): LogRecord[] {
    return this.text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as LogRecord);
  }

  /** The records that match. */
  filter(predicate: (record: LogRecord) => boolean): LogRecord[] {
    return this.records().filter(predicate);
  }

  /** The first record that matches, waiting for it if it is written later (timers, onResponse). */
  async waitFor(predicate: (record: LogRecord) => boolean, timeoutMs = 5000): Promise<LogRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records().find(predicate);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching log record; got:\n${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Points the process's logger at a fresh capture (JSON, the given level) and returns it. */
export function captureLogs(options: Partial<LoggingOptions> = {}): LogCapture {
  const capture = new LogCapture();
  configureLogging({
    service: 'logging-tests',
    version: '1.2.3',
    environment: 'test',
    level: 'info',
    format: 'json',
    dir: undefined,
    ...options,
    stream: capture.stream,
  });
  return capture;
}
