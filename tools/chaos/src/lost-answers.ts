import type { ClientAnswer } from '@platform/dev';
import type {
  BusinessResponse,
  CustomerResponse,
  GatewayClient,
  InvoiceResponse,
  UserResponse,
} from '@platform/gateway-client';
import { persist } from './persist.js';

/*
 * A creating request whose service died between committing and answering is answered 409
 * IDEMPOTENCY.ANSWER_LOST from then on (@IdempotentRoute of @platform/messaging): it took effect,
 * once, and sending it again changes nothing. The workload reads the effect back through the
 * gateway and records it as accepted, as if the 2xx had arrived; a lookup that finds nothing (or
 * cannot tell which row it was) leaves the request refused, so the ledger never holds a guess.
 */

/** The `code` of a 409 whose request took effect but whose answer is gone for good. */
export const ANSWER_LOST = 'IDEMPOTENCY.ANSWER_LOST';

/** Page size of the recovery's reads: the API's maximum, so a list is mostly one page. */
const PAGE_SIZE = 100;

/** True when `answer` says its request took effect and only a read can tell what it made. */
export function isAnswerLost(answer: ClientAnswer<unknown> | undefined): boolean {
  return answer?.response.status === 409 && answer.error?.code === ANSWER_LOST;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a paged list, each page retried through faults; undefined when a page could not be read. */
export async function readAllPages<T>(
  page: (cursor: string | undefined) => Promise<ClientAnswer<Page<T>>>,
): Promise<T[] | undefined> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await persist(() => page(cursor));
    if (!answer?.data) return undefined;
    items.push(...answer.data.items);
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The one item `matches` accepts; none when no item or several do (then which one the request made is unknown). */
function onlyMatch<T>(items: readonly T[], matches: (item: T) => boolean): T | undefined {
  const found = items.filter(matches);
  return found.length === 1 ? found[0] : undefined;
}

const known = (recorded: readonly { id: string }[]) => {
  const ids = new Set(recorded.map((row) => row.id));
  return (id: string) => ids.has(id);
};

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The business a lost `POST /v1/businesses` made: its invoice prefix and name, and not one recorded already. */
export function findLostBusiness(
  listed: readonly BusinessResponse[],
  wanted: { name: string; invoicePrefix: string },
  recorded: readonly { id: string }[],
): BusinessResponse | undefined {
  const isRecorded = known(recorded);
  return onlyMatch(
    listed,
    (business) =>
      business.invoicePrefix === wanted.invoicePrefix && business.name === wanted.name && !isRecorded(business.id),
  );
}

/** The customer a lost `POST …/customers` made: the workload gives each customer an e-mail of its own. */
export function findLostCustomer(
  listed: readonly CustomerResponse[],
  email: string,
  recorded: readonly { id: string }[],
): CustomerResponse | undefined {
  const isRecorded = known(recorded);
  return onlyMatch(listed, (customer) => sameEmail(customer.email, email) && !isRecorded(customer.id));
}

/**
 * The draft a lost `POST …/invoices` made: the workload makes one invoice per customer, so it is
 * that customer's invoice the ledger does not hold yet (whatever its status by now).
 */
export function findLostInvoice(
  listed: readonly InvoiceResponse[],
  customerId: string,
  recorded: readonly { id: string }[],
): InvoiceResponse | undefined {
  const isRecorded = known(recorded);
  return onlyMatch(listed, (invoice) => invoice.customerId === customerId && !isRecorded(invoice.id));
}

/** A lost registration: log in with its credentials, then ask the gateway whom the token belongs to. */
export async function recoverUser(
  anonymous: GatewayClient,
  email: string,
  password: string,
): Promise<UserResponse | undefined> {
  const login = await persist(() => anonymous.POST('/v1/auth/login', { body: { email, password } }));
  const token = login?.data?.accessToken;
  if (!token) return undefined;
  const me = await persist(() => anonymous.GET('/v1/auth/me', { headers: { authorization: `Bearer ${token}` } }));
  return me?.data && sameEmail(me.data.email, email) ? me.data : undefined;
}

/** A lost business creation: the caller's businesses, the one with the prefix and name it asked for. */
export async function recoverBusiness(
  api: GatewayClient,
  wanted: { name: string; invoicePrefix: string },
  recorded: readonly { id: string }[],
): Promise<BusinessResponse | undefined> {
  const listed = await readAllPages((cursor) =>
    api.GET('/v1/businesses', { params: { query: { cursor, limit: PAGE_SIZE } } }),
  );
  return listed && findLostBusiness(listed, wanted, recorded);
}

/** A lost customer creation: the business's customers (archived or not), the one with its e-mail. */
export async function recoverCustomer(
  api: GatewayClient,
  businessId: string,
  email: string,
  recorded: readonly { id: string }[],
): Promise<CustomerResponse | undefined> {
  const listed = await readAllPages((cursor) =>
    api.GET('/v1/businesses/{businessId}/customers', {
      params: { path: { businessId }, query: { cursor, limit: PAGE_SIZE } },
    }),
  );
  return listed && findLostCustomer(listed, email, recorded);
}

/** A lost draft: the customer's invoices in every status, the one not recorded yet. */
export async function recoverInvoice(
  api: GatewayClient,
  businessId: string,
  customerId: string,
  recorded: readonly { id: string }[],
): Promise<InvoiceResponse | undefined> {
  const listed = await readAllPages((cursor) =>
    api.GET('/v1/businesses/{businessId}/invoices', {
      params: { path: { businessId }, query: { customerId, cursor, limit: PAGE_SIZE } },
    }),
  );
  return listed && findLostInvoice(listed, customerId, recorded);
}
