import { sendUntilAnswered } from '@platform/dev';
import { createGatewayClient } from '@platform/gateway-client';

/** An issued invoice nobody paid yet: what a `pay` operation takes. */
export interface OpenInvoice {
  user: number;
  invoiceId: string;
  amountMinor: number;
}

/** One user of the load, ready to work: logged in, with a business and customers. */
export interface BenchUser {
  email: string;
  password: string;
  accessToken: string;
  businessId: string;
  businessName: string;
  customerIds: string[];
}

/** What the setup made (not measured) and hands to the load generator. */
export interface Fixture {
  runTag: string;
  users: BenchUser[];
  open: OpenInvoice[];
}

const CUSTOMERS_PER_USER = 2;
const OPEN_INVOICES_PER_USER = 6;
const SETUP_WINDOW_MS = 120_000;
/** Setup requests side by side: log-ins hash with argon2id, and the machine has two cores. */
const SETUP_CONCURRENCY = 4;

/** The amount of every invoice of the bench (minor units). */
export const INVOICE_AMOUNT_MINOR = 12_500;

/** The subject of the invoice e-mail the notification-service sends (templates/invoice-issued/subject.hbs). */
export const invoiceEmailSubject = (number: string, businessName: string) => `Invoice ${number} from ${businessName}`;

/**
 * Makes `count` users through the gateway with the typed client: each registers, logs in, makes a
 * business (named after `runTag`, so its e-mails are found in a shared Mailpit) and customers, and
 * issues a few invoices for the first payments. Writes carry Idempotency-Keys and are retried
 * through transient failures (the business-service learns a new user from Kafka).
 */
export async function makeFixture(gatewayUrl: string, runTag: string, count: number): Promise<Fixture> {
  const fixture: Fixture = { runTag, users: [], open: [] };
  const queue = Array.from({ length: count }, (_, i) => i);
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) await makeUser(gatewayUrl, runTag, i, fixture);
  };
  await Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, count) }, worker));
  return fixture;
}

async function makeUser(gatewayUrl: string, runTag: string, i: number, fixture: Fixture): Promise<void> {
  const send = <T>(
    call: Parameters<typeof sendUntilAnswered<T>>[0],
    retryable?: Parameters<typeof sendUntilAnswered<T>>[1],
  ) => sendUntilAnswered(call, retryable, SETUP_WINDOW_MS);
  const must = <T>(what: string, answer: { data?: T; error?: unknown; response: Response } | undefined): T => {
    if (!answer?.data)
      throw new Error(
        `setup: ${what} failed (${answer?.response.status ?? 'no answer'}: ${JSON.stringify(answer?.error)})`,
      );
    return answer.data;
  };
  const key = (what: string) => `sysbench-${runTag}-${i}-${what}`;
  const email = `sysbench-${runTag}-${i}@example.com`;
  // Nothing of the e-mail or the display name in it: the password policy refuses that.
  const password = `open loop figures ${runTag} ${i}`;
  const anonymous = createGatewayClient({ baseUrl: gatewayUrl });
  const registered = await send(() =>
    anonymous.POST('/v1/auth/register', {
      body: { email, password, displayName: `Load Person ${i}` },
      params: { header: { 'Idempotency-Key': key('register') } },
    }),
  );
  // A retry after an attempt that timed out but went through finds the account (the address is
  // this run's own): seen on a loaded machine, the retry answered 409 rather than the first answer.
  if (registered?.error?.code !== 'AUTH.EMAIL_TAKEN') must('register', registered);
  const { accessToken } = must(
    'login',
    await send(() => anonymous.POST('/v1/auth/login', { body: { email, password } })),
  );
  const api = createGatewayClient({ baseUrl: gatewayUrl, accessToken: () => accessToken });
  const businessName = `Sysbench ${runTag} ${i}`;
  const business = must(
    'business',
    await send(
      () =>
        api.POST('/v1/businesses', {
          body: { name: businessName, currency: 'EUR', invoicePrefix: `S${i}` },
          params: { header: { 'Idempotency-Key': key('business') } },
        }),
      (answer) => answer.error?.code === 'BUSINESS.USER_NOT_IN_DIRECTORY',
    ),
  );
  const businessId = business.id;
  const customerIds: string[] = [];
  for (let c = 0; c < CUSTOMERS_PER_USER; c++) {
    const customer = must(
      'customer',
      await send(() =>
        api.POST('/v1/businesses/{businessId}/customers', {
          params: { path: { businessId }, header: { 'Idempotency-Key': key(`customer-${c}`) } },
          body: { name: `Customer ${i}-${c}`, email: `sysbench-${runTag}-${i}-c${c}@example.com` },
        }),
      ),
    );
    customerIds.push(customer.id);
  }
  fixture.users.push({ email, password, accessToken, businessId, businessName, customerIds });
  const user = fixture.users.length - 1;
  for (let n = 0; n < OPEN_INVOICES_PER_USER; n++) {
    const draft = await send(() =>
      api.POST('/v1/businesses/{businessId}/invoices', {
        params: { path: { businessId }, header: { 'Idempotency-Key': key(`invoice-${n}`) } },
        body: {
          customerId: customerIds[n % customerIds.length]!,
          dueDate: '2030-01-31',
          lines: [{ description: 'Setup', quantity: 1, unitAmountMinor: INVOICE_AMOUNT_MINOR, taxRateBps: 0 }],
        },
      }),
    );
    const invoiceId = must('draft', draft).id;
    const etag = draft!.response.headers.get('etag') ?? '';
    must(
      'issue',
      await send(() =>
        api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
          params: { path: { businessId, invoiceId }, header: { 'If-Match': etag } },
        }),
      ),
    );
    fixture.open.push({ user, invoiceId, amountMinor: INVOICE_AMOUNT_MINOR });
  }
}
