import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { IS_CALENDAR_DATE } from '../../src/common/calendar-date.js';
import { IS_UTC_TIMESTAMP } from '../../src/common/is-utc-timestamp.js';
import type { EventContract, PayloadClass } from '../../src/define/define-event.js';
import { contractKey } from '../../src/registry/contract-registry.js';
import type { ContractsSchema, FieldSchema, FieldType, PayloadSchema } from './contract-schema.js';

// class-validator does not export the type of its metadata entries from the package root.
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

// Rule name → field type, most specific first: `@IsString() @IsEmail()` is an email.
const TYPE_BY_RULE: ReadonlyArray<[string, FieldType]> = [
  ['isUuid', 'uuid'],
  ['isEmail', 'email'],
  [IS_UTC_TIMESTAMP, 'timestamp'],
  ['isIso8601', 'timestamp'],
  [IS_CALENDAR_DATE, 'date'],
  ['isISO4217CurrencyCode', 'currency'],
  ['isInt', 'integer'],
  ['isNumber', 'number'],
  ['isBoolean', 'boolean'],
  ['isString', 'string'],
];

/** Thrown when a payload class cannot be described: the contract would be unchecked. */
export class SchemaDerivationError extends Error {
  override readonly name = 'SchemaDerivationError';
}

/**
 * The class a nested field is turned into, found the way consumers find it: by transforming a
 * probe. A missing `@Type` leaves a plain Object, and then the nested rules never run.
 */
function nestedClassOf(owner: PayloadClass, property: string, array: boolean, path: string): PayloadClass {
  const probe = plainToInstance(owner, { [property]: array ? [{}] : {} }) as Record<string, unknown>;
  const value = probe[property];
  const item: unknown = array && Array.isArray(value) ? value[0] : value;
  const cls = (item as object | undefined)?.constructor;
  if (typeof cls !== 'function' || cls === Object) {
    throw new SchemaDerivationError(`${path}: a nested field needs @Type(() => TheClass)`);
  }
  return cls as PayloadClass;
}

/** The schema of one field from its rules. */
function fieldSchema(owner: PayloadClass, property: string, rules: ValidationMetadata[], path: string): FieldSchema {
  // Any condition (IsOptional, ValidateIf) means a producer may leave the field out.
  const required = !rules.some((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION);
  const array = rules.some((rule) => rule.name === 'isArray' || rule.each === true);
  const base = array ? { required, array: true as const } : { required };
  if (rules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)) {
    // ValidateNested skips undefined: without a presence rule the field is silently optional.
    const present = rules.some(
      (rule) => ['isObject', 'isArray'].includes(rule.name ?? '') || rule.type === 'isDefined',
    );
    if (required && !present) throw new SchemaDerivationError(`${path}: a required nested field needs @IsObject()`);
    const nested = nestedClassOf(owner, property, array, path);
    return { type: 'object', ...base, fields: payloadSchema(nested, `${path}.`) };
  }
  const names = new Set(rules.map((rule) => rule.name));
  const match = TYPE_BY_RULE.find(([rule]) => names.has(rule));
  if (!match) throw new SchemaDerivationError(`${path}: no rule says what type it is (add e.g. @IsString())`);
  return { type: match[1], ...base };
}

/** The fields of a payload class from its class-validator metadata, sorted by name. */
export function payloadSchema(cls: PayloadClass, prefix = ''): PayloadSchema {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  const schema: PayloadSchema = {};
  for (const property of [...byProperty.keys()].sort()) {
    schema[property] = fieldSchema(cls, property, byProperty.get(property)!, `${prefix}${property}`);
  }
  return schema;
}

/** The current schema of every contract, keyed by `type@vN` in sorted order (a stable file). */
export function contractsSchema(contracts: readonly EventContract[]): ContractsSchema {
  const entries = contracts.map((contract): [string, ContractsSchema[string]] => [
    contractKey(contract.type, contract.version),
    {
      type: contract.type,
      version: contract.version,
      topic: contract.topic,
      payload: payloadSchema(contract.payload, `${contractKey(contract.type, contract.version)}: `),
    },
  ]);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
