/** What a chaos run does: how long it drives load and faults, and from which seed. */
export interface ChaosOptions {
  seed: number;
  /** How long the workload and the fault schedule run, in seconds (quiescence and checks come after). */
  durationSeconds: number;
  /** The CI run: fewer users and invoices, every fault kind once or twice. */
  short: boolean;
}

const USAGE = 'usage: npm run chaos -- [--short] [--seed N] [--duration SECONDS]';

/** Parses `--short`, `--seed N`, `--duration N` (also `--seed=N`); a bad argument throws with the usage. */
export function parseChaosOptions(args: readonly string[], now = Date.now()): ChaosOptions {
  let short = false;
  let seed: number | undefined;
  let duration: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = (): number => {
      const text = inline ?? args[++i];
      const parsed = Number(text);
      if (text === undefined || !Number.isInteger(parsed) || parsed < 0) {
        throw new Error(`${flag} needs a whole number, got ${text ?? 'nothing'}\n${USAGE}`);
      }
      return parsed;
    };
    if (flag === '--short') short = true;
    else if (flag === '--seed') seed = value();
    else if (flag === '--duration') duration = value();
    else throw new Error(`unknown argument ${args[i]}\n${USAGE}`);
  }
  return {
    short,
    // The seed is printed, so a run without one can be repeated.
    seed: seed ?? now % 1_000_000,
    durationSeconds: duration ?? (short ? 60 : 300),
  };
}
