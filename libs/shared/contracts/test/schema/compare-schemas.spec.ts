import { describe, expect, it } from 'vitest';
import type { ContractSchema, ContractsSchema, PayloadSchema } from './contract-schema.js';
import { describeIncompatibility, findIncompatibilities } from './compare-schemas.js';

const KEY = 'business.invoice.issued@v1';

/** A published invoice contract, changed by `edit` into the "current" one. */
function published(): ContractsSchema {
  return {
    [KEY]: {
      type: 'business.invoice.issued',
      version: 1,
      topic: 'business.invoice.v1',
      payload: {
        invoiceId: { type: 'uuid', required: true },
        note: { type: 'string', required: false },
        tags: { type: 'string', required: true, array: true },
        total: {
          type: 'object',
          required: true,
          fields: {
            amountMinor: { type: 'integer', required: true },
            currency: { type: 'currency', required: true },
          },
        },
      },
    },
  };
}

function changed(edit: (payload: PayloadSchema, contract: ContractSchema) => void): ContractsSchema {
  const current = published();
  edit(current[KEY]!.payload, current[KEY]!);
  return current;
}

const problems = (current: ContractsSchema) => findIncompatibilities(published(), current);

describe('findIncompatibilities', () => {
  it('finds a removed field', () => {
    expect(problems(changed((p) => delete p.note))).toEqual([
      { contract: KEY, field: 'note', change: expect.stringContaining('removed') },
    ]);
  });

  it('finds a renamed field (the old name is gone)', () => {
    const current = changed((p) => {
      p.invoice = p.invoiceId!;
      delete p.invoiceId;
    });
    // The new name is required too, so both halves of the rename are reported.
    expect(problems(current).map((problem) => problem.field)).toEqual(['invoiceId', 'invoice']);
  });

  it('finds a retyped field', () => {
    expect(problems(changed((p) => (p.invoiceId = { type: 'string', required: true })))).toEqual([
      { contract: KEY, field: 'invoiceId', change: 'was retyped from uuid to string' },
    ]);
  });

  it('finds a list turned into a single value', () => {
    expect(problems(changed((p) => delete p.tags!.array))[0]).toMatchObject({
      field: 'tags',
      change: 'was retyped from string[] to string',
    });
  });

  it('finds an optional field made required', () => {
    expect(problems(changed((p) => (p.note!.required = true)))).toEqual([
      { contract: KEY, field: 'note', change: expect.stringContaining('made required') },
    ]);
  });

  it('finds a new required field', () => {
    expect(problems(changed((p) => (p.dueAt = { type: 'timestamp', required: true })))).toEqual([
      { contract: KEY, field: 'dueAt', change: expect.stringContaining('new required field') },
    ]);
  });

  it('finds a required field made optional', () => {
    expect(problems(changed((p) => (p.invoiceId!.required = false)))[0]).toMatchObject({ field: 'invoiceId' });
  });

  it('finds changes inside nested objects, with the dotted path', () => {
    const current = changed((p) => {
      delete p.total!.fields!.currency;
      p.total!.fields!.amountMinor = { type: 'number', required: true };
    });
    expect(problems(current).map((problem) => problem.field)).toEqual(['total.amountMinor', 'total.currency']);
  });

  it('finds a removed contract and a moved topic', () => {
    expect(problems({})).toEqual([{ contract: KEY, field: '(contract)', change: expect.any(String) }]);
    expect(problems(changed((_, c) => (c.topic = 'business.invoice.v2')))[0]).toMatchObject({ field: '(topic)' });
  });

  it('names the contract and the field and says to publish a new version', () => {
    const [problem] = problems(changed((p) => delete p.note));
    expect(describeIncompatibility(problem!)).toBe(
      'business.invoice.issued@v1 field "note": was removed or renamed (consumers still read it); publish a new version instead',
    );
  });

  it('accepts an unchanged contract', () => {
    expect(problems(published())).toEqual([]);
  });

  it('accepts a new optional field, also inside a nested object', () => {
    const current = changed((p) => {
      p.poNumber = { type: 'string', required: false };
      p.total!.fields!.taxMinor = { type: 'integer', required: false };
    });
    expect(problems(current)).toEqual([]);
  });

  it('accepts a new version as a new entry beside the unchanged old one', () => {
    const current = published();
    current['business.invoice.issued@v2'] = {
      ...current[KEY]!,
      version: 2,
      payload: { invoiceId: { type: 'string', required: true } },
    };
    expect(problems(current)).toEqual([]);
  });
});
