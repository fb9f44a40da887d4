import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendUntilAnswered, type ClientAnswer } from './send-until-answered.js';

type Answer = ClientAnswer<{ id: string }>;

/** A canned answer as openapi-fetch resolves it: data on 2xx, the problem body as `error` otherwise. */
function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Answer {
  const response = new Response(JSON.stringify(body), { status, headers });
  return response.ok ? { data: body as { id: string }, response } : { error: body, response };
}

/** A fake `call` that resolves the canned answers in order (the last one again after that). */
function cannedCall(...answers: (Answer | Error)[]) {
  let sent = 0;
  const call = vi.fn(async () => {
    const next = answers[Math.min(sent++, answers.length - 1)]!;
    if (next instanceof Error) throw next;
    return next;
  });
  return call;
}

const inProgress = (retryAfter: string) =>
  answer(409, { status: 409, code: 'IDEMPOTENCY.IN_PROGRESS' }, { 'retry-after': retryAfter });

describe('sendUntilAnswered', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // On a whole second: an HTTP-date has no milliseconds.
    vi.setSystemTime(new Date('2026-12-07T12:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a 409 with Retry-After until the first answer is there', async () => {
    const call = cannedCall(inProgress('1'), inProgress('1'), answer(201, { id: 'invoice-1' }));

    const sent = sendUntilAnswered(call, undefined, 60_000);
    await vi.runAllTimersAsync();

    const final = await sent;
    expect(final?.response.status).toBe(201);
    expect(final?.data).toEqual({ id: 'invoice-1' });
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('waits at least the seconds Retry-After names, longer than its own backoff', async () => {
    const call = cannedCall(inProgress('2'), answer(201, { id: 'invoice-1' }));

    const sent = sendUntilAnswered(call, undefined, 60_000);
    await vi.advanceTimersByTimeAsync(1_999);
    // The first backoff is 200 ms: without Retry-After the second try would have gone long ago.
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(call).toHaveBeenCalledTimes(2);
    expect((await sent)?.response.status).toBe(201);
  });

  it('reads Retry-After as an HTTP-date too', async () => {
    const call = cannedCall(inProgress(new Date(Date.now() + 3_000).toUTCString()), answer(201, { id: 'invoice-1' }));

    const sent = sendUntilAnswered(call, undefined, 60_000);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(call).toHaveBeenCalledTimes(2);
    expect((await sent)?.response.status).toBe(201);
  });

  it('gives up when the window closes, waiting no longer than what is left of it', async () => {
    const call = cannedCall(inProgress('120'));

    let final: Answer | undefined | 'pending' = 'pending';
    void sendUntilAnswered(call, undefined, 5_000).then((answered) => (final = answered));
    await vi.advanceTimersByTimeAsync(5_000);

    // Retry-After is capped at the window: resolved when the window closed, not two minutes later.
    expect(final).toBeUndefined();
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('answers a 409 without Retry-After at once: a conflict the caller has to read', async () => {
    const lost = answer(409, { status: 409, code: 'IDEMPOTENCY.ANSWER_LOST' });
    const call = cannedCall(lost);

    const final = await sendUntilAnswered(call, undefined, 60_000);

    expect(final).toBe(lost);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('does not send again after a success that carries Retry-After', async () => {
    const accepted = answer(202, { id: 'job-1' }, { 'retry-after': '5' });
    const call = cannedCall(accepted);

    expect(await sendUntilAnswered(call, undefined, 60_000)).toBe(accepted);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('still retries refused connections, 5xx, 429 and 401, and what `retryable` adds', async () => {
    const call = cannedCall(
      new Error('connect ECONNREFUSED'),
      answer(503, { status: 503 }),
      answer(429, { status: 429 }),
      answer(401, { status: 401 }),
      answer(422, { status: 422, code: 'BUSINESS.USER_NOT_IN_DIRECTORY' }),
      answer(201, { id: 'business-1' }),
    );

    const sent = sendUntilAnswered(call, (a) => a.error?.code === 'BUSINESS.USER_NOT_IN_DIRECTORY', 60_000);
    await vi.runAllTimersAsync();

    expect((await sent)?.data).toEqual({ id: 'business-1' });
    expect(call).toHaveBeenCalledTimes(6);
  });
});
