import { describe, expect, it } from 'vitest';
import { Invoice, canTransition, type InvoiceStatus } from './invoice.js';
import { formatInvoiceNumber, numberingYear } from './invoice-number.js';
import {
  InvalidInvoiceError,
  InvoiceAmountTooLargeError,
  InvoiceNotDraftError,
  InvoiceTransitionError,
} from './invoice.errors.js';

const T0 = new Date('2026-02-02T10:00:00.000Z');
const T1 = new Date('2026-02-03T10:00:00.000Z');

function draft(overrides: Partial<Parameters<typeof Invoice.draft>[0]> = {}): Invoice {
  return Invoice.draft(
    {
      id: '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
      businessId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
      customerId: '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e90',
      currency: 'EUR',
      dueDate: '2026-03-04',
      lines: [
        { description: 'Consulting', quantity: 12, unitAmountMinor: 9500, taxRateBps: 1900 },
        { description: 'Travel', quantity: 1, unitAmountMinor: 5, taxRateBps: 1000 },
      ],
      ...overrides,
    },
    T0,
  );
}

describe('invoice', () => {
  it('starts as a draft at version 1, without a number, with its totals', () => {
    const invoice = draft().toState();
    expect(invoice).toMatchObject({ status: 'draft', number: null, version: 1, issuedAt: null });
    expect(invoice).toMatchObject({ subtotalMinor: 114_005, taxMinor: 21_661, totalMinor: 135_666 });
  });

  it('edits a draft: fields left out stay, lines are replaced and re-totalled, the version grows', () => {
    const edited = draft()
      .edit(
        { dueDate: '2026-04-01', lines: [{ description: 'Audit', quantity: 2, unitAmountMinor: 1000, taxRateBps: 0 }] },
        T1,
      )
      .toState();
    expect(edited).toMatchObject({
      currency: 'EUR',
      dueDate: '2026-04-01',
      version: 2,
      totalMinor: 2000,
      updatedAt: T1,
    });
    expect(edited.lines).toHaveLength(1);
  });

  it('issues a draft with its number, then voids it keeping the number', () => {
    const issued = draft().issue('ACME-2026-0007', T1);
    expect(issued.toState()).toMatchObject({ status: 'issued', number: 'ACME-2026-0007', issuedAt: T1, version: 2 });
    const voided = issued.void('  Wrong address ', T1).toState();
    expect(voided).toMatchObject({ status: 'void', number: 'ACME-2026-0007', voidReason: 'Wrong address', version: 3 });
    expect(issued.void(undefined, T1).toState().voidReason).toBeNull();
  });

  it('marks an issued invoice paid (payments do, no route)', () => {
    expect(draft().issue('A-2026-0001', T1).markPaid(T1).status).toBe('paid');
  });

  it('keeps an issued invoice immutable: no edit, no delete, no second issue', () => {
    const issued = draft().issue('ACME-2026-0001', T1);
    expect(() => issued.edit({ dueDate: '2026-05-01' }, T1)).toThrow(InvoiceNotDraftError);
    expect(() => issued.assertDeletable()).toThrow(InvoiceNotDraftError);
    expect(() => issued.issue('ACME-2026-0002', T1)).toThrow(InvoiceTransitionError);
    expect(() => draft().assertDeletable()).not.toThrow();
  });

  it('refuses the transitions the state machine does not have', () => {
    expect(() => draft().void(undefined, T1)).toThrow(InvoiceTransitionError);
    expect(() => draft().markPaid(T1)).toThrow(InvoiceTransitionError);
    const voided = draft().issue('A-2026-0001', T1).void(undefined, T1);
    expect(() => voided.void(undefined, T1)).toThrow(InvoiceTransitionError);
    expect(() => voided.markPaid(T1)).toThrow(InvoiceTransitionError);
    const paid = draft().issue('A-2026-0001', T1).markPaid(T1);
    expect(() => paid.void(undefined, T1)).toThrow(InvoiceTransitionError);
    const all: InvoiceStatus[] = ['draft', 'issued', 'paid', 'void'];
    const allowed = all.flatMap((from) => all.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['draft→issued', 'issued→paid', 'issued→void']);
  });

  it('refuses lines, currencies and due dates outside the rules', () => {
    expect(() => draft({ lines: [] })).toThrow(InvalidInvoiceError);
    expect(() => draft({ currency: 'XYZ' })).toThrow(InvalidInvoiceError);
    expect(() => draft({ currency: 'eur' })).toThrow(InvalidInvoiceError);
    expect(() => draft({ dueDate: '2025-02-29' })).toThrow(InvalidInvoiceError);
    expect(() => draft({ dueDate: '0000-01-01' })).toThrow(InvalidInvoiceError);
    const line = { description: 'x', quantity: 1, unitAmountMinor: 1, taxRateBps: 0 };
    expect(() => draft({ lines: [{ ...line, quantity: 0 }] })).toThrow(InvalidInvoiceError);
    expect(() => draft({ lines: [{ ...line, quantity: 1.5 }] })).toThrow(InvalidInvoiceError);
    expect(() => draft({ lines: [{ ...line, taxRateBps: 10_001 }] })).toThrow(InvalidInvoiceError);
    expect(() => draft({ lines: [{ ...line, description: '   ' }] })).toThrow(InvalidInvoiceError);
    expect(() => draft({ lines: Array.from({ length: 101 }, () => line) })).toThrow(InvalidInvoiceError);
  });

  it('refuses a draft whose total would not be exact as a JSON number', () => {
    const big = { description: 'Big', quantity: 1_000_000, unitAmountMinor: 9_000_000_000, taxRateBps: 0 };
    expect(() => draft({ lines: [big, big] })).toThrow(InvoiceAmountTooLargeError);
  });
});

describe('invoice number', () => {
  it('is <prefix>-<year>-<seq> with the sequence zero-padded to 4, in the UTC year', () => {
    expect(formatInvoiceNumber('ACME', 2026, 7)).toBe('ACME-2026-0007');
    expect(formatInvoiceNumber('ACME', 2026, 12_345)).toBe('ACME-2026-12345');
    expect(() => formatInvoiceNumber('ACME', 2026, 0)).toThrow(RangeError);
    expect(numberingYear(new Date('2026-12-31T23:30:00-02:00'))).toBe(2027);
  });
});
