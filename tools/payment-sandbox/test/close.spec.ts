import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentSandbox } from '../src/index.js';
import { accessToken, checkout, newPayment, paymentBody } from './support/sandbox-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

describe('close()', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('stops listening, ends held calls and cancels pending retries and reorder holds: nothing is left running', async () => {
    receiver.fallbackStatus = 500;
    const sandbox = await startPaymentSandbox({ retryScheduleMs: [20, 40], maxDeliveryAttempts: 1000 });
    const port = Number(new URL(sandbox.url).port);

    // A delivery that keeps failing (a retry is always pending), a held reorder, and a held /v1 call.
    const failing = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, failing.id, 'succeeded');
    await receiver.waitFor(2);
    sandbox.setFaults({ webhooks: { reorder: true, reorderHoldMs: 60_000 } });
    const reordered = await newPayment(sandbox, receiver.url);
    await checkout(sandbox, reordered.id, 'failed');
    const token = await accessToken(sandbox);
    sandbox.setFaults({ timeoutNext: 1 });
    const heldCall = fetch(`${sandbox.url}/v1/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'held', 'content-type': 'application/json' },
      body: JSON.stringify(paymentBody(receiver.url)),
    }).then(
      (response) => `answered ${response.status}`,
      () => 'connection closed',
    );
    await until(() => sandbox.payments().length === 2);

    await sandbox.close();
    expect(await heldCall).toBe('connection closed');
    expect(await isListening(port)).toBe(false);
    const deliveredAtClose = receiver.received.length;
    // Several retry periods later, no attempt has been made and the held event was never sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(deliveredAtClose);
    expect(receiver.received.every((webhook) => webhook.json.data.payment.id === failing.id)).toBe(true);
    // Closing twice is harmless.
    await sandbox.close();
    receiver.fallbackStatus = 204;
  });

  it('leaves nothing that keeps Node running: a process that closed its sandbox ends by itself', async () => {
    const script = fileURLToPath(new URL('./support/busy-then-close.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Far shorter than the reorder hold (600 s) and the held call (60 s) it started: had close()
    // left either, the process would still be running when this kills it.
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    clearTimeout(killer);
    expect({ code, signal, output: output.trim() }).toEqual({ code: 0, signal: null, output: 'closed' });
  });
});

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
