/**
 * `npm run fuzz:api [-- --seed N] [--max-examples N]`: starts the system on free ports, fuzzes
 * every operation of the public contract with schemathesis (`--checks all`) as a user and as an
 * admin, prints what it found (each finding with a `curl` that reproduces it), and exits 1 on any.
 */
import { parseArgs } from 'node:util';
import { schemathesisBin } from '@platform/infra/testing';
import { describeReport } from './fuzz-public-api.js';
import { fuzzTheSystem } from './fuzz-the-system.js';

const { values } = parseArgs({ options: { seed: { type: 'string' }, 'max-examples': { type: 'string' } } });
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const report = await fuzzTheSystem({
  bin: schemathesisBin(),
  seed: values.seed === undefined ? undefined : Number(values.seed),
  maxExamples: values['max-examples'] === undefined ? undefined : Number(values['max-examples']),
  log: (line) => say(`fuzz | ${line}`),
});
for (const result of report.results) if (result.exitCode !== 0) say(result.output);
say(describeReport(report));
process.exit(report.ok ? 0 : 1);
