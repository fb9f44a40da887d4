import type { ErrorEvent } from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { scrubEvent } from './scrub-event.js';

describe('scrubEvent', () => {
  // A span id that is all digits and passes the Luhn check: the card-number rule would eat it.
  const luhnLikeSpanId = '4111111111111111';

  const event = (): ErrorEvent => ({
    type: undefined,
    event_id: '4532015112830366aaaaaaaaaaaaaaaa',
    message: 'login failed for jane.doe@example.com',
    exception: {
      values: [{ type: 'Error', value: 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl rejected' }],
    },
    extra: { password: 'hunter2', nested: { apiKey: 'k-123', note: 'Bearer abc.def.ghi' } },
    request: { headers: { authorization: 'Basic dXNlcjpwYXNz', cookie: 'sid=1', 'user-agent': 'curl' } },
    breadcrumbs: [{ message: 'paid with 4111 1111 1111 1111' }],
    contexts: { trace: { trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: luhnLikeSpanId } },
    tags: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: luhnLikeSpanId, correlationId: 'c-1' },
  });

  it('removes what log redaction removes, everywhere in the event', () => {
    const scrubbed = JSON.stringify(scrubEvent(event()));
    for (const secret of [
      'jane.doe@',
      'hunter2',
      'k-123',
      'abc.def.ghi',
      'eyJhbGciOiJIUzI1NiJ9',
      'dXNlcjpwYXNz',
      'sid=1',
      '4111 1111',
    ]) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('j***@example.com');
    expect(scrubbed).toContain('curl');
  });

  it('keeps the event and trace ids intact even when they look like card numbers', () => {
    const scrubbed = scrubEvent(event());
    expect(scrubbed.event_id).toBe('4532015112830366aaaaaaaaaaaaaaaa');
    expect(scrubbed.contexts?.trace?.span_id).toBe(luhnLikeSpanId);
    expect(scrubbed.tags).toMatchObject({ spanId: luhnLikeSpanId, correlationId: 'c-1' });
  });

  it('does not modify the event it was given', () => {
    const original = event();
    scrubEvent(original);
    expect(original).toEqual(event());
  });
});
