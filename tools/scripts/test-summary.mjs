#!/usr/bin/env node
// Adds up the JSON reports that every project's Vitest run writes to .data/test-results and
// prints one closing line: `tests: N passed, N failed, N skipped`. Exits 1 when a test failed,
// none ran, or no report exists (a project that crashed before reporting).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, '.data', 'test-results');

let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  /* no reports at all */
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const failedSuites = report.numFailedTestSuites ?? 0;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.numFailedTests ? 0 : failedSuites);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  process.stdout.write(
    `${path.basename(file, '.json').replace(/__/g, '/')}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed` +
      `${failedSuites ? `, ${failedSuites} file(s) failed to run` : ''}\n`,
  );
}

process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(files.length === 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
