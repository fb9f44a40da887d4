import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsISO8601, IsString, Min, ValidateNested } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { validateOrThrow } from './validate-or-throw.js';

class Line {
  @IsString() sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

class InvoiceIssued {
  @IsString() invoiceId!: string;
  @IsISO8601() issuedAt!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];

  total(): number {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }
}

async function failure(promise: Promise<unknown>): Promise<ValidationFailedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationFailedError);
  return error as ValidationFailedError;
}

const valid = {
  invoiceId: 'inv-1',
  issuedAt: '2025-01-02T03:04:05Z',
  lines: [
    { sku: 'a', quantity: 1 },
    { sku: 'b', quantity: 2 },
  ],
};

describe('validateOrThrow', () => {
  it('returns an instance of the class, nested items included', async () => {
    const event = await validateOrThrow(InvoiceIssued, valid);
    expect(event).toBeInstanceOf(InvoiceIssued);
    expect(event.lines[1]).toBeInstanceOf(Line);
    expect(event.total()).toBe(3);
  });

  it('names nested fields by path, one entry per failed rule, coded by rule name', async () => {
    const error = await failure(
      validateOrThrow(InvoiceIssued, {
        invoiceId: 7,
        issuedAt: '2025-01-02T03:04:05Z',
        lines: [
          { sku: 'a', quantity: 1 },
          { sku: 'b', quantity: 1 },
          { sku: 'c', quantity: 0.5 },
        ],
      }),
    );
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([
      { field: 'invoiceId', message: 'invoiceId must be a string', code: 'isString' },
      { field: 'lines[2].quantity', message: 'quantity must not be less than 1', code: 'min' },
      { field: 'lines[2].quantity', message: 'quantity must be an integer number', code: 'isInt' },
    ]);
    expect(error.message).toBe('2 fields are invalid.');
  });

  it('drops unknown properties by default, so producers may add fields', async () => {
    const event = await validateOrThrow(InvoiceIssued, { ...valid, addedLater: true });
    expect(event).not.toHaveProperty('addedLater');
  });

  it('refuses unknown properties when asked to be strict', async () => {
    const error = await failure(
      validateOrThrow(InvoiceIssued, { ...valid, addedLater: true }, { forbidUnknownProperties: true }),
    );
    expect(error.errors).toEqual([
      { field: 'addedLater', message: 'property addedLater should not exist', code: 'whitelistValidation' },
    ]);
  });

  it('refuses a payload that is not an object', async () => {
    for (const payload of [null, 'text', [valid]]) {
      const error = await failure(validateOrThrow(InvoiceIssued, payload));
      expect(error.errors).toEqual([
        { field: '$', message: expect.stringMatching(/^payload must be an object/), code: 'isObject' },
      ]);
    }
  });
});
