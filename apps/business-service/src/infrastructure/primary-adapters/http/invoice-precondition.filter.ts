import type { IncomingHttpHeaders } from 'node:http';
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { getLogger, newRequestId, RequestContext } from '@platform/logging';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@platform/validation';
import {
  InvoiceErrorCode,
  InvoicePreconditionRequiredError,
  InvoiceVersionMismatchError,
} from '../../../domain/invoice.errors.js';

const STATUS: Record<string, number> = {
  [InvoiceErrorCode.PRECONDITION_REQUIRED]: 428,
  [InvoiceErrorCode.VERSION_MISMATCH]: 412,
};

/**
 * Answers the invoice precondition errors with 428 Precondition Required and 412 Precondition
 * Failed, as Problem Details shaped like the platform filter's. Needed because @platform/validation's
 * DomainError kinds have no 412/428 (an HttpException would lose the code): remove this filter once
 * the library gains precondition kinds.
 */
@Catch(InvoicePreconditionRequiredError, InvoiceVersionMismatchError)
export class InvoicePreconditionFilter implements ExceptionFilter {
  private readonly log = getLogger('InvoicePreconditionFilter');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  catch(error: InvoicePreconditionRequiredError | InvoiceVersionMismatchError, host: ArgumentsHost): void {
    const adapter = this.adapterHost.httpAdapter;
    const request = host.switchToHttp().getRequest<{ headers?: IncomingHttpHeaders }>();
    const response = host.switchToHttp().getResponse<unknown>();
    const status = STATUS[error.code] ?? 412;
    const span = trace.getActiveSpan()?.spanContext();
    const problem: ProblemDetails = {
      type: `urn:problem-type:${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: error.title ?? 'Precondition Failed',
      status,
      detail: error.message,
      instance: String(adapter.getRequestUrl(request) ?? '').split('?')[0] ?? '',
      code: error.code,
      ...(span && isSpanContextValid(span) ? { traceId: span.traceId } : {}),
      correlationId: RequestContext.get('correlationId') ?? newRequestId(),
      timestamp: new Date().toISOString(),
      method: String(adapter.getRequestMethod(request) ?? ''),
    };
    this.log.warn(`${problem.method} ${problem.instance} answered ${status} ${problem.code}`, {
      status,
      code: problem.code,
      detail: problem.detail,
      ...error.details,
    });
    if (adapter.isHeadersSent(response)) return;
    adapter.setHeader(response, 'content-type', PROBLEM_CONTENT_TYPE);
    adapter.reply(response, problem, status);
  }
}
