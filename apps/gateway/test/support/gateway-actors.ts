import { randomBytes } from 'node:crypto';
import { createGatewayClient, type GatewayClient } from '@platform/gateway-client';
import { eventually } from '@platform/infra/testing';
import type { Middleware } from 'openapi-fetch';
import { expect } from 'vitest';

// Users, businesses, customers and invoices made the way a client makes them: through the gateway's
// public API with the typed client (shared by the notification e2e specs).

/** A user registered and logged in through the gateway. */
export interface GatewayUser {
  id: string;
  email: string;
  /** The access token (to call another gateway that trusts the same auth keys). */
  accessToken: string;
  /** A typed client of the gateway that sends the token. */
  api: GatewayClient;
}

/** A typed client of `gatewayUrl` sending `accessToken` (if any), with `middleware` (e.g. contract conformance). */
export function gatewayClient(gatewayUrl: string, accessToken?: string, middleware: Middleware[] = []): GatewayClient {
  const client = createGatewayClient({
    baseUrl: gatewayUrl,
    ...(accessToken ? { accessToken: () => accessToken } : {}),
  });
  for (const each of middleware) client.use(each);
  return client;
}

/** Registers (with `headers`, e.g. a traceparent) and logs in through the gateway; a unique address per call. */
export async function signUp(
  gatewayUrl: string,
  name: string,
  options: { headers?: Record<string, string>; middleware?: Middleware[] } = {},
): Promise<GatewayUser> {
  const api = gatewayClient(gatewayUrl, undefined, options.middleware);
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  const password = `ledger lines ${randomBytes(6).toString('hex')}`;
  const registered = await api.POST('/v1/auth/register', {
    body: { email, password, displayName: name },
    headers: options.headers ?? {},
  });
  expect(registered.response.status).toBe(201);
  const login = await api.POST('/v1/auth/login', { body: { email, password } });
  const accessToken = login.data!.accessToken;
  return {
    id: registered.data!.id,
    email,
    accessToken,
    api: gatewayClient(gatewayUrl, accessToken, options.middleware),
  };
}

/**
 * A business of `owner` (named `<prefix> GmbH` unless `name` is given), once the business-service
 * has the new user in its directory (it learns users from auth.user.registered).
 */
export async function createBusiness(owner: GatewayUser, invoicePrefix: string, name?: string): Promise<string> {
  let id: string | undefined;
  await eventually(
    'the owner to reach the business directory',
    async () => {
      const { data, error } = await owner.api.POST('/v1/businesses', {
        body: { name: name ?? `${invoicePrefix} GmbH`, currency: 'EUR', invoicePrefix },
      });
      if (error && error.code !== 'BUSINESS.USER_NOT_IN_DIRECTORY') throw new Error(JSON.stringify(error));
      id = data?.id;
      return id !== undefined;
    },
    // The first user of a run waits for the business-service's consumer to join its group.
    60_000,
  );
  return id!;
}

/** A new customer of the business; its id. */
export async function addCustomer(
  owner: GatewayUser,
  businessId: string,
  customer: { name: string; email: string },
): Promise<string> {
  const created = await owner.api.POST('/v1/businesses/{businessId}/customers', {
    params: { path: { businessId } },
    body: customer,
  });
  expect(created.response.status, JSON.stringify(created.error)).toBe(201);
  return created.data!.id;
}

/** A draft invoice as the API returned it: where it is and its ETag (for issue and void). */
export interface InvoiceRef {
  businessId: string;
  invoiceId: string;
  etag: string;
}

/** A draft invoice of one line (`amountMinor` EUR cents, no tax) to the customer, due 2030-01-31. */
export async function draftInvoice(
  owner: GatewayUser,
  businessId: string,
  customerId: string,
  amountMinor = 50_000,
): Promise<InvoiceRef> {
  const draft = await owner.api.POST('/v1/businesses/{businessId}/invoices', {
    params: { path: { businessId } },
    body: {
      customerId,
      dueDate: '2030-01-31',
      lines: [{ description: 'Consulting', quantity: 1, unitAmountMinor: amountMinor, taxRateBps: 0 }],
    },
  });
  expect(draft.response.status, JSON.stringify(draft.error)).toBe(201);
  return { businessId, invoiceId: draft.data!.id, etag: draft.response.headers.get('etag')! };
}

/** Issues the draft (which publishes business.invoice.issued); its number and new ETag. */
export async function issueInvoice(owner: GatewayUser, draft: InvoiceRef): Promise<InvoiceRef & { number: string }> {
  const issued = await owner.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/issue', {
    params: {
      path: { businessId: draft.businessId, invoiceId: draft.invoiceId },
      header: { 'If-Match': draft.etag },
    },
  });
  expect(issued.response.status, JSON.stringify(issued.error)).toBe(200);
  return { ...draft, etag: issued.response.headers.get('etag')!, number: issued.data!.number! };
}
