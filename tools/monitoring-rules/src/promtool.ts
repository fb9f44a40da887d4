import { spawnSync } from 'node:child_process';

/** What a command printed and how it ended. */
export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs a Prometheus command-line tool (`promtool`, `amtool`) to completion. */
export function runTool(command: 'promtool' | 'amtool', args: string[], cwd?: string): CommandResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `${command} could not run (${result.error.message}): install Debian's prometheus and prometheus-alertmanager packages (node tools/scripts/ensure-prerequisites.mjs test does)`,
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
