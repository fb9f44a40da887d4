import { describe, expect, it } from 'vitest';
import { isSafeCorrelationId, requestIdsFromHeaders } from './correlation-ids.js';

describe('isSafeCorrelationId', () => {
  it.each(['0190f0e2-7c4a-7b3e-9a1b-3c2d1e0f9a8b', 'abc', 'a.b:c_d-e', 'x'.repeat(128)])('accepts %s', (id) => {
    expect(isSafeCorrelationId(id)).toBe(true);
  });

  it.each([
    ['CRLF (header injection)', 'abc\r\nSet-Cookie: x=1'],
    ['a bare LF', 'abc\ndef'],
    ['too long', 'x'.repeat(129)],
    ['spaces', 'a b'],
    ['non-ASCII', 'café'],
    ['an empty string', ''],
    ['a slash', 'a/b'],
    ['an array (repeated header)', ['a', 'b']],
    ['undefined', undefined],
  ])('rejects %s', (_kind, value) => {
    expect(isSafeCorrelationId(value)).toBe(false);
  });
});

describe('requestIdsFromHeaders', () => {
  it('drops an unsafe correlation id rather than cleaning it, and correlates by the request id', () => {
    const ids = requestIdsFromHeaders({ 'x-request-id': 'req-9', 'x-correlation-id': 'bad\r\nid' });
    expect(ids).toEqual({ requestId: 'req-9', correlationId: 'req-9' });
  });

  it('makes a different request id for every request without one', () => {
    const first = requestIdsFromHeaders({});
    const second = requestIdsFromHeaders({});
    expect(first.requestId).not.toBe(second.requestId);
  });
});
