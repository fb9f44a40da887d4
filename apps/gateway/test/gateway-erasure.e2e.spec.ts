import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { components } from '@platform/gateway-client';
import { repoRoot } from '@platform/infra';
import {
  eventually,
  placesOf,
  searchDatabase,
  startTestMailpit,
  type DatabaseHit,
  type TestMailpit,
} from '@platform/infra/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractConformance } from './support/contract-conformance.js';
import { startE2eSystem, type E2eSystem } from './support/e2e-system.js';
import {
  addCustomer,
  createBusiness,
  draftInvoice,
  gatewayClient,
  issueInvoice,
  type GatewayUser,
} from './support/gateway-actors.js';

type Erasure = components['schemas']['ErasureResponse'];

/** The confirmation topics of the two services (docs/decisions/0015). */
const CONFIRMATION_TOPICS = { business: 'business.erasure.v1', notification: 'notification.erasure.v1' } as const;

// Issue 17's proof, end to end through the gateway's typed client: a user with a business,
// customers, invoices, a payment, e-mails and a membership elsewhere erases themselves; once every
// service confirmed, the databases of the auth-, business- and notification-service are searched
// column by column for their e-mail address and name. Only columns marked
// `erasure=keep-legal-record` may keep personal data, and not theirs: invoices keep the customer's.
describe('gateway → erasure across services (DELETE /v1/me, then nothing of the person anywhere)', () => {
  let mailpit: TestMailpit;
  let system: E2eSystem;
  const conformance = contractConformance();
  const suffix = randomBytes(4).toString('hex');
  // Distinctive enough that any hit is theirs; registered in mixed case, stored lower-cased.
  const person = {
    typedEmail: `Zelda.Quillfeather-${suffix}@Example.com`,
    email: `zelda.quillfeather-${suffix}@example.com`,
    name: `Zelda Quillfeather ${suffix}`,
    password: `right to erasure ${suffix}`,
  };
  const other = {
    email: `otto.ownerly-${suffix}@example.com`,
    name: `Otto Ownerly ${suffix}`,
    password: `keeps his bakery ${suffix}`,
  };
  const customer = { name: `Globex Billing ${suffix}`, email: `billing-${suffix}@globex.example` };

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    system = await startE2eSystem({
      databasePrefix: 'gateway_erasure_e2e',
      business: {},
      notification: { SMTP_HOST: mailpit.smtpHost, SMTP_PORT: String(mailpit.smtpPort) },
      gateway: { UPSTREAM_TIMEOUT_MS: '5000', RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '10000' },
    });
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
    await mailpit?.stop();
  });

  const api = () => gatewayClient(system.gatewayUrl, undefined, [conformance]);

  async function register(email: string, displayName: string, password: string): Promise<string> {
    // Under an Idempotency-Key, as a retrying client registers: the auth-service then keeps the
    // answer, which names the person, for retries, and the erasure must forget it too.
    const registered = await api().POST('/v1/auth/register', {
      params: { header: { 'Idempotency-Key': randomBytes(16).toString('hex') } },
      body: { email, password, displayName },
    });
    expect(registered.response.status, JSON.stringify(registered.error)).toBe(201);
    return registered.data!.id;
  }

  async function logIn(email: string, password: string): Promise<GatewayUser> {
    const login = await api().POST('/v1/auth/login', { body: { email, password } });
    expect(login.response.status, JSON.stringify(login.error)).toBe(200);
    const accessToken = login.data!.accessToken;
    const client = gatewayClient(system.gatewayUrl, accessToken, [conformance]);
    const me = await client.GET('/v1/auth/me');
    return { id: me.data!.id, email, accessToken, api: client };
  }

  /** An admin, made by the documented command (`npm run auth:create-admin`) on the auth database. */
  async function admin(): Promise<GatewayUser> {
    const email = `erasure-admin-${suffix}@example.com`;
    const password = `admin of the erasures ${suffix}`;
    await register(email, 'Erasure Admin', password);
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'apps/auth-service/src/infrastructure/primary-adapters/cli/create-admin.ts',
        '--email',
        email,
      ],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: system.database.url, LOG_LEVEL: 'error' } },
    );
    return logIn(email, password);
  }

  const databases = () => ({
    'auth-service': system.database.url,
    'business-service': system.businessDatabase!.url,
    'notification-service': system.notificationDatabase!.url,
  });

  /** Every hit of `needles` in the three services' databases, as `service: table.column`. */
  async function searchEverywhere(needles: string[]): Promise<Record<string, DatabaseHit[]>> {
    const found: Record<string, DatabaseHit[]> = {};
    for (const [service, url] of Object.entries(databases())) found[service] = await searchDatabase(url, needles);
    return found;
  }
  const places = (found: Record<string, DatabaseHit[]>, keep: (hit: DatabaseHit) => boolean = () => true) =>
    Object.entries(found).flatMap(([service, hits]) =>
      placesOf(hits.filter(keep)).map((place) => `${service}: ${place}`),
    );
  const isLegalRecord = (hit: DatabaseHit) => hit.personal?.erasure === 'keep-legal-record';

  /** The service's own confirmation for `userId`, from its outbox: what it changed (see below). */
  async function ownConfirmation(databaseUrl: string, topic: string, userId: string): Promise<number | undefined> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ payload: string }>(
        'SELECT payload FROM messaging_outbox WHERE topic = $1 AND key = $2',
        [topic, userId],
      );
      const payload = rows[0] && (JSON.parse(rows[0].payload) as { payload: { recordsChanged: number } }).payload;
      return payload?.recordsChanged;
    } finally {
      await client.end();
    }
  }

  /** The status of each invoice of the business, read from the business-service's database. */
  async function invoiceStatuses(databaseUrl: string, businessId: string): Promise<Map<string, string>> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; status: string }>(
        'SELECT id, status FROM invoices WHERE business_id = $1',
        [businessId],
      );
      return new Map(rows.map((row) => [row.id, row.status]));
    } finally {
      await client.end();
    }
  }

  it('erases a user with a business, invoices, a payment, e-mails and a membership elsewhere: nothing of them is left but legal records, which hold none of it', async () => {
    // Zelda registers (welcome e-mail), owns a business with customers, issued and paid invoices...
    const zeldaId = await register(person.typedEmail, person.name, person.password);
    const zelda = await logIn(person.email, person.password);
    expect(zelda.id).toBe(zeldaId);
    await eventually('the welcome e-mail', async () => (await mailpit.messagesTo(person.email)).length > 0, 60_000);

    const studio = await createBusiness(zelda, `ZQ${suffix.slice(0, 4).toUpperCase()}`, 'Quill Studio Ltd');
    const customerId = await addCustomer(zelda, studio, customer);
    const secondCustomerId = await addCustomer(zelda, studio, {
      name: `Initech Accounts ${suffix}`,
      email: `accounts-${suffix}@initech.example`,
    });
    const first = await issueInvoice(zelda, await draftInvoice(zelda, studio, customerId, 120_000));
    const second = await issueInvoice(zelda, await draftInvoice(zelda, studio, secondCustomerId, 30_000));
    const paid = await zelda.api.POST('/v1/businesses/{businessId}/invoices/{invoiceId}/payments/manual', {
      params: { path: { businessId: studio, invoiceId: first.invoiceId } },
      body: { amount: { amountMinor: 120_000, currency: 'EUR' }, reference: `transfer ${first.number}` },
    });
    expect(paid.response.status, JSON.stringify(paid.error)).toBe(201);
    await eventually(
      'the invoice e-mails and the receipt',
      async () => {
        const subjects = (await mailpit.messagesTo(customer.email)).map((message) => message.Subject);
        return subjects.includes(`Invoice ${first.number} from Quill Studio Ltd`) && subjects.length >= 2;
      },
      90_000,
    );
    await eventually(
      'the second invoice e-mail',
      async () => (await mailpit.messagesTo(`accounts-${suffix}@initech.example`)).length > 0,
      90_000,
    );
    // ...the payment's note to her as the owner...
    await eventually(
      'the owner note of the payment',
      async () => (await mailpit.messagesTo(person.email)).length >= 2,
      90_000,
    );

    // ...and she is an accountant of Otto's bakery.
    await register(other.email, other.name, other.password);
    const otto = await logIn(other.email, other.password);
    const bakery = await createBusiness(otto, `OB${suffix.slice(0, 4).toUpperCase()}`, 'Ottos Bakery');
    const added = await otto.api.POST('/v1/businesses/{businessId}/members', {
      params: { path: { businessId: bakery } },
      body: { email: person.email, role: 'accountant' },
    });
    expect(added.response.status, JSON.stringify(added.error)).toBe(201);
    const bakeryCustomer = await addCustomer(otto, bakery, {
      name: `Hooli Catering ${suffix}`,
      email: `catering-${suffix}@hooli.example`,
    });
    const zeldaSees = await zelda.api.GET('/v1/businesses/{businessId}', { params: { path: { businessId: bakery } } });
    expect(zeldaSees.response.status).toBe(200);

    // The search finds her in every service before the erasure, so it can fail after it.
    const needles = [person.email, person.typedEmail, person.name];
    await eventually(
      'her in every service’s records',
      async () => {
        const before = await searchEverywhere(needles);
        return Object.values(before).every((hits) => hits.length > 0);
      },
      60_000,
    );

    // She erases herself; an admin follows the erasure until every service confirmed.
    const erased = await zelda.api.DELETE('/v1/me', { body: { password: person.password } });
    expect(erased.response.status, JSON.stringify(erased.error)).toBe(202);
    const erasureId = erased.data!.erasureId;
    const operator = await admin();
    let erasure: Erasure | undefined;
    await eventually(
      'the erasure completed',
      async () => {
        const state = await operator.api.GET('/v1/admin/erasures/{erasureId}', { params: { path: { erasureId } } });
        expect(state.response.status, JSON.stringify(state.error)).toBe(200);
        erasure = state.data;
        return erasure?.status === 'completed';
      },
      120_000,
    );
    expect(erasure).toMatchObject({ id: erasureId, userId: zeldaId, requestedVia: 'self', awaiting: [] });
    expect(erasure!.confirmations.map((confirmation) => confirmation.service).sort()).toEqual([
      'business-service',
      'notification-service',
    ]);
    // The services of other test files consume the same request from the shared topic and confirm
    // it too (with 0 records: they never knew her), and the first confirmation of a service stands.
    // So this system's own services' confirmations are read from their outboxes.
    const { 'business-service': businessUrl, 'notification-service': notificationUrl } = databases();
    let changed: { business?: number; notification?: number } = {};
    await eventually(
      'this system’s services confirmed',
      async () => {
        changed = {
          business: await ownConfirmation(businessUrl, CONFIRMATION_TOPICS.business, zeldaId),
          notification: await ownConfirmation(notificationUrl, CONFIRMATION_TOPICS.notification, zeldaId),
        };
        return changed.business !== undefined && changed.notification !== undefined;
      },
      120_000,
    );
    expect(changed.business).toBeGreaterThan(0);
    expect(changed.notification).toBeGreaterThan(0);

    // Nothing of her in any column of any table of any service, but legal records...
    const after = await searchEverywhere(needles);
    expect(places(after, (hit) => !isLegalRecord(hit))).toEqual([]);
    // ...and the legal records hold none of her either: invoices keep the customer's data and the
    // business's name, not the owner's (docs/decisions/0015).
    expect(places(after)).toEqual([]);
    const kept = await searchEverywhere([customer.name, 'Quill Studio Ltd']);
    expect(places(kept, isLegalRecord)).toEqual(
      expect.arrayContaining(['business-service: businesses.name', 'business-service: customers.name']),
    );

    // Her invoices stay, as issued and paid (no one is left to read them through the API).
    expect(await invoiceStatuses(businessUrl, studio)).toEqual(
      new Map([
        [first.invoiceId, 'paid'],
        [second.invoiceId, 'issued'],
      ]),
    );
    // Her access token is refused, her password is worthless, and her address is free again.
    await eventually('her access token refused', async () => {
      return (await zelda.api.GET('/v1/auth/me')).response.status === 401;
    });
    const login = await api().POST('/v1/auth/login', { body: { email: person.email, password: person.password } });
    expect(login.response.status).toBe(401);

    // Otto's bakery works on: she is listed anonymised, and his data is all there (the negative
    // control: a search for him finds him in every service, so the search above could find her).
    const members = await otto.api.GET('/v1/businesses/{businessId}/members', {
      params: { path: { businessId: bakery } },
    });
    expect(members.response.status).toBe(200);
    const listed = members.data!.items.find((member) => member.userId === zeldaId);
    expect(listed).toMatchObject({ role: 'accountant' });
    expect(JSON.stringify(listed)).not.toContain(person.name);
    expect(JSON.stringify(listed).toLowerCase()).not.toContain(person.email);
    const ottos = await issueInvoice(otto, await draftInvoice(otto, bakery, bakeryCustomer));
    await eventually(
      'Otto’s invoice e-mail',
      async () =>
        (await mailpit.messagesTo(`catering-${suffix}@hooli.example`)).some(
          (message) => message.Subject === `Invoice ${ottos.number} from Ottos Bakery`,
        ),
      90_000,
    );
    const him = await searchEverywhere([other.email, other.name]);
    expect(Object.fromEntries(Object.entries(him).map(([service, hits]) => [service, hits.length > 0]))).toEqual({
      'auth-service': true,
      'business-service': true,
      'notification-service': true,
    });
    expect(places(him)).toEqual(
      expect.arrayContaining([
        'auth-service: users.email',
        'business-service: directory_users.email',
        'notification-service: known_users.email',
      ]),
    );

    // No service wrote her address or name into a log line in clear (they are masked as written:
    // logs are never rewritten, libs/shared/logging "Personal data in logs").
    const services = {
      auth: system.auth,
      gateway: system.gateway,
      business: system.business!,
      notification: system.notification!,
    };
    for (const [service, running] of Object.entries(services)) {
      const output = running.output().toLowerCase();
      expect(output.length, service).toBeGreaterThan(0);
      for (const needle of [person.email, person.name.toLowerCase(), `quillfeather-${suffix}`]) {
        expect(output.includes(needle), `${service}'s log holds ${needle}`).toBe(false);
      }
    }

    // The same address registers again: a new person, with a new id.
    const again = await register(person.typedEmail, person.name, person.password);
    expect(again).not.toBe(zeldaId);
    const reborn = await logIn(person.email, person.password);
    expect(reborn.id).toBe(again);
  }, 600_000);
});
