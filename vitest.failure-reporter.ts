import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** One error Vitest recorded: where (file, then the suite or test path) and its message with stack. */
export interface RecordedFailure {
  where: string;
  error: string;
}

interface Task {
  name: string;
  tasks?: Task[];
  result?: { errors?: { message?: string; stack?: string }[] };
}

/**
 * Writes every error of a run to one JSON file: a failed test's, but also a failed hook's (a
 * `beforeAll` that threw sits on its suite, which Vitest's JSON report leaves out) and errors
 * outside any test. tools/scripts/test-summary.mjs prints them at the end of `npm test`, where
 * CI's log keeps them.
 */
export default class FailureReporter implements Reporter {
  private readonly outputFile: string;
  private readonly root: string;

  constructor(options: { outputFile: string; root: string }) {
    this.outputFile = options.outputFile;
    this.root = options.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const failures: RecordedFailure[] = [];
    const visit = (task: Task, where: string) => {
      for (const error of task.result?.errors ?? []) {
        failures.push({ where, error: error.stack || error.message || String(error) });
      }
      for (const child of task.tasks ?? []) visit(child, `${where} > ${child.name}`);
    };
    for (const testModule of testModules) {
      visit(testModule.task as Task, path.relative(this.root, testModule.moduleId));
    }
    for (const error of unhandledErrors) {
      const { stack, message } = (error ?? {}) as { stack?: string; message?: string };
      failures.push({ where: 'outside any test', error: stack || message || String(error) });
    }
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify(failures));
  }
}
