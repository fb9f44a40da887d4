import { describe, expect, it } from 'vitest';
import { RequestContext } from './request-context.js';

describe('RequestContext', () => {
  it('shows a value set later to work started earlier, since the context is shared, not copied', async () => {
    const seen = await RequestContext.run({ correlationId: 'c-1' }, async () => {
      const later = new Promise<string | undefined>((resolve) =>
        setTimeout(() => resolve(RequestContext.get('userId')), 5),
      );
      RequestContext.set('userId', 'u-1');
      return later;
    });
    expect(seen).toBe('u-1');
  });

  it('keeps contexts apart and leaves nothing behind', async () => {
    const [a, b] = await Promise.all([
      RequestContext.run({ correlationId: 'a' }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return RequestContext.ids();
      }),
      RequestContext.run({ correlationId: 'b' }, async () => RequestContext.ids()),
    ]);
    expect(a).toEqual({ correlationId: 'a' });
    expect(b).toEqual({ correlationId: 'b' });
    expect(RequestContext.active()).toBe(false);
    expect(RequestContext.ids()).toEqual({});
  });

  it('does not change the caller’s ids object', () => {
    const ids = { correlationId: 'c-2' };
    RequestContext.run(ids, () => RequestContext.set('correlationId', 'changed'));
    expect(ids).toEqual({ correlationId: 'c-2' });
  });

  it('sums database and upstream time, ignoring durations that are not', () => {
    const timings = RequestContext.run({}, () => {
      RequestContext.addDatabaseTime(4);
      RequestContext.addDatabaseTime(1.5);
      RequestContext.addDatabaseTime(Number.NaN);
      RequestContext.addUpstreamTime(-3);
      RequestContext.addUpstreamTime(10);
      return RequestContext.timings();
    });
    expect(timings).toEqual({ databaseMs: 5.5, upstreamMs: 10 });
  });

  it('does nothing outside a context', () => {
    RequestContext.set('userId', 'nobody');
    RequestContext.addDatabaseTime(5);
    expect(RequestContext.get('userId')).toBeUndefined();
    expect(RequestContext.timings()).toEqual({ databaseMs: 0, upstreamMs: 0 });
  });
});
