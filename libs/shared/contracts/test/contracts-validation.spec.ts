import { describe, expect, it } from 'vitest';
import { UserPasswordChangedV1Contract } from '../src/auth/user-password-changed.v1.js';
import { UserRegisteredV1Contract } from '../src/auth/user-registered.v1.js';
import { UserSessionsRevokedV1Contract } from '../src/auth/user-sessions-revoked.v1.js';
import { BusinessCreatedV1Contract } from '../src/business/business-created.v1.js';
import { BusinessUpdatedV1Contract } from '../src/business/business-updated.v1.js';
import { InvoiceIssuedV1Contract } from '../src/business/invoice-issued.v1.js';
import { InvoiceIssuedV2Contract } from '../src/business/invoice-issued.v2.js';
import { InvoicePaidV1Contract } from '../src/business/invoice-paid.v1.js';
import { InvoiceVoidedV1Contract } from '../src/business/invoice-voided.v1.js';
import { BusinessMemberAddedV1Contract } from '../src/business/member-added.v1.js';
import { BusinessMemberRemovedV1Contract } from '../src/business/member-removed.v1.js';
import { UserErasureRequestedV1Contract } from '../src/auth/user-erasure-requested.v1.js';
import {
  BusinessErasureCompletedV1Contract,
  NotificationErasureCompletedV1Contract,
} from '../src/erasure/erasure-completed.v1.js';
import { BusinessMemberRoleChangedV1Contract } from '../src/business/member-role-changed.v1.js';
import { publishedContracts } from '../src/registry/published-contracts.js';
import { invalidFields } from './support/field-paths.js';

describe('contract examples', () => {
  it.each(publishedContracts.contracts.map((contract) => [`${contract.type} v${contract.version}`, contract] as const))(
    '%s validates',
    async (_, contract) => {
      expect(await invalidFields(contract.payload, contract.example)).toEqual([]);
    },
  );
});

describe('invalid payloads are refused with field paths', () => {
  it('auth.user.registered v1', async () => {
    const { payload, example } = UserRegisteredV1Contract;
    const bad = { ...example, userId: '6f1c1f9e-6b8a-4c1e-9d3a-2b7f5e8c9a10', email: 'not-an-email', displayName: '' };
    expect(await invalidFields(payload, bad)).toEqual(['displayName', 'email', 'userId']);
  });

  it('auth.user.password-changed v1', async () => {
    const { payload, example } = UserPasswordChangedV1Contract;
    // An offset is valid ISO 8601 but not UTC; a password must never travel in an event.
    const bad = { ...example, changedAt: '2026-02-01T20:05:12+02:00', password: 'secret' };
    expect(await invalidFields(payload, bad)).toEqual(['changedAt', 'password']);
  });

  it('auth.user.sessions-revoked v1', async () => {
    const { payload, example } = UserSessionsRevokedV1Contract;
    // A local time would make the gateway and the auth-service disagree on the cut-off instant.
    const bad = { ...example, tokensValidAfter: '2026-02-01T18:05:12.345', reason: 'logout' };
    expect(await invalidFields(payload, bad)).toEqual(['reason', 'tokensValidAfter']);
  });

  it('business.invoice.issued v1', async () => {
    const { payload, example } = InvoiceIssuedV1Contract;
    const bad = { ...example, total: { amountMinor: 12.5, currency: 'eur' }, dueAt: 'next week' };
    expect(await invalidFields(payload, bad)).toEqual(['dueAt', 'total.amountMinor', 'total.currency']);
  });

  it('business.invoice.paid v1', async () => {
    const { payload, example } = InvoicePaidV1Contract;
    const { paymentId: _, ...withoutPayment } = example;
    const bad = { ...withoutPayment, amount: { amountMinor: -1, currency: 'XXY' } };
    expect(await invalidFields(payload, bad)).toEqual(['amount.amountMinor', 'amount.currency', 'paymentId']);
  });

  it('business.business.created v1', async () => {
    const { payload, example } = BusinessCreatedV1Contract;
    // `XYZ` has the shape of a currency but is none; the prefix is what numbers start with.
    const bad = { ...example, currency: 'XYZ', invoicePrefix: 'acme', ownerUserId: undefined, name: '' };
    expect(await invalidFields(payload, bad)).toEqual(['currency', 'invoicePrefix', 'name', 'ownerUserId']);
  });

  it('business.business.updated v1', async () => {
    const { payload, example } = BusinessUpdatedV1Contract;
    const bad = { ...example, invoicePrefix: 'ABCDEFGHIJK', updatedAt: '2026-02-01' };
    expect(await invalidFields(payload, bad)).toEqual(['invoicePrefix', 'updatedAt']);
  });

  it('business.member.added v1', async () => {
    const { payload, example } = BusinessMemberAddedV1Contract;
    const bad = { ...example, role: 'manager', email: 'grace', businessName: undefined };
    expect(await invalidFields(payload, bad)).toEqual(['businessName', 'email', 'role']);
  });

  it('business.member.role-changed v1', async () => {
    const { payload, example } = BusinessMemberRoleChangedV1Contract;
    const bad = { ...example, role: 'manager', previousRole: undefined, changedAt: '2026-02-03T12:45:00+01:00' };
    expect(await invalidFields(payload, bad)).toEqual(['changedAt', 'previousRole', 'role']);
  });

  it('business.member.removed v1', async () => {
    const { payload, example } = BusinessMemberRemovedV1Contract;
    // Consumers order a member's events by this instant: a local time would be ambiguous.
    const bad = { ...example, userId: 'grace', role: undefined, removedAt: '2026-02-05T16:30:00' };
    expect(await invalidFields(payload, bad)).toEqual(['removedAt', 'role', 'userId']);
  });

  it('auth.user.erasure-requested v1', async () => {
    const { payload, example } = UserErasureRequestedV1Contract;
    const bad = { ...example, erasureId: undefined, userId: 'ada@example.com', requestedAt: '2026-03-01' };
    expect(await invalidFields(payload, bad)).toEqual(['erasureId', 'requestedAt', 'userId']);
  });

  it('business.erasure.completed v1 and notification.erasure.completed v1 (one payload)', async () => {
    expect(NotificationErasureCompletedV1Contract.payload).toBe(BusinessErasureCompletedV1Contract.payload);
    const { payload, example } = BusinessErasureCompletedV1Contract;
    const bad = { ...example, recordsChanged: -1, completedAt: undefined, erasureId: '42' };
    expect(await invalidFields(payload, bad)).toEqual(['completedAt', 'erasureId', 'recordsChanged']);
  });

  it('business.invoice.issued v2', async () => {
    const { payload, example } = InvoiceIssuedV2Contract;
    const [first] = example.lines;
    const bad = {
      ...example,
      dueDate: '2026-02-30',
      customerName: '',
      lines: [{ ...first, quantity: 0, taxRateBps: 10_001, tax: { amountMinor: 1.5, currency: 'EUR' } }],
    };
    expect(await invalidFields(payload, bad)).toEqual([
      'customerName',
      'dueDate',
      'lines.0.quantity',
      'lines.0.tax.amountMinor',
      'lines.0.taxRateBps',
    ]);
    expect(await invalidFields(payload, { ...example, lines: [] })).toEqual(['lines']);
    // A timestamp where a calendar day is due: the day would shift with the reader's time zone.
    expect(await invalidFields(payload, { ...example, dueDate: '2026-03-04T00:00:00.000Z' })).toEqual(['dueDate']);
  });

  it('business.invoice.voided v1', async () => {
    const { payload, example } = InvoiceVoidedV1Contract;
    expect(await invalidFields(payload, { ...example, reason: null })).toEqual([]);
    // reason is always sent: null when the business gave none.
    expect(await invalidFields(payload, { ...example, reason: undefined })).toEqual(['reason']);
    expect(await invalidFields(payload, { ...example, reason: 'x'.repeat(501), total: undefined })).toEqual([
      'reason',
      'total',
    ]);
    // The correspondence fields it shares with the dunning events keep their rules.
    const wrongCorrespondence = {
      ...example,
      invoiceId: 'ACME-7',
      number: '',
      customerEmail: 'globex',
      businessName: '',
    };
    expect(await invalidFields(payload, wrongCorrespondence)).toEqual([
      'businessName',
      'customerEmail',
      'invoiceId',
      'number',
    ]);
  });

  it('a missing nested object', async () => {
    const { payload, example } = InvoiceIssuedV1Contract;
    const { total: _, ...withoutTotal } = example;
    expect(await invalidFields(payload, withoutTotal)).toEqual(['total']);
  });
});
