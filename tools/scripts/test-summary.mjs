#!/usr/bin/env node
// Adds up the JSON reports that every project's Vitest run writes to .data/test-results and
// prints one line per project, then every error of the run (a failed test's, a hook's, one outside
// any test) with its first lines (CI keeps only the tail of its log, so the cause must be here),
// then one closing line:
// `tests: N passed, N failed, N skipped`. Exits 1 when a test failed, none ran, or no report
// exists (a project that crashed before reporting).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, '.data', 'test-results');
const ERROR_LINES = 20;
// Stack frames of Vitest and Node themselves say nothing about the cause.
const NOISE = /^\s*at (.*(node_modules|node:internal).*|new Promise \(<anonymous>\))$/;

let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  /* no reports at all */
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
for (const file of files) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const project = path.basename(file, '.json').replace(/__/g, '/');
  // numFailedTestSuites counts describe blocks too; a file that failed to run is one whose
  // status is failed without a failed test in it (an import error, a hook that threw).
  let filesNotRun = 0;
  for (const result of report.testResults ?? []) {
    const failedTests = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (result.status === 'failed' && failedTests.length === 0) filesNotRun += 1;
  }
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + filesNotRun;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  process.stdout.write(
    `${project}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed` +
      `${filesNotRun ? `, ${filesNotRun} file(s) failed to run` : ''}\n`,
  );
  // Every error of the run, hooks' and those outside tests included (vitest.failure-reporter.ts).
  try {
    for (const { where, error } of JSON.parse(readFileSync(path.join(dir, 'failures', file), 'utf8'))) {
      failures.push({ where: `${project} ${where}`, message: error });
    }
  } catch {
    /* a project that crashed before reporting; its missing tests show above */
  }
}

for (const { where, message } of failures) {
  const lines = message
    .split('\n')
    .filter((line) => line.trim() !== '' && !NOISE.test(line))
    .slice(0, ERROR_LINES);
  process.stdout.write(`FAILED ${where}\n${lines.map((line) => `    ${line}`).join('\n')}\n`);
}

process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(files.length === 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
