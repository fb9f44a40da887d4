import { getLogger } from '@platform/logging';
import type { ProblemDetails } from '../problem/problem-details.js';

/** What the filter tells an error reporter besides the error itself. */
export interface ErrorReportContext {
  /** The body the client received (ids to find the event from a support ticket). */
  problem: ProblemDetails;
}

/** Receives every error answered with a 5xx (error tracking plugs in here). */
export type ErrorReporter = (error: unknown, context: ErrorReportContext) => void | Promise<void>;

const logger = getLogger('ErrorReporter');
let reporter: ErrorReporter | undefined;

/** Installs the reporter called for every 5xx answer; `undefined` removes it. */
export function setErrorReporter(next: ErrorReporter | undefined): void {
  reporter = next;
}

/** Calls the reporter without ever letting it fail or delay the response. */
export function reportError(error: unknown, context: ErrorReportContext): void {
  if (!reporter) return;
  const failed = (reportError: unknown) => logger.warn('error reporter failed', { error: reportError });
  try {
    const result = reporter(error, context);
    if (result instanceof Promise) result.catch(failed);
  } catch (reportError) {
    failed(reportError);
  }
}
