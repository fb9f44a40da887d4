import { getMetadataStorage } from 'class-validator';
import { EVENT_TYPE_PATTERN, familyOf, isPastTenseVerb, TOPIC_PATTERN } from '../naming/event-naming.js';
import { ContractDefinitionError } from './contract-definition.error.js';

/** A payload class: constructed without arguments, its fields carry class-validator decorators. */
export type PayloadClass<TPayload extends object = object> = new () => TPayload;

/** What a contract author writes once; `defineEvent` checks it and returns it frozen. */
export interface EventContractDefinition<
  TType extends string = string,
  TVersion extends number = number,
  TPayload extends object = object,
> {
  /** `<domain>.<aggregate>.<past-tense-verb>`, e.g. `business.invoice.issued`. */
  readonly type: TType;
  /** Major version of the payload schema, an integer ≥ 1; a breaking change is a new version. */
  readonly version: TVersion;
  /** `<domain>.<aggregate>.v<major>`, shared by every event of the family, e.g. `business.invoice.v1`. */
  readonly topic: string;
  /** The class whose class-validator rules define the payload. */
  readonly payload: PayloadClass<TPayload>;
  /** A valid payload: documentation for readers and a fixture for producer and consumer tests. */
  readonly example: TPayload;
  /** One sentence: what happened, for whom this event is published. */
  readonly description: string;
}

/** A declared event contract: the single source of its type, version, topic and payload schema. */
export type EventContract<
  TType extends string = string,
  TVersion extends number = number,
  TPayload extends object = object,
> = EventContractDefinition<TType, TVersion, TPayload>;

/** The payload type of a contract, e.g. `PayloadOf<typeof InvoiceIssuedV1Contract>`. */
export type PayloadOf<TContract> = TContract extends EventContract<string, number, infer P> ? P : never;

/** Why a definition is refused, or undefined when it follows the rules. */
function problemWith(definition: EventContractDefinition): string | undefined {
  const { type, version, topic, payload } = definition;
  if (!EVENT_TYPE_PATTERN.test(type)) {
    return 'type must be <domain>.<aggregate>.<past-tense-verb> in lower-case kebab-case, e.g. "business.invoice.issued"';
  }
  const verb = type.slice(type.lastIndexOf('.') + 1);
  if (!isPastTenseVerb(verb)) {
    return `the verb "${verb}" must be in the past tense (an event states a fact), e.g. "issued", "paid", "password-changed"`;
  }
  if (!Number.isInteger(version) || version < 1) return `version must be an integer ≥ 1, received ${String(version)}`;
  if (!TOPIC_PATTERN.test(topic)) {
    return `topic "${topic}" must be <domain>.<aggregate>.v<major> in lower-case kebab-case, e.g. "business.invoice.v1"`;
  }
  if (familyOf(topic) !== familyOf(type)) {
    return `topic "${topic}" must belong to the family of the type, "${familyOf(type)}.v<major>"`;
  }
  if (typeof payload !== 'function') return 'payload must be a class';
  // A class without rules would let any payload through: the contract would promise nothing.
  if (getMetadataStorage().getTargetValidationMetadatas(payload, '', true, false).length === 0) {
    return `payload class ${payload.name} has no class-validator rules`;
  }
  return undefined;
}

/**
 * Declares an event contract once; throws ContractDefinitionError when a name breaks the
 * naming rules, so a misnamed contract fails at import time rather than on the wire.
 */
export function defineEvent<const TType extends string, const TVersion extends number, TPayload extends object>(
  definition: EventContractDefinition<TType, TVersion, TPayload>,
): EventContract<TType, TVersion, TPayload> {
  const problem = problemWith(definition);
  if (problem !== undefined) {
    throw new ContractDefinitionError(
      `Invalid event contract "${String(definition.type)}" v${String(definition.version)}: ${problem}.`,
    );
  }
  return Object.freeze({ ...definition });
}
