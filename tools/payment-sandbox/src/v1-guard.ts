import { ProblemError } from './http.js';
import type { RouteContext } from './sandbox-parts.js';

/** How long a call taken by `timeoutNext` is held before its connection is dropped. */
export const HELD_CALL_MS = 60_000;

/**
 * What every /v1 call goes through before its handler: the injected latency, then an injected
 * failure (which answers instead of the handler, so the call has no effect), then the bearer token.
 * Resolves true when the handler may run.
 */
export async function guardV1({ request, response, parts }: RouteContext): Promise<boolean> {
  const latency = parts.faults.latencyMs();
  if (latency > 0) await parts.timers.sleep(latency);
  const fault = parts.faults.takeCallFault();
  if (fault?.kind === 'fail')
    throw new ProblemError(
      'provider_unavailable',
      `injected failure (failNext): HTTP ${fault.status}`,
      {},
      fault.status,
    );
  if (fault?.kind === 'rate-limit')
    throw new ProblemError('rate_limited', 'injected rate limit (rateLimitNext)', {
      'retry-after': String(fault.retryAfterSeconds),
    });
  if (fault?.kind === 'timeout') {
    // No answer: the connection is dropped after the hold, or earlier when the client gives up.
    const timer = parts.timers.after(HELD_CALL_MS, () => response.destroy());
    response.once('close', () => parts.timers.cancel(timer));
    return false;
  }
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !parts.tokens.isValid(token))
    throw new ProblemError(
      'invalid_token',
      token ? 'the access token is unknown or expired' : 'a bearer access token is required',
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  return true;
}
