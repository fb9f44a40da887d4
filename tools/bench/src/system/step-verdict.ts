import { percentile, round } from '../stats.js';

/** One request of a step, as the load generator saw it. */
export interface Sample {
  route: string;
  /** When it was due (ms, the generator's clock): latency counts from here, not from the send. */
  dueAt: number;
  latencyMs: number;
  ok: boolean;
  /** The HTTP status, 0 when no answer came (refused, reset, timed out). */
  status: number;
  /** False for the payment sandbox's checkout: an outside system's page, shown but not judged. */
  judged: boolean;
}

/** The figures of one route (or of all judged routes) over a measured window. */
export interface RouteFigures {
  route: string;
  sent: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errorPercent: number;
}

/** When a step no longer holds. */
export interface Bounds {
  p99Ms: number;
  /** Percent of failed judged requests. */
  errorPercent: number;
  /** How late the generator may start a send (p99, ms) before its schedule no longer counts as kept. */
  lagMs: number;
}

export interface Verdict {
  held: boolean;
  /** Why it did not hold (empty when it held). */
  reasons: string[];
}

/** Figures of `samples` over a window of `seconds`. */
export function figuresOf(route: string, samples: readonly Sample[], seconds: number): RouteFigures {
  if (samples.length === 0) return { route, sent: 0, perSecond: 0, p50: 0, p95: 0, p99: 0, errorPercent: 0 };
  const sorted = samples.map((sample) => sample.latencyMs).sort((a, b) => a - b);
  const failed = samples.filter((sample) => !sample.ok).length;
  return {
    route,
    sent: samples.length,
    perSecond: samples.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errorPercent: (100 * failed) / samples.length,
  };
}

/** Per route (in first-seen order), then `all judged` over every judged request. */
export function stepFigures(
  samples: readonly Sample[],
  seconds: number,
): { routes: RouteFigures[]; total: RouteFigures } {
  const byRoute = new Map<string, Sample[]>();
  for (const sample of samples) {
    const list = byRoute.get(sample.route) ?? [];
    list.push(sample);
    byRoute.set(sample.route, list);
  }
  return {
    routes: [...byRoute].map(([route, list]) => figuresOf(route, list, seconds)),
    total: figuresOf(
      'all (gateway)',
      samples.filter((sample) => sample.judged),
      seconds,
    ),
  };
}

/** The failed requests by route and status, e.g. `POST /v1/auth/login: 503 x2, no answer x1`. */
export function failuresOf(samples: readonly Sample[]): string[] {
  const byRoute = new Map<string, Map<number, number>>();
  for (const sample of samples) {
    if (sample.ok) continue;
    const statuses = byRoute.get(sample.route) ?? new Map<number, number>();
    statuses.set(sample.status, (statuses.get(sample.status) ?? 0) + 1);
    byRoute.set(sample.route, statuses);
  }
  return [...byRoute].map(
    ([route, statuses]) =>
      `${route}: ${[...statuses].map(([status, count]) => `${status === 0 ? 'no answer' : status} x${count}`).join(', ')}`,
  );
}

/** Whether a step held: judged errors and p99 within the bounds, and the generator on schedule. */
export function verdictOf(total: RouteFigures, lagP99Ms: number, bounds: Bounds): Verdict {
  const reasons: string[] = [];
  if (total.sent === 0) reasons.push('no request was measured');
  if (total.errorPercent > bounds.errorPercent)
    reasons.push(`errors ${round(total.errorPercent)}% > ${bounds.errorPercent}%`);
  if (total.p99 > bounds.p99Ms) reasons.push(`p99 ${round(total.p99)} ms > ${bounds.p99Ms} ms`);
  if (lagP99Ms > bounds.lagMs)
    reasons.push(`the generator fell behind its schedule (send lag p99 ${round(lagP99Ms)} ms > ${bounds.lagMs} ms)`);
  return { held: reasons.length === 0, reasons };
}
