import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { InvoiceIssuedV1 } from '../../src/business/invoice-issued.v1.js';
import { Money } from '../../src/common/money.js';
import { payloadSchema, SchemaDerivationError } from './derive-schema.js';

class Line {
  @IsString()
  sku!: string;
}

class Order {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @IsBoolean()
  gift!: boolean;
}

class Untyped {
  @IsOptional()
  anything?: unknown;
}

class NestedWithoutType {
  @IsObject()
  @ValidateNested()
  total!: Money;
}

class NestedWithoutPresence {
  @ValidateNested()
  @Type(() => Money)
  total!: Money;
}

describe('payloadSchema', () => {
  it('describes types, required fields and nested objects of a contract', () => {
    const schema = payloadSchema(InvoiceIssuedV1);
    expect(schema.customerEmail).toEqual({ type: 'email', required: true });
    expect(schema.issuedAt).toEqual({ type: 'timestamp', required: true });
    expect(schema.total).toEqual({
      type: 'object',
      required: true,
      fields: {
        amountMinor: { type: 'integer', required: true },
        currency: { type: 'currency', required: true },
      },
    });
  });

  it('describes lists of objects and of values, and optional fields', () => {
    expect(payloadSchema(Order)).toEqual({
      gift: { type: 'boolean', required: true },
      lines: { type: 'object', required: true, array: true, fields: { sku: { type: 'string', required: true } } },
      tags: { type: 'string', required: false, array: true },
    });
  });

  it('refuses a field whose rules do not say its type', () => {
    expect(() => payloadSchema(Untyped)).toThrow(SchemaDerivationError);
    expect(() => payloadSchema(Untyped)).toThrow('anything: no rule says what type it is');
  });

  it('refuses a required nested field that ValidateNested alone would let be missing', () => {
    expect(() => payloadSchema(NestedWithoutPresence)).toThrow('total: a required nested field needs @IsObject()');
  });

  it('refuses a nested field without @Type, whose rules would never run', () => {
    expect(() => payloadSchema(NestedWithoutType)).toThrow('total: a nested field needs @Type');
  });
});
