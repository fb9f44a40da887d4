import { Writable } from 'node:stream';
import { configureLogging, type LogRecord } from '@platform/logging';

/** The JSON log lines of this test file, parsed, as the logging library writes them. */
export interface CapturedLogs {
  records(): LogRecord[];
  clear(): void;
}

/** Routes every logger of the process into memory, at debug level. */
export function captureLogs(): CapturedLogs {
  let lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  configureLogging({ stream, level: 'debug', format: 'json' });
  return {
    records: () => lines.map((line) => JSON.parse(line) as LogRecord),
    clear: () => {
      lines = [];
    },
  };
}
