import winston from 'winston';

// winston's transport base class (winston-transport), which its typings name `transport` but its
// runtime exports as `Transport`.
type TransportOptions = winston.transport.TransportStreamOptions;
const TransportBase = (winston as unknown as { Transport: new (options?: TransportOptions) => winston.transport })
  .Transport;

// winston's key for the formatted line (triple-beam's MESSAGE, a registered symbol).
const MESSAGE = Symbol.for('message');

/** Where buffered lines go: process.stdout in production, a collector in tests. */
export interface LineSink {
  write(chunk: string): unknown;
}

/** Larger batches are written at once rather than at the end of the event-loop turn. */
const MAX_BUFFERED_CHARS = 64 * 1024;

const open = new Set<BufferedLineTransport>();
let exitHookInstalled = false;

function flushAllOnExit(): void {
  for (const transport of open) transport.flush();
}

/**
 * The console transport of the JSON logs. winston's Console transport makes one write system
 * call and one setImmediate per line, and at one access-log line per request that was the
 * largest single cost of the logging. This one appends lines to a string and writes them in one
 * call at the end of the event-loop turn (or at 64 KiB), so a busy process writes once per turn.
 *
 * No line is lost: the buffer is written on `close` (configureLogging/closeLogging), and on the
 * process's 'exit' event, which Node emits on `process.exit()`, at the natural end and after an
 * uncaught exception (stdout writes are synchronous there on Linux for files, pipes and TTYs).
 */
export class BufferedLineTransport extends TransportBase {
  private pending = '';
  private scheduled = false;
  private readonly sink: LineSink;

  constructor(options: TransportOptions & { sink?: LineSink } = {}) {
    super(options);
    this.sink = options.sink ?? process.stdout;
    open.add(this);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', flushAllOnExit);
    }
  }

  override log(info: Record<string | symbol, unknown>, callback: () => void): void {
    this.writeLine(info[MESSAGE] as string);
    callback();
  }

  /**
   * Appends one formatted line (without its newline). The logger calls it directly, bypassing
   * winston's stream pipeline, when this transport is the only one (see `getLogger`).
   */
  writeLine(line: string): void {
    this.pending += `${line}\n`;
    if (this.pending.length >= MAX_BUFFERED_CHARS) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      // unref'd: a pending flush must not keep an otherwise finished process alive ('exit' flushes).
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      }).unref();
    }
  }

  /** Writes what is buffered now. */
  flush(): void {
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    this.sink.write(chunk);
  }

  /** Called by winston when the transport is removed or the logger closed: nothing stays behind. */
  override close(): void {
    this.flush();
    open.delete(this);
  }
}
