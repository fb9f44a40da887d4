import { parseRetryAfter } from '@platform/resilience';

/** What a typed gateway-client call resolves to (openapi-fetch's `{ data, error, response }`). */
export interface ClientAnswer<T> {
  data?: T;
  error?: { code?: string } | undefined;
  response: Response;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `call` until the platform answers something other than a transient failure (a refused
 * connection while a service starts or restarts, 5xx, 429, 401, a failure with `Retry-After`, or
 * what `retryable` adds), with backoff, for at most `windowMs`. Only for calls that are safe to
 * repeat (an Idempotency-Key, an If-Match, or a read). Resolves the last answer, or undefined when
 * the window closed first.
 * 401 counts as transient: while its revocation feed is behind (Kafka or the gateway restarting),
 * the gateway refuses every token (fails closed, decision 0011); callers here hold good tokens.
 * A failure with `Retry-After` is the server saying "come back later" (409 IDEMPOTENCY.IN_PROGRESS
 * while the first request with the key still runs): the next try waits at least that long.
 */
export async function sendUntilAnswered<T>(
  call: () => Promise<ClientAnswer<T>>,
  retryable: (answer: ClientAnswer<T>) => boolean = () => false,
  windowMs = 300_000,
): Promise<ClientAnswer<T> | undefined> {
  const deadline = Date.now() + windowMs;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const answer = await call().catch(() => undefined);
    const status = answer?.response.status ?? 0;
    const seconds = answer && status >= 400 ? parseRetryAfter(answer.response.headers.get('retry-after')) : undefined;
    const later = seconds === undefined ? undefined : seconds * 1_000;
    const transient =
      !answer || status >= 500 || status === 429 || status === 401 || later !== undefined || retryable(answer);
    if (!transient) return answer;
    const backoff = Math.min(200 * 2 ** attempt, 3_000);
    await sleep(Math.min(Math.max(backoff, later ?? 0), Math.max(deadline - Date.now(), 0)));
  }
  return undefined;
}
