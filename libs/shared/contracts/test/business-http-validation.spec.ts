import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { describe, expect, it } from 'vitest';
import {
  AddMemberRequest,
  AddressRequest,
  CreateBusinessRequest,
  CreateCustomerRequest,
  CreateInvoiceRequest,
  InvoiceLineRequest,
  ListCustomersQuery,
  ListInvoicesQuery,
  PageQuery,
  UpdateBusinessRequest,
  UpdateCustomerRequest,
  UpdateInvoiceRequest,
  UpdateMemberRequest,
  VoidInvoiceRequest,
} from '../src/index.js';
import { invalidFields } from './support/field-paths.js';

// Where @nestjs/swagger keeps the names of a class's @ApiProperty fields (not exported by the package).
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const UUID_V7 = '01964f50-1c2d-7e3f-8a4b-5c6d7e8f9a0b';
// `format: uuid` means any UUID; an id of another version finds nothing (404), it is not a 400.
const UUID_V4 = '6f1c1f9e-6b8a-4c1e-9d3a-2b7f5e8c9a10';
const text = (length: number, unit = 'a') => unit.repeat(length);
// Four code points in eight UTF-16 units: lengths are counted as JSON Schema counts them.
const astral = (length: number) => '😀'.repeat(length);

const business = { name: 'Acme Consulting GmbH', currency: 'EUR', invoicePrefix: 'ACME' };
const address = {
  line1: 'Friedrichstraße 123',
  line2: '3rd floor',
  city: 'Berlin',
  postalCode: '10117',
  country: 'DE',
};
const customer = { name: 'Globex Corporation', email: 'billing@globex.example', address, taxId: 'DE 123.456-789' };
const line = { description: 'Consulting, January 2026', quantity: 12, unitAmountMinor: 9500, taxRateBps: 1900 };
const invoice = { customerId: UUID_V7, currency: 'EUR', dueDate: '2026-03-04', lines: [line] };

describe('business API requests accept what the contract calls valid', () => {
  it.each([
    ['CreateBusinessRequest', CreateBusinessRequest, business],
    ['CreateBusinessRequest, minimal', CreateBusinessRequest, { name: 'A', currency: 'XTS' }],
    [
      'CreateBusinessRequest, at the bounds',
      CreateBusinessRequest,
      { name: astral(200), currency: 'EUR', invoicePrefix: 'A1B2C3D4E5' },
    ],
    // U+FE0F alone is one code point of visible text; class-validator's Length counts it as none.
    ['CreateBusinessRequest, a variation selector', CreateBusinessRequest, { name: '\ufe0f', currency: 'EUR' }],
    ['UpdateBusinessRequest, empty', UpdateBusinessRequest, {}],
    ['UpdateBusinessRequest', UpdateBusinessRequest, { name: '  Acme  ', invoicePrefix: '0' }],
    ['AddMemberRequest', AddMemberRequest, { email: 'grace@example.com', role: 'accountant' }],
    // Any address the schema's `format: email` admits passes here; the service decides (422).
    [
      'AddMemberRequest, a quoted local part',
      AddMemberRequest,
      { email: '"grace hopper"@example.com', role: 'viewer' },
    ],
    ['UpdateMemberRequest', UpdateMemberRequest, { role: 'owner' }],
    ['CreateCustomerRequest', CreateCustomerRequest, customer],
    ['CreateCustomerRequest, minimal', CreateCustomerRequest, { name: 'Globex', email: 'a@b.example' }],
    [
      'CreateCustomerRequest, address without line2',
      CreateCustomerRequest,
      { ...customer, address: { ...address, line2: undefined } },
    ],
    ['UpdateCustomerRequest, empty', UpdateCustomerRequest, {}],
    ['UpdateCustomerRequest, removals', UpdateCustomerRequest, { address: null, taxId: null, archived: true }],
    ['UpdateCustomerRequest, everything', UpdateCustomerRequest, { ...customer, archived: false }],
    ['CreateInvoiceRequest', CreateInvoiceRequest, invoice],
    [
      'CreateInvoiceRequest, at the bounds',
      CreateInvoiceRequest,
      {
        customerId: UUID_V4,
        dueDate: '0000-02-29',
        lines: Array.from({ length: 100 }, () => ({
          description: astral(500),
          quantity: 1_000_000,
          unitAmountMinor: 100_000_000_000,
          taxRateBps: 10_000,
        })),
      },
    ],
    [
      'CreateInvoiceRequest, no tax rate',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, taxRateBps: undefined, unitAmountMinor: 0, quantity: 1 }] },
    ],
    ['UpdateInvoiceRequest, empty', UpdateInvoiceRequest, {}],
    ['UpdateInvoiceRequest', UpdateInvoiceRequest, invoice],
    ['VoidInvoiceRequest, empty', VoidInvoiceRequest, {}],
    ['VoidInvoiceRequest', VoidInvoiceRequest, { reason: 'Wrong billing address' }],
    ['PageQuery, empty', PageQuery, {}],
    ['PageQuery', PageQuery, { limit: '100', cursor: text(512) }],
    ['ListCustomersQuery', ListCustomersQuery, { limit: '1', archived: 'false' }],
    [
      'ListInvoicesQuery',
      ListInvoicesQuery,
      { status: 'issued', customerId: UUID_V7, dueBefore: '2026-12-31', dueAfter: '2024-02-29', limit: '20' },
    ],
  ] as const)('%s', async (_, cls, plain) => {
    expect(await invalidFields(cls, plain)).toEqual([]);
  });

  it('turns query text into numbers and booleans', async () => {
    const { plainToInstance } = await import('class-transformer');
    expect(plainToInstance(ListCustomersQuery, { limit: '20', archived: 'false' })).toMatchObject({
      limit: 20,
      archived: false,
    });
  });
});

describe('business API requests refuse each bound, naming the field', () => {
  it.each([
    ['an empty name', CreateBusinessRequest, { ...business, name: '' }, ['name']],
    ['a name of only white space', CreateBusinessRequest, { ...business, name: ' \u00a0\u3000\ufeff' }, ['name']],
    ['a name with a line break', CreateBusinessRequest, { ...business, name: 'Acme\nGmbH' }, ['name']],
    ['a name with a bidi override', CreateBusinessRequest, { ...business, name: 'Acme\u202e' }, ['name']],
    ['a name of 201 code points', CreateBusinessRequest, { ...business, name: astral(201) }, ['name']],
    ['a lower-case currency', CreateBusinessRequest, { ...business, currency: 'eur' }, ['currency']],
    ['a currency with a trailing newline', CreateBusinessRequest, { ...business, currency: 'EUR\n' }, ['currency']],
    ['a missing currency', CreateBusinessRequest, { name: 'Acme' }, ['currency']],
    [
      'a prefix of 11 characters',
      CreateBusinessRequest,
      { ...business, invoicePrefix: 'ABCDEFGHIJK' },
      ['invoicePrefix'],
    ],
    ['a prefix with a hyphen', CreateBusinessRequest, { ...business, invoicePrefix: 'AC-ME' }, ['invoicePrefix']],
    ['a null prefix', CreateBusinessRequest, { ...business, invoicePrefix: null }, ['invoicePrefix']],
    ['an unknown property', CreateBusinessRequest, { ...business, owner: 'me' }, ['owner']],
    ['a null name in an update', UpdateBusinessRequest, { name: null }, ['name']],
    [
      'an e-mail of 255 code points',
      AddMemberRequest,
      { email: `${text(243)}@example.com`, role: 'viewer' },
      ['email'],
    ],
    ['an unknown role', AddMemberRequest, { email: 'grace@example.com', role: 'manager' }, ['role']],
    ['a missing role', UpdateMemberRequest, {}, ['role']],
    ['a customer without e-mail', CreateCustomerRequest, { name: 'Globex' }, ['email']],
    [
      'a lower-case country',
      CreateCustomerRequest,
      { ...customer, address: { ...address, country: 'de' } },
      ['address.country'],
    ],
    [
      'a city of 101 code points',
      CreateCustomerRequest,
      { ...customer, address: { ...address, city: text(101) } },
      ['address.city'],
    ],
    [
      'a postal code of 21',
      CreateCustomerRequest,
      { ...customer, address: { ...address, postalCode: text(21, '1') } },
      ['address.postalCode'],
    ],
    ['an empty line1', CreateCustomerRequest, { ...customer, address: { ...address, line1: '' } }, ['address.line1']],
    [
      'a line2 of 201',
      CreateCustomerRequest,
      { ...customer, address: { ...address, line2: text(201) } },
      ['address.line2'],
    ],
    [
      'an unknown address field',
      CreateCustomerRequest,
      { ...customer, address: { ...address, state: 'BE' } },
      ['address.state'],
    ],
    ['a null address on create', CreateCustomerRequest, { ...customer, address: null }, ['address']],
    ['an address that is text', CreateCustomerRequest, { ...customer, address: 'Berlin' }, ['address']],
    ['a tax id with a slash', CreateCustomerRequest, { ...customer, taxId: 'DE/123' }, ['taxId']],
    ['a tax id of 51', CreateCustomerRequest, { ...customer, taxId: text(51, '1') }, ['taxId']],
    ['an archived flag as text', UpdateCustomerRequest, { archived: 'true' }, ['archived']],
    ['a null archived flag', UpdateCustomerRequest, { archived: null }, ['archived']],
    ['a customer id that is not a UUID', CreateInvoiceRequest, { ...invoice, customerId: 'c-1' }, ['customerId']],
    ['a due date that does not exist', CreateInvoiceRequest, { ...invoice, dueDate: '2026-02-29' }, ['dueDate']],
    ['a due date with a time', CreateInvoiceRequest, { ...invoice, dueDate: '2026-03-04T00:00:00Z' }, ['dueDate']],
    ['no lines', CreateInvoiceRequest, { ...invoice, lines: [] }, ['lines']],
    ['101 lines', CreateInvoiceRequest, { ...invoice, lines: Array.from({ length: 101 }, () => line) }, ['lines']],
    ['lines that are not a list', CreateInvoiceRequest, { ...invoice, lines: line }, ['lines']],
    ['a line that is null', CreateInvoiceRequest, { ...invoice, lines: [null] }, ['lines.0']],
    ['quantity 0', CreateInvoiceRequest, { ...invoice, lines: [{ ...line, quantity: 0 }] }, ['lines.0.quantity']],
    [
      'quantity above a million',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, quantity: 1_000_001 }] },
      ['lines.0.quantity'],
    ],
    [
      'a fractional quantity',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, quantity: 1.5 }] },
      ['lines.0.quantity'],
    ],
    [
      'a negative unit amount',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, unitAmountMinor: -1 }] },
      ['lines.0.unitAmountMinor'],
    ],
    [
      'a unit amount too large',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, unitAmountMinor: 100_000_000_001 }] },
      ['lines.0.unitAmountMinor'],
    ],
    [
      'a unit amount as text',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, unitAmountMinor: '9500' }] },
      ['lines.0.unitAmountMinor'],
    ],
    [
      'a tax rate above 100 %',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, taxRateBps: 10_001 }] },
      ['lines.0.taxRateBps'],
    ],
    [
      'a null tax rate',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, taxRateBps: null }] },
      ['lines.0.taxRateBps'],
    ],
    [
      'an empty description',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, description: '' }] },
      ['lines.0.description'],
    ],
    [
      'a description of 501',
      CreateInvoiceRequest,
      { ...invoice, lines: [{ ...line, description: text(501) }] },
      ['lines.0.description'],
    ],
    [
      'an unknown line field',
      CreateInvoiceRequest,
      { ...invoice, lines: [line, { ...line, sku: 'X' }] },
      ['lines.1.sku'],
    ],
    ['null lines in an update', UpdateInvoiceRequest, { lines: null }, ['lines']],
    ['a reason of 501', VoidInvoiceRequest, { reason: text(501) }, ['reason']],
    ['limit 0', PageQuery, { limit: '0' }, ['limit']],
    ['limit 101', PageQuery, { limit: '101' }, ['limit']],
    ['a fractional limit', PageQuery, { limit: '2.5' }, ['limit']],
    ['a hexadecimal limit', PageQuery, { limit: '0x10' }, ['limit']],
    ['a cursor of 513', PageQuery, { cursor: text(513) }, ['cursor']],
    ['archived=yes', ListCustomersQuery, { archived: 'yes' }, ['archived']],
    ['an unknown status', ListInvoicesQuery, { status: 'overdue' }, ['status']],
    ['a customerId that is not a UUID', ListInvoicesQuery, { customerId: '42' }, ['customerId']],
    ['dueBefore not a date', ListInvoicesQuery, { dueBefore: '2026-13-01' }, ['dueBefore']],
    ['dueAfter not a date', ListInvoicesQuery, { dueAfter: 'yesterday' }, ['dueAfter']],
  ] as const)('%s', async (_, cls, plain, fields) => {
    expect(await invalidFields(cls, plain)).toEqual(fields);
  });
});

describe('business API requests state every rule in the contract', () => {
  // A property with rules but no @ApiProperty would be refused without the contract saying so;
  // one with @ApiProperty but no rules would let anything through.
  it.each([
    CreateBusinessRequest,
    UpdateBusinessRequest,
    AddMemberRequest,
    UpdateMemberRequest,
    AddressRequest,
    CreateCustomerRequest,
    UpdateCustomerRequest,
    ListCustomersQuery,
    InvoiceLineRequest,
    CreateInvoiceRequest,
    UpdateInvoiceRequest,
    VoidInvoiceRequest,
    ListInvoicesQuery,
  ])('%o', (cls) => {
    const documented = ((Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, cls.prototype) ?? []) as string[])
      .map((name) => name.replace(/^:/, ''))
      .sort();
    const validated = [
      ...new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(cls, '', true, false)
          .map((rule) => rule.propertyName),
      ),
    ].sort();
    expect(documented).toEqual(validated);
    // `string | null` reflects as Object: without an explicit type the contract would say "object".
    const types = documented.map((name) => {
      const metadata = Reflect.getMetadata(API_MODEL_PROPERTIES, cls.prototype, name) as { type?: unknown };
      return [name, metadata.type === Object ? 'Object' : 'stated'];
    });
    expect(types.filter(([, type]) => type === 'Object')).toEqual([]);
  });
});
