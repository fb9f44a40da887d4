/**
 * What the whole system sustains: `npm start`'s launcher on ports, databases and a Kafka broker of
 * its own, users set up through the gateway (not measured), then an open-loop mix of log-ins,
 * invoice lists, invoice issues and payments from a second process (system/load.child.ts) at
 * rising rates, until a step breaks the bound. Prints each step per route, the highest rate held,
 * and the invoice e-mails' event-to-e-mail latency at that rate (issue accepted → Mailpit received).
 *
 *   npm run bench:system -- --help
 *   last line: `system: sustained req/s N at p99 ms N, errors N%, event-to-email p99 ms N`
 */
import os from 'node:os';
import { startOwnSystem } from '@platform/dev';
import { startPrivateKafka } from '@platform/infra/testing';
import { Cleanup } from './cleanup.js';
import { percentile, round } from './stats.js';
import { invoiceEmailLatency, type EmailLatency } from './system/email-latency.js';
import { makeFixture } from './system/fixture.js';
import { startLoadProcess } from './system/load-process.js';
import { rateSteps, type Mix } from './system/open-loop.js';
import { parseOptions, USAGE, type SystemBenchOptions } from './system/options.js';
import {
  failuresOf,
  stepFigures,
  verdictOf,
  type Bounds,
  type RouteFigures,
  type Verdict,
} from './system/step-verdict.js';

/** The measured mix, operations per 20 (README: bench:system). */
const MIX: Mix = { login: 2, list: 10, issue: 4, pay: 4 };
/** How long after a step its invoice e-mails may take to show up in Mailpit before they count as missing. */
const EMAIL_DEADLINE_MS = 30_000;

interface StepResult {
  rate: number;
  failures: string[];
  routes: RouteFigures[];
  total: RouteFigures;
  lagP99Ms: number;
  email: EmailLatency;
  payWithoutInvoice: number;
  verdict: Verdict;
}

const say = (line: string) => void process.stdout.write(`${line}\n`);
const pad = (value: string | number, width: number) => String(value).padStart(width);

function printStep(step: StepResult, seconds: number): void {
  say(
    `${pad(step.rate, 4)} op/s: ${step.verdict.held ? 'held' : `broke (${step.verdict.reasons.join('; ')})`}` +
      `, send lag p99 ${round(step.lagP99Ms)} ms over ${seconds} s`,
  );
  say(
    `  ${'route'.padEnd(36)}${pad('sent', 7)}${pad('req/s', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('err %', 8)}`,
  );
  for (const figures of [...step.routes, step.total]) {
    say(
      `  ${figures.route.padEnd(36)}${pad(figures.sent, 7)}${pad(round(figures.perSecond), 8)}${pad(round(figures.p50), 8)}` +
        `${pad(round(figures.p95), 8)}${pad(round(figures.p99), 8)}${pad(round(figures.errorPercent), 8)}`,
    );
  }
  if (step.failures.length) say(`  failed: ${step.failures.join('; ')}`);
  const emails = step.email.latenciesMs.length;
  say(
    `  invoice e-mails: ${emails} arrived, ${step.email.missing} missing after ${EMAIL_DEADLINE_MS / 1000} s` +
      (emails ? `, event-to-email p50 ${round(emailP(step, 50))} ms, p99 ${round(emailP(step, 99))} ms` : '') +
      (step.payWithoutInvoice ? `; ${step.payWithoutInvoice} payments found no open invoice and listed instead` : ''),
  );
}

function emailP(step: StepResult, p: number): number {
  const sorted = [...step.email.latenciesMs].sort((a, b) => a - b);
  return sorted.length ? percentile(sorted, p) : Number.NaN;
}

async function main(options: SystemBenchOptions, cleanup: Cleanup): Promise<void> {
  const runTag = `sb${Date.now().toString(36)}`;
  // A broker of its own: the load's events are not shared with (or slowed by) other tests' work.
  say('starting a private Kafka broker');
  const kafka = await startPrivateKafka();
  cleanup.defer('the private Kafka broker', () => kafka.destroy());
  say('starting the system (npm start launcher, ports, databases and consumer groups of its own)');
  const own = await startOwnSystem({
    purpose: 'bench:system',
    prefix: 'bench',
    infra: { mailpit: true },
    env: {
      KAFKA_BROKERS: kafka.brokers.join(','),
      // The bench measures the system, not the limits that protect it.
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
    },
    timeoutMs: 300_000,
  });
  cleanup.defer('the system', () => own.stop());
  const { system } = own;
  const mailpitApi = own.infra.mailpit?.apiUrl;
  if (!mailpitApi) throw new Error('the infrastructure came up without Mailpit');

  say(`setting up ${options.users} users (not measured)`);
  const fixture = await makeFixture(system.gatewayUrl, runTag, options.users);
  const runStep = await startLoadProcess(system.gatewayUrl, fixture, cleanup);
  const bounds: Bounds = { p99Ms: options.p99BoundMs, errorPercent: options.errorBound, lagMs: options.lagBoundMs };
  say(
    `mix per 20 operations: ${Object.entries(MIX)
      .map(([operation, weight]) => `${weight} ${operation}`)
      .join(
        ', ',
      )}; bound: errors <= ${bounds.errorPercent}%, p99 <= ${bounds.p99Ms} ms, send lag p99 <= ${bounds.lagMs} ms`,
  );
  say(
    `load average at the start: ${os
      .loadavg()
      .map((load) => round(load))
      .join(' ')}`,
  );

  let held: StepResult | undefined;
  for (const rate of rateSteps(options.startRate, options.step, options.maxRate)) {
    const reply = await runStep({ mix: MIX, rate, warmupSeconds: options.warmupSeconds, seconds: options.seconds });
    const { routes, total } = stepFigures(reply.samples, options.seconds);
    const lagP99Ms = reply.lagsMs.length
      ? percentile(
          [...reply.lagsMs].sort((a, b) => a - b),
          99,
        )
      : 0;
    const email = await invoiceEmailLatency(mailpitApi, runTag, reply.issued, EMAIL_DEADLINE_MS);
    const step: StepResult = {
      rate,
      failures: failuresOf(reply.samples),
      routes,
      total,
      lagP99Ms,
      email,
      payWithoutInvoice: reply.payWithoutInvoice,
      verdict: verdictOf(total, lagP99Ms, bounds),
    };
    printStep(step, options.seconds);
    if (!step.verdict.held) break;
    held = step;
  }
  say(
    `load average at the end: ${os
      .loadavg()
      .map((load) => round(load))
      .join(' ')}`,
  );
  if (!held) {
    say(`no step held: not even ${options.startRate} op/s kept within the bound (lower --start-rate)`);
    say(`system: sustained req/s 0 at p99 ms 0, errors 0%, event-to-email p99 ms 0`);
    process.exitCode = 1;
    return;
  }
  say('');
  say(`highest rate held: ${held.rate} op/s`);
  printStep(held, options.seconds);
  const emailP99 = held.email.latenciesMs.length ? Math.round(emailP(held, 99)) : 'n/a';
  say(
    `system: sustained req/s ${round(held.total.perSecond)} at p99 ms ${Math.round(held.total.p99)}, ` +
      `errors ${round(held.total.errorPercent)}%, event-to-email p99 ms ${emailP99}`,
  );
}

let options: SystemBenchOptions | 'help';
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench:system: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  say(USAGE);
} else {
  const cleanup = new Cleanup();
  const interrupted = (signal: NodeJS.Signals) => {
    say(`\n${signal}: stopping everything this run started`);
    void cleanup.unwind().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await main(options, cleanup);
  } catch (error) {
    console.error(`bench:system: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  } finally {
    await cleanup.unwind();
  }
}
