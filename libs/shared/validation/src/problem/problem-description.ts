import type { FieldError } from '../errors/field-error.js';

/** What an error means for the client, before the request adds where and when. */
export interface ProblemDescription {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  retryable?: boolean;
  /** Becomes the `Retry-After` header. */
  retryAfterSeconds?: number;
  /** Facts for the log line only (constraint names, upstream statuses). */
  log?: Record<string, unknown>;
}

/** Recognises one family of errors; `undefined` passes the error on to the next mapper. */
export type ErrorMapper = (error: unknown) => ProblemDescription | undefined;
