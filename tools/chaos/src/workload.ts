import { createGatewayClient, type GatewayClient } from '@platform/gateway-client';
import type { Ledger } from './ledger.js';
import { isAnswerLost, recoverBusiness, recoverCustomer, recoverInvoice, recoverUser } from './lost-answers.js';
import { persist, RETRY_WINDOW_MS } from './persist.js';
import type { Random } from './random.js';
import type { WebhookReceiver } from './receivers.js';

/** How big the workload is: users working side by side, and at most how many invoices each makes. */
export interface WorkloadSize {
  actors: number;
  invoicesPerBusiness: number;
}

/**
 * Set while an aimed kill waits for its moment: actors past their invoice cap make more invoices
 * then, so events flow into the relay and the consumer it aims at (on a busy machine the workload
 * can reach its caps before the schedule's later faults).
 */
export interface TrafficDemand {
  wanted: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One user's work through the gateway with the typed client: registers, logs in, makes a business,
 * a webhook endpoint on `receiver`, customers and invoices; issues most, pays some through the
 * sandbox's checkout (in full, partly then the rest, or a declined try), voids some. Every
 * accepted request goes into `ledger`, and so does one whose answer was lost after it took effect
 * (409 IDEMPOTENCY.ANSWER_LOST) once its effect is read back (`lost-answers.ts`). It makes
 * invoices while `keepGoing()` says so: up to its cap, then only while `traffic` is wanted.
 */
export async function runActor(
  gatewayUrl: string,
  actor: number,
  random: Random,
  size: WorkloadSize,
  receiver: WebhookReceiver,
  ledger: Ledger,
  keepGoing: () => boolean,
  traffic: TrafficDemand,
): Promise<void> {
  const key = (what: string) => `chaos-${actor}-${what}`;
  const anonymous = createGatewayClient({ baseUrl: gatewayUrl });
  const email = `chaos-${actor}-${random.int(0, 1e9).toString(36)}@example.com`;
  const password = `chaos ledger lines ${actor}`;
  const registered = await persist(() =>
    anonymous.POST('/v1/auth/register', {
      body: { email, password, displayName: `Actor ${actor}` },
      params: { header: { 'Idempotency-Key': key('register') } },
    }),
  );
  const user =
    registered?.data ?? (isAnswerLost(registered) ? await recoverUser(anonymous, email, password) : undefined);
  if (!user) return;
  ledger.acceptedRequests++;
  ledger.users.push({ id: user.id, email });
  const login = await persist(() => anonymous.POST('/v1/auth/login', { body: { email, password } }));
  if (!login?.data) return;
  ledger.acceptedRequests++;
  let token = login.data.accessToken;
  const api: GatewayClient = createGatewayClient({ baseUrl: gatewayUrl, accessToken: () => token });

  const invoicePrefix = `C${actor}`;
  const name = `Chaos ${actor} GmbH`;
  // The business-service learns users from auth.user.registered: wait for it through faults.
  const created = await persist(
    () =>
      api.POST('/v1/businesses', {
        body: { name, currency: 'EUR', invoicePrefix },
        params: { header: { 'Idempotency-Key': key('business') } },
      }),
    (answer) => answer.error?.code === 'BUSINESS.USER_NOT_IN_DIRECTORY',
  );
  const business =
    created?.data ??
    (isAnswerLost(created) ? await recoverBusiness(api, { name, invoicePrefix }, ledger.businesses) : undefined);
  if (!business) return;
  ledger.acceptedRequests++;
  const businessId = business.id;
  ledger.businesses.push({ id: businessId, ownerId: user.id, invoicePrefix });

  // Before any invoice, so that the endpoint hears of every one (the notification-service learns the business from Kafka).
  const path = `/actor-${actor}`;
  const events: ('invoice.issued' | 'invoice.paid')[] = ['invoice.issued', 'invoice.paid'];
  const endpoint = await persist(
    () =>
      api.POST('/v1/businesses/{businessId}/webhook-endpoints', {
        params: { path: { businessId } },
        body: { url: receiver.url(path), events, description: 'chaos receiver' },
      }),
    (answer) => answer.error?.code === 'BUSINESS.NOT_FOUND',
  );
  if (endpoint?.data) {
    ledger.acceptedRequests++;
    receiver.trust(path, endpoint.data.secret);
    ledger.endpoints.push({ id: endpoint.data.id, businessId, path, events });
  }

  for (let n = 0; keepGoing(); n++) {
    while (n >= size.invoicesPerBusiness && !traffic.wanted && keepGoing()) await sleep(200);
    if (!keepGoing()) break;
    const customerEmail = `chaos-customer-${actor}-${n}-${random.int(0, 1e9).toString(36)}@example.com`;
    const createdCustomer = await persist(() =>
      api.POST('/v1/businesses/{businessId}/customers', {
        params: { path: { businessId }, header: { 'Idempotency-Key': key(`customer-${n}`) } },
        body: { name: `Customer ${actor}-${n}`, email: customerEmail },
      }),
    );
    const customer =
      createdCustomer?.data ??
      (isAnswerLost(createdCustomer)
        ? await recoverCustomer(api, businessId, customerEmail, ledger.customers)
        : undefined);
    if (!customer) continue;
    ledger.acceptedRequests++;
    const customerId = customer.id;
    ledger.customers.push({ id: customerId, businessId, email: customerEmail });
    const unit = random.int(10, 500) * 100;
    const createdDraft = await persist(() =>
      api.POST('/v1/businesses/{businessId}/invoices', {
        params: { path: { businessId }, header: { 'Idempotency-Key': key(`invoice-${n}`) } },
        body: {
          customerId,
          dueDate: '2030-01-31',
          lines: [{ description: 'Chaos consulting', quantity: 1, unitAmountMinor: unit, taxRateBps: 0 }],
        },
      }),
    );
    const draft =
      createdDraft?.data ??
      (isAnswerLost(createdDraft) ? await recoverInvoice(api, businessId, customerId, ledger.invoices) : undefined);
    if (!draft) continue;
    ledger.acceptedRequests++;
    const invoiceId = draft.id;
    const record = { id: invoiceId, businessId, customerEmail, issued: false, voided: false };
    ledger.invoices.push(record);
    const invoicePath = { businessId, invoiceId };
    if (random.chance(0.1)) continue; // left a draft
    // A recovered draft has no ETag of its answer: transition() reads the invoice's current one.
    const etag = createdDraft?.data ? createdDraft.response.headers.get('etag') : undefined;
    const issued = await transition(api, invoicePath, etag, 'issue');
    if (!issued) continue;
    ledger.acceptedRequests++;
    record.issued = true;

    const choice = random.next();
    if (choice < 0.15) {
      if (await transition(api, invoicePath, undefined, 'void')) {
        ledger.acceptedRequests++;
        record.voided = true;
      }
      continue;
    }
    if (choice < 0.3) continue; // stays open
    // Partly (then the rest), declined once, or in full.
    const plan =
      choice < 0.5
        ? [
            { amount: unit / 2, outcome: 'succeeded' as const },
            { amount: unit / 2, outcome: 'succeeded' as const },
          ]
        : choice < 0.6
          ? [
              { amount: unit, outcome: 'failed' as const },
              { amount: unit, outcome: 'succeeded' as const },
            ]
          : [{ amount: unit, outcome: 'succeeded' as const }];
    for (const [i, step] of plan.entries()) {
      const started = await persist(() =>
        api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', {
          params: { path: invoicePath, header: { 'Idempotency-Key': key(`pay-${n}-${i}`) } },
          body: { amount: { amountMinor: step.amount, currency: 'EUR' } },
        }),
      );
      if (!started?.data) break;
      ledger.acceptedRequests++;
      const payment = { id: started.data.id, invoiceId, amountMinor: step.amount, outcome: 'none' as const };
      ledger.payments.push(payment);
      const checkoutUrl = started.data.checkoutUrl;
      if (!checkoutUrl) break;
      const paid = await fetch(checkoutUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: step.outcome }),
      }).catch(() => undefined);
      if (paid?.status !== 200) break;
      (payment as { outcome: string }).outcome = step.outcome;
      // A declined payment holds no amount once the business-service knows: wait for that before the next try.
      if (step.outcome === 'failed') await waitForPayment(api, invoicePath, payment.id);
    }
    // Access tokens are short-lived: a fresh one now and then keeps a long run going.
    const renewed = await persist(() => anonymous.POST('/v1/auth/login', { body: { email, password } }));
    if (renewed?.data) token = renewed.data.accessToken;
  }
}

/** Issues or voids with the invoice's current version; true once the platform confirmed it (or had already done it). */
async function transition(
  api: GatewayClient,
  path: { businessId: string; invoiceId: string },
  etag: string | null | undefined,
  to: 'issue' | 'void',
): Promise<boolean> {
  const deadline = Date.now() + RETRY_WINDOW_MS;
  let version = etag ?? undefined;
  while (Date.now() < deadline) {
    if (!version) {
      const current = await persist(() =>
        api.GET('/v1/businesses/{businessId}/invoices/{invoiceId}', { params: { path } }),
      );
      if (!current?.data) return false;
      // A retry whose first try went through: done already.
      if (to === 'issue' && current.data.status !== 'draft') return true;
      if (to === 'void' && current.data.status === 'void') return true;
      version = current.response.headers.get('etag') ?? undefined;
      if (!version) return false;
    }
    const answer =
      to === 'issue'
        ? await api
            .POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
              params: { path, header: { 'If-Match': version } },
            })
            .catch(() => undefined)
        : await api
            .POST('/v1/businesses/{businessId}/invoices/{invoiceId}/void', {
              params: { path, header: { 'If-Match': version } },
              body: { reason: 'chaos' },
            })
            .catch(() => undefined);
    if (answer?.response.ok) return true;
    // A stale version (412/409) or a transient failure: read the invoice again and decide.
    if (answer && answer.response.status < 500 && ![401, 409, 412, 428, 429].includes(answer.response.status))
      return false;
    version = undefined;
    await sleep(500);
  }
  return false;
}

/** Waits (bounded) until the business-service knows the payment's outcome. */
async function waitForPayment(api: GatewayClient, path: { businessId: string; invoiceId: string }, id: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const listed = await api
      .GET('/v1/businesses/{businessId}/invoices/{invoiceId}/payments', { params: { path } })
      .catch(() => undefined);
    const status = listed?.data?.items.find((payment) => payment.id === id)?.status;
    if (status && status !== 'pending' && status !== 'initiating') return;
    await sleep(1_000);
  }
}
