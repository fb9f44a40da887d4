import { parseArgs } from 'node:util';

/** The knobs of bench:system. */
export interface SystemBenchOptions {
  seconds: number;
  warmupSeconds: number;
  startRate: number;
  step: number;
  maxRate: number;
  p99BoundMs: number;
  /** Percent of failed requests a step may have and still hold. */
  errorBound: number;
  /** How late (p99, ms) the generator may start sends before its schedule no longer counts as kept. */
  lagBoundMs: number;
  /** Users (each with a business, customers and issued invoices) the load spreads over. */
  users: number;
}

export const DEFAULTS: SystemBenchOptions = {
  seconds: 20,
  warmupSeconds: 3,
  startRate: 20,
  step: 20,
  maxRate: 400,
  p99BoundMs: 500,
  errorBound: 1,
  lagBoundMs: 50,
  users: 16,
};

export const USAGE = `npm run bench:system -- [options]

Open-loop load through the gateway (logins, invoice lists, invoice issues, payments) at rising
rates; stops at the first step whose errors or p99 break the bound, or whose schedule the
generator could not keep. Prints each step, the highest rate held, and last:
  system: sustained req/s N at p99 ms N, errors N%, event-to-email p99 ms N

  --seconds N        measured seconds per step (default ${DEFAULTS.seconds})
  --warmup N         seconds at the step's rate before measuring (default ${DEFAULTS.warmupSeconds})
  --start-rate N     first rate, operations/s (default ${DEFAULTS.startRate})
  --step N           added per step (default ${DEFAULTS.step})
  --max-rate N       last rate tried (default ${DEFAULTS.maxRate})
  --p99-bound-ms N   a step holds while p99 of all gateway requests is at most N ms (default ${DEFAULTS.p99BoundMs})
  --error-bound N    … and at most N % of them failed (default ${DEFAULTS.errorBound})
  --lag-bound-ms N   … and the generator started its sends at most N ms late (p99; default ${DEFAULTS.lagBoundMs})
  --users N          users with a business each, made before the load (default ${DEFAULTS.users})
  --help             this text`;

/** The options from `argv` (without node and the script), or `help` when asked; throws one clear message on a bad value. */
export function parseOptions(argv: readonly string[]): SystemBenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      'start-rate': { type: 'string' },
      step: { type: 'string' },
      'max-rate': { type: 'string' },
      'p99-bound-ms': { type: 'string' },
      'error-bound': { type: 'string' },
      'lag-bound-ms': { type: 'string' },
      users: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const number = (flag: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${flag} must be a number of at least ${min}, got "${raw}"`);
    return value;
  };
  const options: SystemBenchOptions = {
    seconds: number('seconds', values.seconds, DEFAULTS.seconds, 1),
    warmupSeconds: number('warmup', values.warmup, DEFAULTS.warmupSeconds, 0),
    startRate: number('start-rate', values['start-rate'], DEFAULTS.startRate, 1),
    step: number('step', values.step, DEFAULTS.step, 1),
    maxRate: number('max-rate', values['max-rate'], DEFAULTS.maxRate, 1),
    p99BoundMs: number('p99-bound-ms', values['p99-bound-ms'], DEFAULTS.p99BoundMs, 1),
    errorBound: number('error-bound', values['error-bound'], DEFAULTS.errorBound, 0),
    lagBoundMs: number('lag-bound-ms', values['lag-bound-ms'], DEFAULTS.lagBoundMs, 1),
    users: Math.floor(number('users', values.users, DEFAULTS.users, 1)),
  };
  if (options.maxRate < options.startRate)
    throw new Error(`--max-rate (${options.maxRate}) is below --start-rate (${options.startRate})`);
  return options;
}
