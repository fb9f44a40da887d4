import { names, type Tree } from '@nx/devkit';
import { type EventContractRef } from './event-contracts.js';
import { GeneratorError } from './generator-error.js';
import type { ServiceNames } from './service-name.js';

/** The contracts library, as the paths below are written from. */
export const CONTRACTS_ROOT = 'libs/shared/contracts';
const CONTRACTS_SRC = `${CONTRACTS_ROOT}/src`;
export const CONTRACTS_INDEX = `${CONTRACTS_SRC}/index.ts`;
export const CONTRACTS_README = `${CONTRACTS_ROOT}/README.md`;
/** Written by `UPDATE_CONTRACT_SNAPSHOT=1 npx nx test contracts` (test/schema/snapshot-file.ts); the generator adds the same. */
export const CONTRACTS_SNAPSHOT = `${CONTRACTS_ROOT}/contracts.snapshot.json`;
const NAMING = `${CONTRACTS_SRC}/naming/event-naming.ts`;

// The naming rules of defineEvent (src/naming/event-naming.ts), so that a contract the generator
// writes cannot fail them when it loads.
const SEGMENT = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const EVENT_TYPE = new RegExp(`^(${SEGMENT})\\.(${SEGMENT})\\.(${SEGMENT})$`);

/** A field of a scaffolded payload: how the class declares it, and how the snapshot records it. */
export interface PayloadField {
  name: string;
  /** Its doc comment. */
  doc: string;
  /** Its class-validator rules, one decorator each, as written above it. */
  rules: string[];
  /** Its type in contracts.snapshot.json: what test/schema/derive-schema.ts derives from `rules`. */
  schemaType: 'uuid' | 'string' | 'timestamp';
  example: string;
}

/** A type of the new service's own, not in @platform/contracts yet: what the generator adds there. */
export interface NewContract {
  ref: EventContractRef;
  /** `ledger`: the service's name, first segment of its types. */
  domain: string;
  /** `LedgerEntryRecordedV1`: the payload class (`ref.contractName` is its descriptor). */
  payloadClass: string;
  /** `entry-recorded`: the file is `src/<domain>/<fileStem>.v1.ts`. */
  fileStem: string;
  file: string;
  /** `ledger.entry.v1` and `LEDGER_ENTRY_TOPIC_V1`, declared in `src/<domain>/topics.ts`. */
  topic: string;
  topicConstant: string;
  topicsFile: string;
  fields: PayloadField[];
  /** Set when the service's consumers publish it: one per consumed event, built from that event. */
  reaction?: {
    /** `recordedAt`: the field that says when. */
    timeField: string;
  };
  classDoc: string;
  contractDoc: string;
  description: string;
}

// Valid by the contracts' rules (UUID v7, UTC instants): the descriptor's example and the tests' fixture.
const EXAMPLE_ID = '01964f58-2a3b-7c4d-8e5f-6a7b8c9d0e1f';
const EXAMPLE_TIME = '2026-02-10T14:22:32.000Z';

const words = (kebab: string) => kebab.replace(/-/g, ' ');
const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'An' : 'A');

/** defineEvent's past-tense heuristic: `-ed`, or a participle its list knows (`paid`, `sent`). */
function isPastTense(tree: Tree, verb: string): boolean {
  const last = verb.slice(verb.lastIndexOf('-') + 1);
  if (last.endsWith('ed')) return true;
  const list = /const IRREGULAR_PAST = new Set\(\[([^\]]*)\]\)/.exec(tree.read(NAMING, 'utf-8') ?? '');
  if (!list) {
    throw new GeneratorError(
      `${NAMING} has changed shape (no IRREGULAR_PAST list): cannot check the new type's verb; update the generator.`,
    );
  }
  return [...(list[1] ?? '').matchAll(/'([a-z-]+)'/g)].some(([, word]) => word === last);
}

/**
 * Plans the contract of `type`, a type of the service's own that does not exist yet, and refuses
 * (GeneratorError, nothing written) when its name breaks the contracts' naming rules or it would
 * clash with an export or file of @platform/contracts. With `reactsTo` (the consumed contracts),
 * its payload is built from a consumed event: the service publishes one per event it consumes.
 */
export function planNewContract(
  tree: Tree,
  service: ServiceNames,
  type: string,
  option: string,
  reactsTo: readonly EventContractRef[],
): NewContract {
  const parts = EVENT_TYPE.exec(type);
  const refuse = (why: string) => new GeneratorError(`${option}: "${type}" cannot be a new event type: ${why}.`);
  if (!parts) {
    throw refuse(
      `a type is <domain>.<aggregate>.<past-tense-verb> in lower-case kebab-case, e.g. "${service.name}.entry.recorded"`,
    );
  }
  const [, domain = '', aggregate = '', verb = ''] = parts;
  if (!isPastTense(tree, verb)) {
    throw refuse(`the verb "${verb}" must be in the past tense (an event states a fact), e.g. "recorded", "paid"`);
  }
  const payloadClass = `${names(domain).className}${names(aggregate).className}${names(verb).className}V1`;
  const contractName = `${payloadClass}Contract`;
  const fileStem = `${aggregate}-${verb}`;
  const file = `${CONTRACTS_SRC}/${domain}/${fileStem}.v1.ts`;
  if (tree.exists(file)) {
    throw refuse(`${file} exists, but published-contracts.ts does not list it; register it there, or remove the file`);
  }
  if ((tree.read(CONTRACTS_SNAPSHOT, 'utf-8') ?? '').includes(`"${type}@v1": {`)) {
    throw refuse(
      `${CONTRACTS_SNAPSHOT} records ${type}@v1 already (published once); declare its contract by hand, as recorded`,
    );
  }
  const index = tree.read(CONTRACTS_INDEX, 'utf-8') ?? '';
  const taken = [payloadClass, contractName].find((name) => new RegExp(`\\b${name}\\b`).test(index));
  if (taken !== undefined) throw refuse(`@platform/contracts exports ${taken} already`);

  const timeField = `${names(verb).propertyName}At`;
  const when: PayloadField = {
    name: timeField,
    doc: `When it was ${words(verb)}, UTC ISO-8601.`,
    rules: ['@IsUtcTimestamp()'],
    schemaType: 'timestamp',
    example: EXAMPLE_TIME,
  };
  const reaction = reactsTo[0];
  const fields: PayloadField[] = reaction
    ? [
        {
          name: 'receivedEventId',
          doc: "The consumed event's `eventId` (UUID v7), also the envelope's aggregateId: one entry per consumed event.",
          rules: ['@IsUUID(ID_UUID_VERSION)'],
          schemaType: 'uuid',
          example: EXAMPLE_ID,
        },
        {
          name: 'receivedEventType',
          doc: `The consumed event's \`type\`, e.g. \`${reaction.type}\`.`,
          rules: ['@IsString()', '@Matches(EVENT_TYPE_PATTERN)'],
          schemaType: 'string',
          example: reaction.type,
        },
        when,
      ]
    : [
        {
          name: `${names(aggregate).propertyName}Id`,
          doc: `Id of the ${words(aggregate)} (UUID v7), also the envelope's aggregateId.`,
          rules: ['@IsUUID(ID_UUID_VERSION)'],
          schemaType: 'uuid',
          example: EXAMPLE_ID,
        },
        when,
      ];
  const consumed = reactsTo.map((contract) => contract.type).join(', ');
  const thing = `${words(domain)} ${words(aggregate)}`;
  return {
    ref: {
      type,
      version: 1,
      contractName,
      fileName: type.replace(/\./g, '-'),
      className: payloadClass.replace(/V1$/, ''),
    },
    domain,
    payloadClass,
    fileStem,
    file,
    topic: `${domain}.${aggregate}.v1`,
    topicConstant: `${names(domain).constantName}_${names(aggregate).constantName}_TOPIC_V1`,
    topicsFile: `${CONTRACTS_SRC}/${domain}/topics.ts`,
    fields,
    ...(reaction ? { reaction: { timeField } } : {}),
    classDoc: reaction
      ? `Payload of \`${type}\` v1: the ${service.serviceName} recorded an event it consumed, and which one.`
      : `Payload of \`${type}\` v1: which ${words(aggregate)}, and when it was ${words(verb)}.`,
    contractDoc: reaction
      ? `The ${service.serviceName} recorded an event it consumed.`
      : `${article(thing)} ${thing} was ${words(verb)}.`,
    description: reaction
      ? `The ${service.serviceName} recorded an event it consumed (${consumed}); no service consumes it yet.`
      : `${article(thing)} ${thing} was ${words(verb)} by the ${service.serviceName}; no service consumes it yet.`,
  };
}

/** The imports a payload's rules need, in the order the other contract files have them. */
export function payloadImports(contract: NewContract): string[] {
  const rules = contract.fields.flatMap((field) => field.rules).join('\n');
  const uses = (name: string) => new RegExp(`\\b${name}\\b`).test(rules);
  const validators = ['IsString', 'IsUUID', 'Matches'].filter(uses);
  return [
    validators.length > 0 ? `import { ${validators.join(', ')} } from 'class-validator';` : '',
    uses('ID_UUID_VERSION') ? "import { ID_UUID_VERSION } from '../common/ids.js';" : '',
    uses('IsUtcTimestamp') ? "import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';" : '',
    "import { defineEvent } from '../define/define-event.js';",
    uses('EVENT_TYPE_PATTERN') ? "import { EVENT_TYPE_PATTERN } from '../naming/event-naming.js';" : '',
    `import { ${contract.topicConstant} } from './topics.js';`,
  ].filter(Boolean);
}
