import { describe, expect, it } from 'vitest';
import {
  checkAcceptedRequests,
  checkGaplessNumbers,
  checkInvoiceEmails,
  checkLeftovers,
  checkOrder,
  checkWebhooks,
  checkWelcomeEmails,
  runChecks,
} from './checks.js';
import { emptyLedger } from './ledger.js';
import type { Observations } from './observations.js';

const business = '0190aaaa-0000-7000-8000-000000000001';

/** A small run in which everything went right: one user, one business, two invoices (one paid), one endpoint. */
function clean(): Observations {
  const ledger = emptyLedger();
  ledger.users.push({ id: 'u1', email: 'ada@example.com' });
  ledger.businesses.push({ id: business, ownerId: 'u1', invoicePrefix: 'C0' });
  ledger.customers.push({ id: 'c1', businessId: business, email: 'globex@example.com' });
  ledger.invoices.push(
    { id: 'i1', businessId: business, customerEmail: 'globex@example.com', issued: true, voided: false },
    { id: 'i2', businessId: business, customerEmail: 'globex@example.com', issued: true, voided: false },
  );
  ledger.payments.push({ id: 'p1', invoiceId: 'i1', amountMinor: 100, outcome: 'succeeded' });
  ledger.endpoints.push({
    id: 'e1',
    businessId: business,
    path: '/actor-0',
    events: ['invoice.issued', 'invoice.paid'],
  });
  ledger.poisoned.push({ topic: 'business.invoice.v1', key: 'poison-1', kind: 'invalid-payload' });
  return {
    ledger,
    users: [{ id: 'u1', email: 'ada@example.com' }],
    businesses: [{ id: business }],
    customers: [{ id: 'c1' }],
    invoices: [
      {
        id: 'i1',
        businessId: business,
        status: 'paid',
        number: 'C0-2026-0001',
        totalMinor: 100,
        customerEmail: 'globex@example.com',
      },
      {
        id: 'i2',
        businessId: business,
        status: 'issued',
        number: 'C0-2026-0002',
        totalMinor: 200,
        customerEmail: 'globex@example.com',
      },
    ],
    payments: [{ id: 'p1', invoiceId: 'i1', status: 'succeeded', amountMinor: 100, providerPaymentId: 'pay_1' }],
    providerPayments: [{ id: 'pay_1', status: 'succeeded', reference: 'p1' }],
    outboxRows: [{ service: 'business-service', rows: 0 }],
    emails: [
      { to: 'ada@example.com', subject: 'Welcome, Ada', messageId: 'm1', at: 1 },
      { to: 'globex@example.com', subject: 'Invoice C0-2026-0001 from Chaos 0 GmbH', messageId: 'm2', at: 2 },
      { to: 'globex@example.com', subject: 'Invoice C0-2026-0002 from Chaos 0 GmbH', messageId: 'm3', at: 3 },
      { to: 'globex@example.com', subject: 'Receipt for invoice C0-2026-0001', messageId: 'm4', at: 4 },
    ],
    webhooks: [
      { endpoint: '/actor-0', webhookId: 'w1', type: 'invoice.issued', invoiceId: 'i1', sequence: 1 },
      { endpoint: '/actor-0', webhookId: 'w2', type: 'invoice.issued', invoiceId: 'i2', sequence: 2 },
      { endpoint: '/actor-0', webhookId: 'w3', type: 'invoice.paid', invoiceId: 'i1', sequence: 3 },
      // The same webhook id again: a redelivery the receiver recognises, not a second effect.
      { endpoint: '/actor-0', webhookId: 'w3', type: 'invoice.paid', invoiceId: 'i1', sequence: 4 },
    ],
    badSignatures: 0,
    invoiceEvents: [
      { partition: 0, key: 'i1', eventId: 'ev1', type: 'business.invoice.issued' },
      { partition: 0, key: 'i1', eventId: 'ev2', type: 'business.invoice.paid' },
      // At least once on Kafka: a record twice is no violation (the inboxes deduplicate).
      { partition: 0, key: 'i1', eventId: 'ev2', type: 'business.invoice.paid' },
    ],
    eventCount: 2,
    // The poisoned record, dead-lettered as it must be.
    deadLetters: [{ topic: 'business.invoice.v1.dlq', key: 'poison-1', reason: 'malformed' }],
  };
}

describe('chaos checks', () => {
  it('find nothing wrong in a clean run', () => {
    expect(runChecks(clean()).flatMap((check) => check.violations)).toEqual([]);
  });

  it('report a second welcome e-mail as a duplicate and a missing one as lost', () => {
    const o = clean();
    o.emails.push({ to: 'ada@example.com', subject: 'Welcome, Ada', messageId: 'm9', at: 5 });
    o.users.push({ id: 'u2', email: 'grace@example.com' });
    expect(checkWelcomeEmails(o).violations.map((v) => [v.kind, v.detail])).toEqual([
      ['duplicate', '2× welcome e-mail to ada@example.com'],
      ['lost', 'no welcome e-mail to grace@example.com'],
    ]);
  });

  it('report a row no accepted request made, as a retry that ran again leaves it', () => {
    const o = clean();
    o.invoices.push({ ...o.invoices[1]!, id: 'i3', status: 'draft', number: null });
    o.customers.push({ id: 'c2' });
    expect(checkAcceptedRequests(o).violations.map((v) => [v.kind, v.detail])).toEqual([
      ['duplicate', 'customer c2, which no accepted request made'],
      ['duplicate', 'invoice i3, which no accepted request made'],
    ]);
  });

  it('report an issued invoice without its e-mail as lost', () => {
    const o = clean();
    o.emails = o.emails.filter((email) => !email.subject.startsWith('Invoice C0-2026-0002'));
    expect(checkInvoiceEmails(o).violations).toMatchObject([{ kind: 'lost' }]);
  });

  it('report a gap in a business’s invoice numbers', () => {
    const o = clean();
    o.invoices[1]!.number = 'C0-2026-0003';
    expect(checkGaplessNumbers(o).violations.map((v) => v.detail)).toEqual([`${business} 2026: number 2 missing`]);
  });

  it('report a number given twice', () => {
    const o = clean();
    o.invoices[1]!.number = 'C0-2026-0001';
    expect(checkGaplessNumbers(o).violations).toMatchObject([{ kind: 'duplicate' }]);
  });

  it('report an invoice.paid webhook before the invoice’s invoice.issued at an endpoint', () => {
    const o = clean();
    o.webhooks = [
      { endpoint: '/actor-0', webhookId: 'w3', type: 'invoice.paid', invoiceId: 'i1', sequence: 1 },
      { endpoint: '/actor-0', webhookId: 'w1', type: 'invoice.issued', invoiceId: 'i1', sequence: 2 },
      { endpoint: '/actor-0', webhookId: 'w2', type: 'invoice.issued', invoiceId: 'i2', sequence: 3 },
    ];
    expect(checkOrder(o).violations.map((v) => [v.kind, v.detail])).toEqual([
      ['order', 'webhook: invoice.paid before invoice.issued at /actor-0 i1'],
    ]);
  });

  it('report a receipt before its invoice e-mail and a paid event before issued on Kafka', () => {
    const o = clean();
    o.emails.find((email) => email.subject.startsWith('Receipt'))!.at = 0;
    o.invoiceEvents = [
      { partition: 0, key: 'i1', eventId: 'ev2', type: 'business.invoice.paid' },
      { partition: 0, key: 'i1', eventId: 'ev1', type: 'business.invoice.issued' },
    ];
    expect(
      checkOrder(o)
        .violations.map((v) => v.detail)
        .sort(),
    ).toEqual([
      'Kafka: business.invoice.paid of i1 before its issued',
      'e-mail: receipt globex@example.com C0-2026-0001 before its invoice e-mail',
    ]);
  });

  it('report two distinct invoice.paid webhooks for one invoice at one endpoint', () => {
    const o = clean();
    o.webhooks.push({ endpoint: '/actor-0', webhookId: 'w9', type: 'invoice.paid', invoiceId: 'i1', sequence: 9 });
    expect(checkWebhooks(o).violations).toMatchObject([{ kind: 'duplicate' }]);
  });

  it('report outbox rows and dead letters left, and a paid invoice its payments do not cover', () => {
    const o = clean();
    o.outboxRows[0]!.rows = 2;
    o.deadLetters.push({ topic: 'business.invoice.v1.dlq', key: 'i1', reason: 'retries-exhausted' });
    o.payments[0]!.status = 'failed';
    const found = runChecks(o).flatMap((check) => check.violations.map((v) => v.detail));
    expect(found).toEqual(
      expect.arrayContaining([
        "2 rows in business-service's outbox",
        'dead letter in business.invoice.v1.dlq (key i1, retries-exhausted) not poisoned by the run',
        'invoice i1 paid with 0 of 100',
      ]),
    );
  });

  it('expect exactly the poisoned records in the DLQs: one missing is lost, copies of one are accepted', () => {
    const o = clean();
    expect(checkLeftovers(o).violations).toEqual([]);
    // At least once into the DLQ: a consumer killed before committing its offset dead-letters again.
    o.deadLetters.push({ ...o.deadLetters[0]! });
    expect(checkLeftovers(o).violations).toEqual([]);
    o.ledger.poisoned.push({ topic: 'business.invoice.v1', key: 'poison-2', kind: 'malformed-envelope' });
    expect(checkLeftovers(o).violations.map((v) => [v.kind, v.detail])).toEqual([
      ['lost', 'poisoned malformed-envelope record poison-2 of business.invoice.v1 not in its DLQ'],
    ]);
  });

  it('do not take a dead letter of another topic under a poisoned key for the poisoned record', () => {
    const o = clean();
    o.deadLetters = [{ topic: 'auth.user.v1.dlq', key: 'poison-1', reason: 'malformed' }];
    expect(checkLeftovers(o).violations.map((v) => v.detail)).toEqual([
      'dead letter in auth.user.v1.dlq (key poison-1, malformed) not poisoned by the run',
      'poisoned invalid-payload record poison-1 of business.invoice.v1 not in its DLQ',
    ]);
  });

  it('take an e-mail delivered again with its Message-ID for one e-mail, another Message-ID for a duplicate', () => {
    const o = clean();
    // The dispatcher sends again when it could not record "sent" (PostgreSQL restarting): same Message-ID.
    o.emails.push({
      to: 'globex@example.com',
      subject: 'Invoice C0-2026-0002 from Chaos 0 GmbH',
      messageId: 'm3',
      at: 9,
    });
    expect(checkInvoiceEmails(o).violations).toEqual([]);
    o.emails.push({
      to: 'globex@example.com',
      subject: 'Invoice C0-2026-0002 from Chaos 0 GmbH',
      messageId: 'm8',
      at: 10,
    });
    expect(checkInvoiceEmails(o).violations.map((v) => [v.kind, v.detail])).toEqual([
      ['duplicate', '2× invoice e-mail globex@example.com C0-2026-0002'],
    ]);
  });
});
