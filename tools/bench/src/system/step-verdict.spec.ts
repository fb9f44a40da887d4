import { describe, expect, it } from 'vitest';
import { failuresOf, figuresOf, stepFigures, verdictOf, type Bounds, type Sample } from './step-verdict.js';

const sample = (route: string, latencyMs: number, ok = true, judged = true): Sample => ({
  route,
  dueAt: 0,
  latencyMs,
  ok,
  status: ok ? 200 : 503,
  judged,
});
const bounds: Bounds = { p99Ms: 500, errorPercent: 1, lagMs: 50 };

describe('step figures', () => {
  it('gives per-route counts, rate, percentiles and error percent', () => {
    const samples = Array.from({ length: 100 }, (_, i) => sample('list', i + 1, i !== 0));
    const figures = figuresOf('list', samples, 10);
    expect(figures).toEqual({ route: 'list', sent: 100, perSecond: 10, p50: 50, p95: 95, p99: 99, errorPercent: 1 });
  });

  it('keeps routes apart and leaves the unjudged ones out of the total', () => {
    const { routes, total } = stepFigures(
      [sample('login', 100), sample('list', 10), sample('checkout', 9000, false, false), sample('list', 20)],
      2,
    );
    expect(routes.map((figures) => [figures.route, figures.sent])).toEqual([
      ['login', 1],
      ['list', 2],
      ['checkout', 1],
    ]);
    expect(total.sent).toBe(3);
    expect(total.errorPercent).toBe(0);
    expect(total.p99).toBe(100);
    expect(total.perSecond).toBe(1.5);
  });

  it('counts the failures by route and status', () => {
    const samples = [sample('login', 1, false), sample('login', 1, false), sample('list', 1), sample('list', 1, false)];
    samples[3]!.status = 0;
    expect(failuresOf(samples)).toEqual(['login: 503 x2', 'list: no answer x1']);
  });

  it('gives zeros for a route with no request', () => {
    expect(figuresOf('none', [], 5)).toMatchObject({ sent: 0, p99: 0, errorPercent: 0 });
  });
});

describe('step verdict', () => {
  const total = (p99: number, errorPercent: number, sent = 100) => ({
    route: 'all',
    sent,
    perSecond: 10,
    p50: 1,
    p95: 1,
    p99,
    errorPercent,
  });

  it('holds within every bound, the bounds themselves included', () => {
    expect(verdictOf(total(500, 1), 50, bounds)).toEqual({ held: true, reasons: [] });
  });

  it('breaks on errors, on p99 and on a generator behind its schedule, naming each', () => {
    const verdict = verdictOf(total(501, 1.5), 80, bounds);
    expect(verdict.held).toBe(false);
    expect(verdict.reasons).toEqual([
      'errors 1.5% > 1%',
      'p99 501 ms > 500 ms',
      'the generator fell behind its schedule (send lag p99 80 ms > 50 ms)',
    ]);
  });

  it('does not hold a step that measured nothing', () => {
    expect(verdictOf(total(0, 0, 0), 0, bounds).held).toBe(false);
  });
});
