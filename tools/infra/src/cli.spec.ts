import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot } from './paths.js';
import { isPortOpen } from './ports.js';
import { isolatedEnv } from './testing/isolated-env.js';

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

  it('prints DATABASE_URL=, KAFKA_BROKERS=, MAILPIT_* and Jaeger lines, and nothing else, on stdout', async () => {
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
    // `up` pins what it started (Mailpit, Jaeger): `down` on the same data folder stops them again.
    await cli(['down'], { INFRA_DATA_DIR: dataDir });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      `DATABASE_URL=${databaseUrl}`,
      `KAFKA_BROKERS=${kafkaBrokers}`,
    ]);
    expect(result.stdout.split('\n').slice(2)).toEqual([
      expect.stringMatching(/^MAILPIT_SMTP_URL=smtp:\/\//),
      expect.stringMatching(/^MAILPIT_API_URL=http:\/\//),
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT=http:\/\//),
      expect.stringMatching(/^JAEGER_QUERY_URL=http:\/\//),
      '',
    ]);
  });

  it('answers an unknown command with its usage and exit code 2', async () => {
    const result = await cli(['launch'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: infra <command>/);
  });
});

describe('infra start (npm run infra:start)', () => {
  it('stays in the foreground until Ctrl-C, then stops what it started', async () => {
    const env = await isolatedEnv();
    const child = spawn(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', path.join(repoRoot, 'tools/infra/src/cli.ts'), 'start'],
      { cwd: repoRoot, env },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await vi.waitFor(() => expect(output).toContain('Press Ctrl-C to stop.'), { timeout: 90_000, interval: 200 });
      await sleep(3_000); // still there after a while: waiting, not exiting
      expect(child.exitCode).toBeNull();
      expect(output).toContain(`KAFKA_BROKERS=127.0.0.1:${env['INFRA_KAFKA_PORT']}\n`);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output).toMatch(/Stopped Jaeger .* and Mailpit .* and Kafka .* and PostgreSQL/);
      expect(await isPortOpen('127.0.0.1', Number(env['INFRA_PG_PORT']))).toBe(false);
      expect(await isPortOpen('127.0.0.1', Number(env['INFRA_KAFKA_PORT']))).toBe(false);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await exited;
      }
      rmSync(env['INFRA_DATA_DIR']!, { recursive: true, force: true });
    }
  });
});
