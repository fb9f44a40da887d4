import { BaseHttpClient, type HttpResult } from '@platform/resilience';

/** What the gateway forwards: the request as the client sent it, plus the headers the gateway adds. */
export interface ForwardedRequest {
  method: string;
  /** Path and query string, e.g. `/v1/admin/users?limit=10`. */
  path: string;
  body?: unknown;
  headers: Record<string, string>;
  /** A low-cardinality route for spans and metrics, e.g. `/v1/auth/login`. */
  route: string;
}

/**
 * One upstream service as the gateway sees it: one client per upstream, so one breaker, one set
 * of metrics and spans each. Its 4xx answers are the client's business and are handed back as
 * they are; 5xx, timeouts, a refused connection and an open breaker become the gateway's
 * 502/503/504 Problem Details.
 */
export class UpstreamClient extends BaseHttpClient {
  constructor(service: string, baseUrl: string, timeoutMs: number) {
    super({ upstream: service, baseUrl, timeoutMs });
  }

  forward(request: ForwardedRequest): Promise<HttpResult<unknown>> {
    return this.request(request.method, request.path, {
      body: request.body,
      headers: request.headers,
      route: request.route,
      passClientErrors: true,
    });
  }
}
