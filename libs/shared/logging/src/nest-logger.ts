import type { LoggerService } from '@nestjs/common';
import { getLogger } from './logger.js';
import { messageText, type LogLevel } from './log-record.js';

// Nest's own convention (ConsoleLogger): a stack is a string with "at file:line:column" frames.
const STACK_FRAME = /\n[ \t]+at .+:\d+:\d+/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Nest's LoggerService over the platform logger: Nest's start-up lines, its exception handler
 * and every `new Logger(Context)` of the services come out as JSON records, with Nest's context
 * as `context`. Pass it as `NestFactory.create(..., { logger: new NestLogger() })`.
 */
export class NestLogger implements LoggerService {
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params, false);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params, false);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params, false);
  }

  /** Nest's `verbose` is finer than `debug`; the platform has four levels, so it is debug. */
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params, false);
  }

  /** Written at `error` with `fatal: true`, so alerts on errors see it. */
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true, { fatal: true });
  }

  /**
   * Reads Nest's calling convention: the context is the last string argument when there is more
   * than one; for errors the one before may be a stack; plain objects are structured fields.
   */
  private write(level: LogLevel, message: unknown, params: unknown[], mayHaveStack: boolean, extra?: object): void {
    const rest = [...params];
    const isStack = (value: unknown) => typeof value === 'string' && STACK_FRAME.test(value);
    // `error(message, stack)` has no context: the last string is the stack, not the context.
    const last = rest.at(-1);
    const context = typeof last === 'string' && !(mayHaveStack && isStack(last)) ? (rest.pop() as string) : undefined;
    const logger = getLogger(context ?? '');
    if (!logger.isLevelEnabled(level)) return;

    const meta: Record<string, unknown> = { ...extra };
    if (mayHaveStack && rest.length > 0) {
      const stack = rest.at(-1);
      // `Logger.error(message)` with a context passes `undefined` where the stack would be.
      if (stack === undefined || isStack(stack)) {
        rest.pop();
        if (stack !== undefined) meta['stack'] = stack;
      }
    }

    let text: unknown = message;
    if (message instanceof Error) {
      meta['error'] = message;
      text = message.message;
    } else if (isPlainObject(message)) {
      Object.assign(meta, message);
      text = typeof message['message'] === 'string' ? message['message'] : '';
      delete meta['message'];
    }

    const details: unknown[] = [];
    for (const param of rest) {
      if (param instanceof Error) meta['error'] = param;
      else if (isPlainObject(param)) Object.assign(meta, param);
      else if (param !== undefined) details.push(param);
    }
    if (details.length) meta['details'] = details;

    logger[level](messageText(text), meta);
  }
}
