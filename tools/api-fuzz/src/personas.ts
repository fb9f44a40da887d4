import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createGatewayClient } from '@platform/gateway-client';
import { repoRoot } from '@platform/infra';
import type { Persona } from './schemathesis-run.js';

const exec = promisify(execFile);

// How long a user registered a moment ago may take to reach the business-service's directory
// (auth.user.registered through Kafka).
const DIRECTORY_WAIT_MS = 60_000;

/**
 * The personas the public API is fuzzed as: a signed-in user, and an admin, both registered
 * through the gateway; the admin is promoted with `auth:create-admin` against the auth-service's
 * database, as an operator does. The user owns a business with a customer and a draft invoice,
 * whose ids are the values of the business routes' path parameters, so that those operations
 * reach the resources instead of answering 404. The user's own id is not one of them: with it the
 * fuzzer could make someone else owner and then remove the persona from a business it had just
 * created, and later calls would rightly answer 404 (schemathesis then reports "created resource
 * not found").
 */
export async function createPersonas(gatewayUrl: string, authDatabaseUrl: string): Promise<Persona[]> {
  const api = createGatewayClient({ baseUrl: gatewayUrl });
  const user = newPersona('user');
  const admin = newPersona('admin');
  for (const { name, credentials } of [user, admin]) {
    const { response, error } = await api.POST('/v1/auth/register', {
      body: { ...credentials, displayName: `Fuzz ${name}` },
    });
    if (response.status !== 201) {
      throw new Error(`registering the ${name} persona: ${response.status} ${JSON.stringify(error)}`);
    }
  }
  await exec(
    process.execPath,
    [
      '--import',
      '@swc-node/register/esm-register',
      'apps/auth-service/src/infrastructure/primary-adapters/cli/create-admin.ts',
      '--email',
      admin.credentials.email,
    ],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: authDatabaseUrl } },
  );
  const owned = await createOwnedResources(gatewayUrl, user.credentials);
  return [{ ...user, parameters: owned }, admin];
}

/** A business of the persona's with a customer and a draft invoice; their ids as path parameter values. */
async function createOwnedResources(
  gatewayUrl: string,
  credentials: { email: string; password: string },
): Promise<Record<string, string>> {
  const login = await createGatewayClient({ baseUrl: gatewayUrl }).POST('/v1/auth/login', { body: credentials });
  if (!login.data) throw new Error(`logging the user persona in: ${login.response.status}`);
  const token = login.data.accessToken;
  const api = createGatewayClient({ baseUrl: gatewayUrl, accessToken: () => token });
  const fail = (what: string, status: number, error: unknown) =>
    new Error(`${what} for the user persona: ${status} ${JSON.stringify(error)}`);

  // The business-service learns the user from auth.user.registered: until then, a 422 that says so.
  const deadline = Date.now() + DIRECTORY_WAIT_MS;
  let business;
  for (;;) {
    business = await api.POST('/v1/businesses', { body: { name: 'Fuzz Ltd', currency: 'EUR', invoicePrefix: 'FUZZ' } });
    if (business.data || business.error?.code !== 'BUSINESS.USER_NOT_IN_DIRECTORY' || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!business.data) throw fail('creating a business', business.response.status, business.error);
  const businessId = business.data.id;

  const customer = await api.POST('/v1/businesses/{businessId}/customers', {
    params: { path: { businessId } },
    body: { name: 'Fuzz Customer', email: 'billing@customer.example' },
  });
  if (!customer.data) throw fail('creating a customer', customer.response.status, customer.error);

  const dueDate = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);
  const invoice = await api.POST('/v1/businesses/{businessId}/invoices', {
    params: { path: { businessId } },
    body: {
      customerId: customer.data.id,
      dueDate,
      lines: [{ description: 'Fuzzing', quantity: 1, unitAmountMinor: 1000, taxRateBps: 1900 }],
    },
  });
  if (!invoice.data) throw fail('drafting an invoice', invoice.response.status, invoice.error);

  return {
    'path.businessId': businessId,
    'path.customerId': customer.data.id,
    'path.invoiceId': invoice.data.id,
  };
}

function newPersona(name: string): Persona & Required<Pick<Persona, 'credentials'>> {
  return {
    name,
    credentials: {
      email: `fuzz-${name}-${randomBytes(6).toString('hex')}@example.com`,
      password: `fuzzing ${randomBytes(12).toString('base64url')}`,
    },
  };
}
