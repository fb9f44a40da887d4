import type { FieldError } from '../errors/field-error.js';

/** The media type of an error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The body of every error response: RFC 9457 members plus the platform's extensions. */
export interface ProblemDetails {
  /** A URI naming the problem type, derived from `code`. */
  type: string;
  /** A short summary of the problem type; the same for every occurrence of it. */
  title: string;
  status: number;
  /** This occurrence, in words safe for the client. */
  detail: string;
  /** The path of the request (without its query, which may hold secrets). */
  instance: string;
  /** Stable machine-readable code (`USER.ALREADY_EXISTS`, `VALIDATION.FAILED`). */
  code: string;
  traceId?: string;
  correlationId: string;
  timestamp: string;
  method: string;
  /** One entry per failed rule, for validation problems. */
  errors?: FieldError[];
  /** True when sending the same request again may succeed. */
  retryable?: boolean;
  /** Only when NODE_ENV=development. */
  stack?: string;
}
