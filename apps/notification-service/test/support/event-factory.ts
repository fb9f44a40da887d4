import {
  BusinessCreatedV1Contract,
  InvoiceIssuedV2Contract,
  InvoicePaidV1Contract,
  InvoiceReminderDueV1Contract,
  UserErasureRequestedV1Contract,
  UserRegisteredV1Contract,
} from '@platform/contracts';
import { uniqueName } from '@platform/infra/testing';
import { createEvent } from '@platform/messaging';
import { v7 as uuidv7 } from 'uuid';

/** A unique address per test: tests sharing a Mailpit never see each other's mail. */
export const uniqueAddress = (who: string) => `${uniqueName(who)}@example.com`.toLowerCase();

export function userRegistered(email = uniqueAddress('user'), displayName = 'Ada Lovelace', userId = uuidv7()) {
  return createEvent(UserRegisteredV1Contract, 'auth-service', {
    aggregateId: userId,
    payload: { userId, email, displayName, registeredAt: new Date().toISOString() },
  });
}

/** The auth-service's erasure of a user: by id only, as the contract has it. */
export function erasureRequested(userId: string, erasureId = uuidv7()) {
  return createEvent(UserErasureRequestedV1Contract, 'auth-service', {
    aggregateId: userId,
    payload: { erasureId, userId, requestedAt: new Date().toISOString() },
  });
}

export function businessCreated(ownerUserId: string, name = 'Acme Consulting GmbH', businessId = uuidv7()) {
  return createEvent(BusinessCreatedV1Contract, 'business-service', {
    aggregateId: businessId,
    payload: {
      businessId,
      name,
      currency: 'EUR',
      invoicePrefix: 'ACME',
      ownerUserId,
      createdAt: new Date().toISOString(),
    },
  });
}

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

export function invoiceIssued(options: {
  businessId: string;
  businessName?: string;
  customerEmail: string;
  customerName?: string;
  invoiceId?: string;
}) {
  const invoiceId = options.invoiceId ?? uuidv7();
  return createEvent(InvoiceIssuedV2Contract, 'business-service', {
    aggregateId: invoiceId,
    payload: {
      invoiceId,
      businessId: options.businessId,
      businessName: options.businessName ?? 'Acme Consulting GmbH',
      customerId: uuidv7(),
      customerName: options.customerName ?? 'Globex Corporation',
      customerEmail: options.customerEmail,
      number: 'ACME-2026-0007',
      currency: 'EUR',
      dueDate: '2026-03-04',
      lines: [
        {
          description: 'Consulting, January 2026',
          quantity: 12,
          unitAmount: eur(9500),
          taxRateBps: 1900,
          subtotal: eur(114000),
          tax: eur(21660),
          total: eur(135660),
        },
      ],
      subtotal: eur(114000),
      tax: eur(21660),
      total: eur(135660),
      issuedAt: new Date().toISOString(),
    },
  });
}

export function invoicePaid(invoiceId: string, businessId: string) {
  return createEvent(InvoicePaidV1Contract, 'business-service', {
    aggregateId: invoiceId,
    payload: { invoiceId, businessId, paymentId: uuidv7(), amount: eur(135660), paidAt: new Date().toISOString() },
  });
}

export function reminderDue(businessId: string, customerEmail: string, invoiceId = uuidv7()) {
  return createEvent(InvoiceReminderDueV1Contract, 'business-service', {
    aggregateId: invoiceId,
    payload: {
      invoiceId,
      businessId,
      businessName: 'Acme Consulting GmbH',
      number: 'ACME-2026-0008',
      customerId: uuidv7(),
      customerName: 'Globex Corporation',
      customerEmail,
      offsetDays: -3,
      total: eur(135660),
      amountDue: eur(135660),
      dueDate: '2026-03-04',
      remindedAt: new Date().toISOString(),
    },
  });
}
