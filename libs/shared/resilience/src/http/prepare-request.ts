import type { HttpRequestOptions } from './http-client-options.js';

/** One request, ready to be sent (again, when retried). */
export interface PreparedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | URLSearchParams;
  /** `GET` or `GET /invoices/{id}`: bounded, so fit for span names and log lines. */
  spanName: string;
  route?: string;
  /** A 4xx answer is a result, not an error (see HttpRequestOptions.passClientErrors). */
  passClientErrors?: boolean;
}

/** Builds URL, headers and body once, so that every attempt sends the same request. */
export function prepareRequest(
  method: string,
  baseUrl: string,
  path: string,
  defaultHeaders: Record<string, string> | undefined,
  options: HttpRequestOptions<unknown>,
): PreparedRequest {
  // Relative to the base, so that a base path (`/v1/`) is kept.
  const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...defaultHeaders, ...options.headers };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: string | URLSearchParams | undefined;
  if (typeof options.body === 'string' || options.body instanceof URLSearchParams) {
    body = options.body;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const spanName = options.route ? `${method} ${options.route}` : method;
  return { method, url, headers, body, route: options.route, spanName, passClientErrors: options.passClientErrors };
}
