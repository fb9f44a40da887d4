/**
 * `npm run chaos [-- --short] [--seed N] [--duration SECONDS]`: the whole system on infrastructure
 * of its own under a seeded workload and fault schedule, then the checks of issue 18. Prints a
 * table and, last, `chaos: requests N, events N, faults N, lost N, duplicate effects N, order
 * violations N, recovered within N s`; exits 1 on any violation. Ctrl-C stops everything it
 * started and exits 130, as an interrupted command does (a second Ctrl-C quits at once).
 */
import { parseChaosOptions } from './options.js';
import { formatReport } from './report.js';
import { runChaos } from './run-chaos.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const abort = new AbortController();

async function main(): Promise<number> {
  let options;
  try {
    options = parseChaosOptions(process.argv.slice(2));
  } catch (error) {
    say((error as Error).message);
    return 2;
  }
  let interrupts = 0;
  process.on('SIGINT', () => {
    if (++interrupts > 1) process.exit(130);
    say('chaos: interrupted; stopping everything it started (Ctrl-C again quits at once)');
    abort.abort();
  });
  try {
    const started = Date.now();
    const result = await runChaos(options, (line) => say(`chaos | ${line}`), abort.signal);
    say(`run took ${Math.round((Date.now() - started) / 1000)} s`);
    say(formatReport(result));
    return result.lost + result.duplicates + result.orderViolations === 0 ? 0 : 1;
  } catch (error) {
    say(`chaos: ${(error as Error).message}`);
    return abort.signal.aborted ? 130 : 1;
  }
}

const exitCode = await main();
// Interrupted, the run has stopped everything it started by now, but the workload's retry waits and
// the schedule's timers may still be pending: leave instead of waiting for a second Ctrl-C.
if (abort.signal.aborted) process.exit(exitCode);
process.exitCode = exitCode;
