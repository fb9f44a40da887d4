import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode } from '../../errors/error-codes.js';
import type { ErrorMapper } from '../problem-description.js';

/** `HTTP.NOT_FOUND` for 404: a code for exceptions that carry none but their status. */
function httpCode(status: number): string {
  const name = (HttpStatus as unknown as Record<number, string | undefined>)[status];
  return name ? `HTTP.${name}` : `HTTP.${status}`;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * Nest's own exceptions (404 for unknown routes, 401 from guards, 413 from Fastify, ...) keep
 * their status and message: they were written to be seen. A 500 does not show its message.
 */
export const mapHttpException: ErrorMapper = (error) => {
  if (!(error instanceof HttpException)) return undefined;
  const status = error.getStatus();
  const title = STATUS_CODES[status] ?? 'Error';
  if (status === 500) {
    return { status, code: ErrorCode.INTERNAL, title, detail: 'An unexpected error occurred.' };
  }
  return { status, code: httpCode(status), title, detail: messageOf(error) };
};
