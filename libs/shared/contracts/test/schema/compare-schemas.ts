import type { ContractsSchema, FieldSchema, PayloadSchema } from './contract-schema.js';

/** One change that breaks producers or consumers of a published contract. */
export interface Incompatibility {
  /** `type@vN` of the contract. */
  contract: string;
  /** Dotted path of the field, or `(contract)` / `(topic)` for the contract itself. */
  field: string;
  /** What changed, in words. */
  change: string;
}

/** The message a failing test shows: which contract, which field, and what to do instead. */
export function describeIncompatibility({ contract, field, change }: Incompatibility): string {
  return `${contract} field "${field}": ${change}; publish a new version instead`;
}

const typeName = (field: FieldSchema) => (field.array ? `${field.type}[]` : field.type);

/** Walks one payload's fields, old against new, collecting what breaks a reader or a writer. */
function compareFields(contract: string, published: PayloadSchema, current: PayloadSchema, prefix: string) {
  const found: Incompatibility[] = [];
  const report = (name: string, change: string) => found.push({ contract, field: `${prefix}${name}`, change });
  for (const [name, before] of Object.entries(published)) {
    const after = current[name];
    if (!after) {
      report(name, 'was removed or renamed (consumers still read it)');
      continue;
    }
    if (typeName(before) !== typeName(after)) {
      report(name, `was retyped from ${typeName(before)} to ${typeName(after)}`);
      continue;
    }
    if (!before.required && after.required) report(name, 'was made required (older producers do not send it)');
    // Consumers of the published version count on the field being there.
    if (before.required && !after.required) report(name, 'was made optional (consumers rely on it being present)');
    if (before.fields && after.fields)
      found.push(...compareFields(contract, before.fields, after.fields, `${prefix}${name}.`));
  }
  for (const [name, after] of Object.entries(current)) {
    if (!(name in published) && after.required)
      report(name, 'is a new required field (older producers do not send it)');
  }
  return found;
}

/**
 * Every incompatible difference between the published (snapshotted) contracts and the current
 * ones. Contracts that are new, absent from `published`, are not this function's concern.
 */
export function findIncompatibilities(published: ContractsSchema, current: ContractsSchema): Incompatibility[] {
  const found: Incompatibility[] = [];
  for (const [key, before] of Object.entries(published)) {
    const after = current[key];
    if (!after) {
      found.push({ contract: key, field: '(contract)', change: 'was removed while consumers may still receive it' });
      continue;
    }
    if (before.topic !== after.topic) {
      found.push({ contract: key, field: '(topic)', change: `moved from ${before.topic} to ${after.topic}` });
    }
    found.push(...compareFields(key, before.payload, after.payload, ''));
  }
  return found;
}
