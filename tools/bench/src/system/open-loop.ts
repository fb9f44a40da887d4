/**
 * The open-loop schedule of bench:system: when each request is due, decided before the step
 * starts and never moved by the answers (a closed loop waits for answers and so sends less when
 * the system slows down, which hides queueing: coordinated omission).
 */

/** The operations of the measured mix (see tools/bench/README.md, bench:system). */
export type Operation = 'login' | 'list' | 'issue' | 'pay';

/** How many of each operation per `sum of weights` arrivals. */
export type Mix = Record<Operation, number>;

/** One due operation: what, and when (ms after the step's start). */
export interface Arrival {
  operation: Operation;
  atMs: number;
}

/** Evenly spaced arrival offsets (ms) for `rate` per second over `seconds`: the first at 0. */
export function arrivalOffsetsMs(rate: number, seconds: number): number[] {
  if (!(rate > 0)) throw new Error(`rate must be positive, got ${rate}`);
  if (!(seconds > 0)) throw new Error(`seconds must be positive, got ${seconds}`);
  const count = Math.round(rate * seconds);
  const gap = 1000 / rate;
  return Array.from({ length: count }, (_, i) => i * gap);
}

/**
 * `count` operations interleaved in the mix's proportions (smooth weighted round-robin, as nginx
 * balances upstreams): every prefix is as close to the proportions as whole requests allow, so a
 * short step gets the same mix as a long one.
 */
export function interleave(mix: Mix, count: number): Operation[] {
  const entries = (Object.entries(mix) as [Operation, number][]).filter(([, weight]) => weight > 0);
  if (entries.length === 0) throw new Error('the mix has no operation with a positive weight');
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const current = new Map(entries.map(([operation]) => [operation, 0]));
  const picked: Operation[] = [];
  for (let i = 0; i < count; i++) {
    let best: Operation = entries[0]![0];
    for (const [operation, weight] of entries) {
      current.set(operation, current.get(operation)! + weight);
      if (current.get(operation)! > current.get(best)!) best = operation;
    }
    current.set(best, current.get(best)! - total);
    picked.push(best);
  }
  return picked;
}

/** The whole schedule of one step: warm-up and measured window back to back, at one rate. */
export function stepSchedule(mix: Mix, rate: number, warmupSeconds: number, seconds: number): Arrival[] {
  const offsets = arrivalOffsetsMs(rate, warmupSeconds + seconds);
  const operations = interleave(mix, offsets.length);
  return offsets.map((atMs, i) => ({ operation: operations[i]!, atMs }));
}

/** The rates to try: `start`, then `start + step`, … up to `max` (inclusive). */
export function rateSteps(start: number, step: number, max: number): number[] {
  if (!(start > 0) || !(step > 0) || max < start)
    throw new Error(`bad rate steps: start ${start}, step ${step}, max ${max}`);
  const rates: number[] = [];
  for (let rate = start; rate <= max; rate += step) rates.push(rate);
  return rates;
}
