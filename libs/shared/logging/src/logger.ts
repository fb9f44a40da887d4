import { once } from 'node:events';
import type { Writable } from 'node:stream';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { BufferedLineTransport } from './buffered-stdout.js';
import { LOG_RECORD, shapeRecord, type LogLevel, type LogRecord } from './log-record.js';

export type { LogLevel, LogRecord } from './log-record.js';
export { LOG_LEVELS } from './log-record.js';

/** How a service logs; `loggingOptionsFromEnv` reads it from the environment. */
export interface LoggingOptions {
  service: string;
  version: string;
  environment: string;
  level: LogLevel;
  format: 'json' | 'pretty';
  /** When set, also a daily-rotating file of JSON lines in this folder. */
  dir?: string;
  /** Days of rotated files to keep. */
  retentionDays: number;
  /** The access log writes requests slower than this at `warn` instead of `info`. */
  slowRequestMs: number;
  /** Where console lines go instead of stdout (tests capture output with it). */
  stream?: Writable;
}

const npmLevels: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

let options: LoggingOptions = {
  service: process.env['SERVICE_NAME'] ?? 'unknown-service',
  version: process.env['SERVICE_VERSION'] ?? '0.0.0',
  environment: process.env['NODE_ENV'] ?? 'development',
  level: 'info',
  format: 'json',
  retentionDays: 14,
  slowRequestMs: 1000,
};

type RecordInfo = winston.Logform.TransformableInfo & { [LOG_RECORD]: LogRecord };

function recordOf(info: winston.Logform.TransformableInfo): LogRecord {
  return (info as RecordInfo)[LOG_RECORD];
}

const jsonLine = winston.format.printf((info) => JSON.stringify(recordOf(info)));

const prettyLine = winston.format.printf((info) => {
  const { timestamp, level, message, context, service: _s, environment: _e, version: _v, ...rest } = recordOf(info);
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  return `${timestamp} ${level.toUpperCase().padEnd(5)} ${context ? `[${context}] ` : ''}${message}${extra}`;
});

/** The console (or test stream) and the optional file: the transports `configureLogging` owns. */
function buildTransports(opts: LoggingOptions): winston.transport[] {
  const format = opts.format === 'pretty' ? prettyLine : jsonLine;
  const transports: winston.transport[] = [
    opts.stream
      ? new winston.transports.Stream({ stream: opts.stream, format })
      : new BufferedLineTransport({ format }),
  ];
  if (opts.dir) {
    transports.push(
      new DailyRotateFile({
        dirname: opts.dir,
        filename: `${opts.service}-%DATE%.log`,
        datePattern: 'YYYY-MM-DD',
        // Rotate at midnight UTC, like the timestamps inside the files.
        utc: true,
        maxFiles: `${opts.retentionDays}d`,
        auditFile: `${opts.dir}/.${opts.service}-audit.json`,
        // Files are for machines: always JSON lines, whatever the console shows.
        format: jsonLine,
      }),
    );
  }
  return transports;
}

// One logger for the life of the process: transports are swapped under it, so transports that
// other libraries added with `addTransport` survive `configureLogging`.
const root = winston.createLogger({
  levels: npmLevels,
  level: options.level,
  // Records are shaped at the call site (see getLogger); the logger only passes them on.
  format: winston.format((info) => info)(),
  exitOnError: false,
});
// A failing transport (a full disk) must not take the service down with an unhandled 'error'.
root.on('error', (error: unknown) => {
  process.stderr.write(`logging transport failed: ${error instanceof Error ? error.message : String(error)}\n`);
});

let ownTransports: winston.transport[] = [];
/**
 * The console transport while it is the logger's only transport and writes JSON lines (the
 * production default): lines then go to it straight from `getLogger`, skipping winston's object
 * stream (a Transform piped into each transport, one stream write, format pass and callback per
 * line per stage), which cost more than shaping and serialising the line. Same line, same order.
 */
let directConsole: BufferedLineTransport | undefined;
let levelValue = npmLevels[options.level];
replaceOwnTransports();

function updateDirectPath(): void {
  const [only] = ownTransports;
  directConsole =
    options.format === 'json' &&
    root.transports.length === 1 &&
    only instanceof BufferedLineTransport &&
    root.transports[0] === only &&
    only.level === undefined &&
    !only.silent
      ? only
      : undefined;
  levelValue = npmLevels[options.level];
}

function replaceOwnTransports(): void {
  const next = buildTransports(options);
  // Removing a file transport ends its stream, which flushes what was written to it.
  for (const transport of ownTransports) root.remove(transport);
  ownTransports = next;
  for (const transport of ownTransports) root.add(transport);
  root.level = options.level;
  updateDirectPath();
}

/**
 * Replaces how every logger of the process writes (level, format, files); call once at start-up.
 * Throws one clear Error if the log folder cannot be used, and then changes nothing.
 */
export function configureLogging(next: Partial<LoggingOptions>): void {
  const previous = options;
  options = { ...options, ...next };
  try {
    replaceOwnTransports();
  } catch (error) {
    options = previous;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`LOG_DIR "${next.dir ?? ''}" cannot be used: ${reason}`, { cause: error });
  }
}

/** The options in force, for code that reports them or sizes its own output by them. */
export function currentLoggingOptions(): Readonly<LoggingOptions> {
  return options;
}

/** Adds a transport to the process's logger, writing the same JSON records (an OTLP log exporter). */
export function addTransport(transport: winston.transport): void {
  transport.format = jsonLine;
  root.add(transport);
  updateDirectPath();
}

/**
 * Writes the buffered console lines, flushes and closes the log files, for a graceful shutdown
 * (and for tests that read them). Later lines still reach the console.
 */
export async function closeLogging(): Promise<void> {
  // Console lines are buffered for at most one event-loop turn; a shutdown writes them now.
  for (const transport of ownTransports) if (transport instanceof BufferedLineTransport) transport.flush();
  const files: winston.transport[] = ownTransports.filter((transport) => transport instanceof DailyRotateFile);
  // The file transport emits 'finish' once its stream has ended, i.e. its lines are on disk.
  const finished = files.map((file) => once(file, 'finish'));
  for (const file of files) root.remove(file);
  ownTransports = ownTransports.filter((transport) => !files.includes(transport));
  options = { ...options, dir: undefined };
  updateDirectPath();
  await Promise.all(finished);
}

/**
 * Where a ready-made JSON line at `level` goes straight to, for the library's own hot paths (the
 * access line): the console transport while the direct path is in force (see `directConsole`)
 * and the level is enabled; otherwise undefined, and the caller logs through `getLogger`. Not
 * exported from the library: a line written here must be exactly what the logger would write.
 */
export function directLineWriter(level: LogLevel): Pick<BufferedLineTransport, 'writeLine'> | undefined {
  const direct = directConsole;
  return direct && npmLevels[level] <= levelValue ? direct : undefined;
}

/** A logger for one part of the code; `context` names it on every line (a class or module name). */
export interface AppLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  /** Pass the error as `meta.error`: its name, message, stack and fields are logged, redacted. */
  error(message: string, meta?: Record<string, unknown>): void;
  isLevelEnabled(level: LogLevel): boolean;
}

/** The logger for a context. It always writes through the current configuration. */
export function getLogger(context: string): AppLogger {
  const write = (level: LogLevel) => (message: string, meta?: Record<string, unknown>) => {
    const direct = directConsole;
    if (direct) {
      if (npmLevels[level] > levelValue) return;
      direct.writeLine(JSON.stringify(shapeRecord(options, level, message, context, meta)));
      return;
    }
    if (!root.isLevelEnabled(level)) return;
    // Shaped here, synchronously, so the request ids and the span are those of the caller even
    // if a transport processes the line later, in another async context.
    const record = shapeRecord(options, level, message, context, meta);
    root.log({ level, message: record.message, [LOG_RECORD]: record });
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    isLevelEnabled: (level) => (directConsole ? npmLevels[level] <= levelValue : root.isLevelEnabled(level)),
  };
}
