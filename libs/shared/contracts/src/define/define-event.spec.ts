import { IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { createContractRegistry } from '../registry/contract-registry.js';
import { publishedContracts } from '../registry/published-contracts.js';
import { ContractDefinitionError } from './contract-definition.error.js';
import { defineEvent, type EventContractDefinition } from './define-event.js';

class Payload {
  @IsString()
  id!: string;
}

class NoRules {
  id!: string;
}

const valid: EventContractDefinition<string, number, Payload> = {
  type: 'business.invoice.issued',
  version: 1,
  topic: 'business.invoice.v1',
  payload: Payload,
  example: { id: 'x' },
  description: 'test',
};

const refusal = (changes: Partial<EventContractDefinition>) => () =>
  defineEvent({ ...valid, ...changes } as EventContractDefinition<string, number, Payload>);

describe('defineEvent', () => {
  it('returns the contract, frozen', () => {
    const contract = defineEvent(valid);
    expect(contract).toEqual(valid);
    expect(Object.isFrozen(contract)).toBe(true);
  });

  it.each([
    [
      'a type that is not three segments',
      { type: 'invoice.issued' },
      'type must be <domain>.<aggregate>.<past-tense-verb>',
    ],
    ['a type not in lower-case kebab-case', { type: 'business.Invoice.issued' }, 'lower-case kebab-case'],
    ['a verb in the present tense', { type: 'business.invoice.issue' }, 'the verb "issue" must be in the past tense'],
    ['a version below 1', { version: 0 }, 'version must be an integer ≥ 1'],
    ['a fractional version', { version: 1.5 }, 'version must be an integer ≥ 1'],
    ['a topic without major version', { topic: 'business.invoice' }, 'must be <domain>.<aggregate>.v<major>'],
    [
      'a topic of another family',
      { topic: 'auth.user.v1' },
      'must belong to the family of the type, "business.invoice.v<major>"',
    ],
    ['a payload class without rules', { payload: NoRules }, 'payload class NoRules has no class-validator rules'],
  ])('refuses %s', (_, changes, message) => {
    expect(refusal(changes)).toThrow(ContractDefinitionError);
    expect(refusal(changes)).toThrow(message);
  });

  it('accepts irregular past participles and multi-word verbs', () => {
    expect(() => defineEvent({ ...valid, type: 'business.invoice.paid' })).not.toThrow();
    expect(() => defineEvent({ ...valid, type: 'business.invoice.reminder-sent' })).not.toThrow();
  });
});

describe('contract registry', () => {
  it('finds a contract by type and version', () => {
    expect(publishedContracts.find('business.invoice.paid', 1)?.topic).toBe('business.invoice.v1');
    expect(publishedContracts.find('business.invoice.paid', 2)).toBeUndefined();
  });

  it('lists the topics of its contracts, each once, in declaration order', () => {
    const issued = defineEvent(valid);
    const paid = defineEvent({ ...valid, type: 'business.invoice.paid' });
    const member = defineEvent({ ...valid, type: 'business.member.added', topic: 'business.member.v1' });
    expect(createContractRegistry([issued, member, paid]).topics).toEqual([
      'business.invoice.v1',
      'business.member.v1',
    ]);
  });

  it('refuses two contracts with the same type and version', () => {
    const contract = defineEvent(valid);
    expect(() => createContractRegistry([contract, { ...contract }])).toThrow(
      'Event contract business.invoice.issued@v1 is declared twice.',
    );
  });
});
