/**
 * The load generator of bench:system, in a process of its own (the benchmark's bookkeeping and
 * Mailpit polling never share its event loop). Driven over IPC: `init` hands it the fixture, each
 * `step` runs one open-loop schedule and answers its samples. Every operation starts when it is
 * due, whatever the answers before it; its first request's latency counts from that due time.
 */
import { performance } from 'node:perf_hooks';
import { createGatewayClient, type GatewayClient } from '@platform/gateway-client';
import type { BenchUser, Fixture, OpenInvoice } from './fixture.js';
import { INVOICE_AMOUNT_MINOR } from './fixture.js';
import { stepSchedule, type Mix, type Operation } from './open-loop.js';
import type { Sample } from './step-verdict.js';

/** What the parent sends. */
export type LoadCommand =
  | { type: 'init'; gatewayUrl: string; fixture: Fixture }
  | { type: 'step'; mix: Mix; rate: number; warmupSeconds: number; seconds: number };

/** An invoice issued in a measured window: its e-mail's latency is measured from `acceptedAt` (epoch ms). */
export interface IssuedInvoice {
  number: string;
  businessName: string;
  acceptedAt: number;
}

/** What the child answers to a step. */
export type LoadReply =
  | {
      type: 'step';
      samples: Sample[];
      /** How late each measured operation was started after its due time (ms). */
      lagsMs: number[];
      issued: IssuedInvoice[];
      /** `pay` operations that found no open invoice and listed invoices instead. */
      payWithoutInvoice: number;
    }
  | { type: 'ready' }
  | { type: 'failed'; message: string };

/** A request that has not answered after this long counts as failed (its latency is the wait). */
const REQUEST_TIMEOUT_MS = 15_000;
const ROUTES = {
  login: 'POST /v1/auth/login',
  list: 'GET …/invoices',
  draft: 'POST …/invoices (draft)',
  issue: 'POST …/invoices/{id}/issue',
  pay: 'POST …/invoices/{id}/payments',
  checkout: 'POST sandbox checkout (not judged)',
} as const;

let gatewayUrl = '';
let users: BenchUser[] = [];
let clients: GatewayClient[] = [];
let open: OpenInvoice[] = [];
let runTag = '';
let sequence = 0;
let nextUser = 0;

const timedFetch = (request: Request) => fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

/** Epoch ms with sub-millisecond resolution, comparable with Mailpit's received times. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StepRecorder {
  measured: boolean;
  samples: Sample[];
  issued: IssuedInvoice[];
  payWithoutInvoice: number;
}

/** Sends one request and records it from `startAt`; resolves its answer, or undefined when it failed. */
async function timed<T extends { response: Response }>(
  recorder: StepRecorder,
  route: string,
  startAt: number,
  send: () => Promise<T>,
  judged = true,
): Promise<T | undefined> {
  const answer = await send().catch(() => undefined);
  const ok = answer !== undefined && answer.response.ok;
  const status = answer?.response.status ?? 0;
  if (recorder.measured)
    recorder.samples.push({ route, dueAt: startAt, latencyMs: now() - startAt, ok, status, judged });
  return ok ? answer : undefined;
}

async function runOperation(operation: Operation, dueAt: number, recorder: StepRecorder): Promise<void> {
  const userIndex = nextUser++ % users.length;
  const user = users[userIndex]!;
  const api = clients[userIndex]!;
  const businessId = user.businessId;
  const seq = sequence++;
  const key = (what: string) => `sysbench-${runTag}-load-${seq}-${what}`;
  if (operation === 'pay') {
    const invoice = open.shift();
    if (!invoice) {
      recorder.payWithoutInvoice++;
      return runOperation('list', dueAt, recorder);
    }
    const owner = clients[invoice.user]!;
    const path = { businessId: users[invoice.user]!.businessId, invoiceId: invoice.invoiceId };
    const started = await timed(recorder, ROUTES.pay, dueAt, () =>
      owner.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
        params: { path, header: { 'Idempotency-Key': key('pay') } },
        body: { amount: { amountMinor: invoice.amountMinor, currency: 'EUR' } },
      }),
    );
    const checkoutUrl = started?.data?.checkoutUrl;
    if (!checkoutUrl) return;
    const sentAt = now();
    await timed(
      recorder,
      ROUTES.checkout,
      sentAt,
      async () => ({
        response: await timedFetch(
          new Request(checkoutUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ outcome: 'succeeded' }),
          }),
        ),
      }),
      false,
    );
    return;
  }
  if (operation === 'login') {
    const answer = await timed(recorder, ROUTES.login, dueAt, () =>
      api.POST('/v1/auth/login', { body: { email: user.email, password: user.password } }),
    );
    if (answer?.data) user.accessToken = answer.data.accessToken;
    return;
  }
  if (operation === 'list') {
    await timed(recorder, ROUTES.list, dueAt, () =>
      api.GET('/v1/businesses/{businessId}/invoices', { params: { path: { businessId }, query: { limit: 20 } } }),
    );
    return;
  }
  // issue: a draft, then issuing it with the version the draft answered.
  const draft = await timed(recorder, ROUTES.draft, dueAt, () =>
    api.POST('/v1/businesses/{businessId}/invoices', {
      params: { path: { businessId }, header: { 'Idempotency-Key': key('draft') } },
      body: {
        customerId: user.customerIds[seq % user.customerIds.length]!,
        dueDate: '2030-01-31',
        lines: [{ description: 'Load', quantity: 1, unitAmountMinor: INVOICE_AMOUNT_MINOR, taxRateBps: 0 }],
      },
    }),
  );
  if (!draft?.data) return;
  const invoiceId = draft.data.id;
  const etag = draft.response.headers.get('etag') ?? '';
  const issued = await timed(recorder, ROUTES.issue, now(), () =>
    api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
      params: { path: { businessId, invoiceId }, header: { 'If-Match': etag } },
    }),
  );
  if (!issued?.data) return;
  open.push({ user: userIndex, invoiceId, amountMinor: INVOICE_AMOUNT_MINOR });
  if (recorder.measured && issued.data.number)
    recorder.issued.push({ number: issued.data.number, businessName: user.businessName, acceptedAt: now() });
}

async function runStep(command: Extract<LoadCommand, { type: 'step' }>): Promise<LoadReply> {
  const schedule = stepSchedule(command.mix, command.rate, command.warmupSeconds, command.seconds);
  const warmupMs = command.warmupSeconds * 1000;
  const warmup: StepRecorder = { measured: false, samples: [], issued: [], payWithoutInvoice: 0 };
  const measured: StepRecorder = { measured: true, samples: [], issued: [], payWithoutInvoice: 0 };
  const lagsMs: number[] = [];
  const running: Promise<void>[] = [];
  const start = now() + 20;
  for (const arrival of schedule) {
    const dueAt = start + arrival.atMs;
    const wait = dueAt - now();
    if (wait > 1) await sleep(wait);
    const inWindow = arrival.atMs >= warmupMs;
    if (inWindow) lagsMs.push(Math.max(0, now() - dueAt));
    running.push(runOperation(arrival.operation, dueAt, inWindow ? measured : warmup).catch(() => undefined));
  }
  // Every request has its own timeout, so this ends within REQUEST_TIMEOUT_MS (twice for two-request operations).
  await Promise.all(running);
  return {
    type: 'step',
    samples: measured.samples,
    lagsMs,
    issued: measured.issued,
    payWithoutInvoice: measured.payWithoutInvoice,
  };
}

function reply(message: LoadReply): void {
  process.send?.(message);
}

process.on('message', (command: LoadCommand) => {
  if (command.type === 'init') {
    gatewayUrl = command.gatewayUrl;
    runTag = command.fixture.runTag;
    users = command.fixture.users;
    open = [...command.fixture.open];
    clients = users.map((user) =>
      createGatewayClient({ baseUrl: gatewayUrl, accessToken: () => user.accessToken, fetch: timedFetch }),
    );
    reply({ type: 'ready' });
    return;
  }
  runStep(command).then(reply, (error: unknown) => reply({ type: 'failed', message: String(error) }));
});
// The parent went away (Ctrl-C, a crash): nothing left to do.
process.on('disconnect', () => process.exit(0));
