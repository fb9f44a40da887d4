import type { IncomingHttpHeaders } from 'node:http';
import { Catch, Inject, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import { describeError } from '../problem/describe-error.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '../problem/problem-details.js';
import { problemType } from '../problem/problem-type.js';
import { reportError } from './error-reporter.js';
import { logProblem } from './log-problem.js';
import { correlationIdOf, traceIdOf } from './request-ids.js';

/** Options of the Problem Details filter. */
export interface ProblemDetailsOptions {
  /** Start of the `type` URIs, e.g. the URL of the API's error documentation. */
  problemTypeBase?: string;
}

/**
 * The one exception filter of a service: every error of an HTTP request, thrown by a handler,
 * a guard, a pipe or Nest itself (unknown routes, unreadable bodies), becomes RFC 9457
 * Problem Details. Other transports (Kafka) get the error back untouched, so their retry and
 * dead-letter handling still sees it.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  // Explicit tokens: the filter also works as an APP_FILTER provider, built by Nest's injector.
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Optional() private readonly options: ProblemDetailsOptions = {},
  ) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return throwError(() => exception);
    const adapter = this.adapterHost.httpAdapter;
    const http = host.switchToHttp();
    const request = http.getRequest<{ headers?: IncomingHttpHeaders }>();
    const response = http.getResponse<unknown>();

    const description = describeError(exception);
    const problem: ProblemDetails = {
      type: problemType(description.code, this.options.problemTypeBase),
      title: description.title,
      status: description.status,
      detail: description.detail,
      instance: String(adapter.getRequestUrl(request) ?? '').split('?')[0] ?? '',
      code: description.code,
      traceId: traceIdOf(request.headers),
      correlationId: correlationIdOf(request.headers),
      timestamp: new Date().toISOString(),
      method: String(adapter.getRequestMethod(request) ?? ''),
      ...(description.errors ? { errors: description.errors } : {}),
      ...(description.retryable ? { retryable: true } : {}),
      ...(process.env['NODE_ENV'] === 'development' && exception instanceof Error ? { stack: exception.stack } : {}),
    };
    if (problem.traceId === undefined) delete problem.traceId;

    logProblem(problem, description, exception);
    if (problem.status >= 500) reportError(exception, { problem });

    // A response already on its way (a stream that failed halfway) cannot change its status.
    if (adapter.isHeadersSent(response)) return;
    adapter.setHeader(response, 'content-type', PROBLEM_CONTENT_TYPE);
    if (description.retryAfterSeconds !== undefined) {
      adapter.setHeader(response, 'retry-after', String(description.retryAfterSeconds));
    }
    if (adapter.getHeader(response, 'x-correlation-id') === undefined) {
      adapter.setHeader(response, 'x-correlation-id', problem.correlationId);
    }
    adapter.reply(response, problem, problem.status);
  }
}
