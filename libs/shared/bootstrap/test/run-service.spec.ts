import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const main = path.join(root, 'libs/shared/bootstrap/test/fixtures/main.ts');

/** Starts the fixture service as a real process, the way services start: tracing loader first. */
function startService(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', './libs/shared/observability/src/register.mjs', main], {
    cwd: root,
    env: {
      PATH: process.env['PATH'],
      SERVICE_NAME: 'demo-service',
      HOST: '127.0.0.1',
      PORT: '0',
      MANAGEMENT_PORT: '0',
      ...env,
    },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const records = () =>
    output.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, output, exited, records };
}

describe('runService (a service process)', () => {
  it('stops on a bad setting with one line on stderr and exit code 1', async () => {
    const service = startService({ PORT: 'eighty', GREETING: '' });
    expect(await service.exited).toBe(1);
    expect(service.output.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^demo-service: invalid configuration: PORT: .*\(got "eighty"\)$/),
    ]);
  });

  it('on SIGTERM finishes the in-flight request, then exits 0', async () => {
    const service = startService({ SHUTDOWN_TIMEOUT_MS: '20000' });
    try {
      const listening = await vi.waitFor(
        () => {
          const line = service.records().find((r) => r['message'] === 'demo-service 1.2.3 listening');
          if (!line) throw new Error('not listening yet');
          return line;
        },
        { timeout: 60_000, interval: 100 },
      );
      const slow = fetch(`${String(listening['url'])}/greetings/slow`);
      await vi.waitFor(
        () => expect(service.records().some((r) => r['message'] === 'slow request started')).toBe(true),
        {
          timeout: 10_000,
          interval: 20,
        },
      );
      service.child.kill('SIGTERM');
      const response = await slow;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ done: true });
      expect(await service.exited).toBe(0);
      const messages = service.records().map((r) => r['message']);
      expect(messages.indexOf('shutting down: readiness is now 503, finishing in-flight requests')).toBeGreaterThan(
        messages.indexOf('slow request started'),
      );
      expect(messages.at(-1)).toBe('stopped');
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });
});
