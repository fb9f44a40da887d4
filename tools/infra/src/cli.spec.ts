import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths.js';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', path.join(repoRoot, 'tools/infra/src/cli.ts'), ...args],
      { cwd: repoRoot, env: { PATH: process.env['PATH'], ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('infra CLI', () => {
  it('stops on a malformed setting with one line and no stack trace', async () => {
    const result = await cli(['up'], { INFRA_PG_PORT: 'five' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('infra: INFRA_PG_PORT must be a TCP port (1-65535), got "five"\n');
    expect(result.stdout).toBe('');
  });

  it('prints DATABASE_URL= and KAFKA_BROKERS= lines, and nothing else, on stdout', async () => {
    const { databaseUrl, kafkaBrokers } = {
      databaseUrl: process.env['DATABASE_URL']!,
      kafkaBrokers: process.env['KAFKA_BROKERS']!,
    };
    const dataDir = path.join(repoRoot, '.data', 'test-infra', `cli-${process.pid}`);
    const result = await cli(['up'], {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafkaBrokers,
      INFRA_DATA_DIR: dataDir,
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`DATABASE_URL=${databaseUrl}\nKAFKA_BROKERS=${kafkaBrokers}\n`);
  });

  it('answers an unknown command with its usage and exit code 2', async () => {
    const result = await cli(['launch'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: infra <command>/);
  });
});
