/**
 * Run as its own process by close.spec.ts: a sandbox with a failing delivery (a retry always
 * pending), an event held for reordering and a held /v1 call, then close(). The process must then
 * end by itself: anything the sandbox left running would keep Node's event loop alive.
 */
import { startPaymentSandbox } from '../../src/index.js';
import { accessToken, checkout, newPayment, paymentBody } from './sandbox-client.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const receiver = await startWebhookReceiver();
receiver.fallbackStatus = 500;
const sandbox = await startPaymentSandbox({ retryScheduleMs: [20, 40], maxDeliveryAttempts: 1000 });
const failing = await newPayment(sandbox, receiver.url);
await checkout(sandbox, failing.id, 'succeeded');
await receiver.waitFor(2);
sandbox.setFaults({ webhooks: { reorder: true, reorderHoldMs: 600_000 } });
const reordered = await newPayment(sandbox, receiver.url);
await checkout(sandbox, reordered.id, 'failed');
const token = await accessToken(sandbox);
sandbox.setFaults({ timeoutNext: 1 });
const heldCall = fetch(`${sandbox.url}/v1/payments`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'held', 'content-type': 'application/json' },
  body: JSON.stringify(paymentBody(receiver.url)),
}).catch(() => undefined);
while (sandbox.payments().length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
await sandbox.close();
await heldCall;
await receiver.close();
process.stdout.write('closed\n');
