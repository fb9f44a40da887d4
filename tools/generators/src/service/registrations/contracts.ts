import { type Tree } from '@nx/devkit';
import { PUBLISHED_CONTRACTS } from '../event-contracts.js';
import { GeneratorError } from '../generator-error.js';
import { CONTRACTS_INDEX, CONTRACTS_README, CONTRACTS_SNAPSHOT, type NewContract } from '../own-contracts.js';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

/**
 * A new contract of the service's own (its file is a template) made known where the others are:
 * its topic in `src/<domain>/topics.ts`, `publishedContracts`, the package's exports, the README's
 * table of types and contracts.snapshot.json.
 */
export function registerNewContract(tree: Tree, service: ServiceNames, contract: NewContract): void {
  const topicIsNew = addTopic(tree, contract);
  insertAt(
    tree,
    PUBLISHED_CONTRACTS,
    /^import \{ createContractRegistry \} from '\.\/contract-registry\.js';$/m,
    `import { ${contract.ref.contractName} } from '../${contract.domain}/${contract.fileStem}.v1.js';\n`,
  );
  insertAt(tree, PUBLISHED_CONTRACTS, /^\]\);$/m, `  ${contract.ref.contractName},\n`);
  addExports(tree, service, contract, topicIsNew);
  // formatFiles realigns the table.
  insertAt(
    tree,
    CONTRACTS_README,
    /^ {2}\| Type@version +\| Class +\| Topic +\|\n(?: {2}\|.*\n)+/m,
    `  | \`${contract.ref.type}@v1\` | \`${contract.payloadClass}\` | \`${contract.topic}\` |\n`,
    'after',
  );
  addToSnapshot(tree, contract);
}

/** Declares the contract's topic in its domain's `topics.ts` (made when missing); true when it was not there. */
function addTopic(tree: Tree, contract: NewContract): boolean {
  const source = tree.read(contract.topicsFile, 'utf-8') ?? '';
  if (
    new RegExp(`^export const ${contract.topicConstant} = '${contract.topic.replace(/\./g, '\\.')}';$`, 'm').test(
      source,
    )
  ) {
    return false;
  }
  if (new RegExp(`\\b${contract.topicConstant}\\b`).test(source)) {
    throw new GeneratorError(
      `${contract.topicsFile} declares ${contract.topicConstant} as another topic than ${contract.topic}: nothing was generated.`,
    );
  }
  const family = contract.topic.replace(/\.v1$/, '');
  const declaration = [
    `/** Topic of the ${family} family: every \`${family}.*\` event, in order per aggregate. */`,
    `export const ${contract.topicConstant} = '${contract.topic}';`,
    '',
  ].join('\n');
  tree.write(contract.topicsFile, source === '' ? declaration : `${source.trimEnd()}\n\n${declaration}`);
  return true;
}

/** Exports the payload class and its descriptor (and a new topic) from the package, in a section of the service's events. */
function addExports(tree: Tree, service: ServiceNames, contract: NewContract, topicIsNew: boolean): void {
  const lines = [
    ...(topicIsNew ? [`export { ${contract.topicConstant} } from './${contract.domain}/topics.js';`] : []),
    `export { ${contract.payloadClass}, ${contract.ref.contractName} } from './${contract.domain}/${contract.fileStem}.v1.js';`,
  ];
  const heading = `// ${service.serviceName} events.\n`;
  if ((tree.read(CONTRACTS_INDEX, 'utf-8') ?? '').includes(heading)) {
    // The section's last line: the next blank line after its heading.
    const section = new RegExp(`^${heading.replace(/[.]/g, '\\.')}(?:.+\\n)*`, 'm');
    insertAt(tree, CONTRACTS_INDEX, section, `${lines.join('\n')}\n`, 'after');
  } else {
    // After the other services' events, before the HTTP contracts.
    insertAt(tree, CONTRACTS_INDEX, /^\/\/ The public HTTP API/m, `${heading}${lines.join('\n')}\n\n`);
  }
}

interface SnapshotFile {
  $comment: string;
  contracts: Record<string, unknown>;
}

/**
 * Records the contract in contracts.snapshot.json as the compatibility test's update
 * (`UPDATE_CONTRACT_SNAPSHOT=1 npx nx test contracts`) would: keyed `type@v1`, keys sorted,
 * fields by name; written as JSON.stringify, which formatFiles then formats as that update does.
 */
function addToSnapshot(tree: Tree, contract: NewContract): void {
  const text = tree.read(CONTRACTS_SNAPSHOT, 'utf-8');
  if (text === null) throw new GeneratorError(`${CONTRACTS_SNAPSHOT} is missing: cannot record the new contract.`);
  const snapshot = JSON.parse(text) as SnapshotFile;
  const key = `${contract.ref.type}@v1`;
  const payload = Object.fromEntries(
    [...contract.fields]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((field) => [field.name, { type: field.schemaType, required: true }]),
  );
  const entries = Object.entries({
    ...snapshot.contracts,
    [key]: { type: contract.ref.type, version: 1, topic: contract.topic, payload },
  });
  snapshot.contracts = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  tree.write(CONTRACTS_SNAPSHOT, JSON.stringify(snapshot));
}
