import { getLogger } from '@platform/logging';
import type { ProblemDescription } from '../problem/problem-description.js';
import type { ProblemDetails } from '../problem/problem-details.js';

const logger = getLogger('ProblemDetailsFilter');

/**
 * 5xx are our fault: logged at error with the error and its stack. 4xx are the client's: a
 * warn line with the code and detail, no stack (it would only repeat the framework's frames).
 */
export function logProblem(problem: ProblemDetails, description: ProblemDescription, error: unknown): void {
  const meta = {
    status: problem.status,
    code: problem.code,
    method: problem.method,
    path: problem.instance,
    correlationId: problem.correlationId,
    ...description.log,
  };
  const message = `${problem.method} ${problem.instance} answered ${problem.status} ${problem.code}`;
  if (problem.status >= 500) {
    logger.error(message, { ...meta, error: error instanceof Error ? error : { thrown: String(error) } });
  } else {
    logger.warn(message, { ...meta, detail: problem.detail, ...(problem.errors ? { errors: problem.errors } : {}) });
  }
}
