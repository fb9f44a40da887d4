import { UpstreamRejectedError, UpstreamUnavailableError } from '@platform/validation';
import { parseRetryAfter } from '../retry/retry-after.js';

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text || undefined;
  }
}

/**
 * The typed error of a non-2xx answer. 429 and 503 say "later": 503 here, with the upstream's
 * Retry-After. Another 5xx is the upstream's fault: 502. A 4xx is an answer the caller may
 * handle (UpstreamRejectedError carries status and body).
 */
export function statusError(upstream: string, method: string, response: Response, text: string): Error {
  const status = response.status;
  const message = `${upstream} answered ${method} with ${status}`;
  if (status === 429 || status >= 500) {
    return new UpstreamUnavailableError(upstream, message, {
      status: status === 429 || status === 503 ? 503 : 502,
      upstreamStatus: status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
  return new UpstreamRejectedError(upstream, status, parseBody(text));
}
