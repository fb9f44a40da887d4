/** What a typed gateway-client call resolves to (openapi-fetch's `{ data, error, response }`). */
export interface ClientAnswer<T> {
  data?: T;
  error?: { code?: string } | undefined;
  response: Response;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `call` until the platform answers something other than a transient failure (a refused
 * connection while a service starts or restarts, 5xx, 429, 401, or what `retryable` adds), with
 * backoff, for at most `windowMs`. Only for calls that are safe to repeat (an Idempotency-Key, an
 * If-Match, or a read). Resolves the last answer, or undefined when the window closed first.
 * 401 counts as transient: while its revocation feed is behind (Kafka or the gateway restarting),
 * the gateway refuses every token (fails closed, decision 0011); callers here hold good tokens.
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
    const transient = !answer || status >= 500 || status === 429 || status === 401 || retryable(answer);
    if (!transient) return answer;
    await sleep(Math.min(200 * 2 ** attempt, 3_000));
  }
  return undefined;
}
