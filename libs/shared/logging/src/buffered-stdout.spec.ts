import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BufferedLineTransport } from './buffered-stdout.js';

const MESSAGE = Symbol.for('message');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = path.join(root, 'libs/shared/logging/test/fixtures/log-then-exit.ts');

function collector() {
  const chunks: string[] = [];
  const transport = new BufferedLineTransport({ sink: { write: (chunk: string) => chunks.push(chunk) } });
  const log = (line: string) => transport.log({ [MESSAGE]: line }, () => undefined);
  return { chunks, transport, log };
}

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

async function runFixture(how: 'exit' | 'crash'): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', fixture, how], {
    cwd: root,
    env: { PATH: process.env['PATH'], NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // 'close' comes after 'exit' and after the last output: all of stdout has been read by then.
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout };
}

describe('BufferedLineTransport', () => {
  it('writes the lines of one event-loop turn in one call, in order, one per line', async () => {
    const { chunks, log } = collector();
    log('{"n":1}');
    log('{"n":2}');
    log('{"n":3}');
    expect(chunks).toEqual([]);
    await endOfTurn();
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
    log('{"n":4}');
    await endOfTurn();
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', '{"n":4}\n']);
  });

  it('writes at once when a turn has buffered a lot', () => {
    const { chunks, log } = collector();
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 100; i++) log(line);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(`${line}\n`.repeat(chunks.join('').length / (line.length + 1)));
  });

  it('writes what is buffered when closed, so nothing waits for a turn that may not come', () => {
    const { chunks, transport, log } = collector();
    log('{"last":true}');
    transport.close();
    expect(chunks).toEqual(['{"last":true}\n']);
  });

  it.each(['exit', 'crash'] as const)('loses no line when the process ends right after logging (%s)', async (how) => {
    const { code, stdout } = await runFixture(how);
    expect(code).toBe(how === 'exit' ? 0 : 1);
    const lines = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { line: number; message: string });
    expect(lines.map((record) => record.line)).toEqual([1, 2, 3]);
  });
});
