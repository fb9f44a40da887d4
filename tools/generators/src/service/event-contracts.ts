import { type Tree } from '@nx/devkit';
import path from 'node:path';
import { GeneratorError } from './generator-error.js';

/** Where the published contracts are listed; a contract not listed there cannot be published or consumed. */
export const PUBLISHED_CONTRACTS = 'libs/shared/contracts/src/registry/published-contracts.ts';

/** An event contract of `@platform/contracts`, as the templates name it. */
export interface EventContractRef {
  /** `business.invoice.paid` */
  type: string;
  version: number;
  /** `InvoicePaidV1Contract`: the export to import from `@platform/contracts`. */
  contractName: string;
  /** `business-invoice-paid`: file-name stem of its consumer. */
  fileName: string;
  /** `BusinessInvoicePaid`: class-name stem of its consumer. */
  className: string;
}

const IMPORT = /import\s*\{([^}]+)\}\s*from\s*'([^']+)'/g;
const DEFINITION = /export const (\w+)\s*=\s*defineEvent\(\{\s*type:\s*'([^']+)',\s*version:\s*(\d+)/g;

/**
 * The contracts services may publish, read from the tree (so a contract added in the same change
 * is known): every name `publishedContracts` lists, with the type and version its `defineEvent` declares.
 */
export function knownEventContracts(tree: Tree): EventContractRef[] {
  const registry = tree.read(PUBLISHED_CONTRACTS, 'utf-8');
  if (registry === null) throw new GeneratorError(`${PUBLISHED_CONTRACTS} is missing: cannot tell which events exist.`);
  const contracts: EventContractRef[] = [];
  for (const [, imported = '', from = ''] of registry.matchAll(IMPORT)) {
    if (!from.startsWith('.')) continue;
    const file = path.posix.join(path.posix.dirname(PUBLISHED_CONTRACTS), from.replace(/\.js$/, '.ts'));
    const wanted = new Set(imported.split(',').map((name) => name.trim()));
    for (const [, contractName = '', type = '', version] of (tree.read(file, 'utf-8') ?? '').matchAll(DEFINITION)) {
      if (!wanted.has(contractName)) continue;
      const fileName = type.replace(/\./g, '-');
      contracts.push({
        type,
        version: Number(version),
        contractName,
        fileName,
        className: fileName.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
      });
    }
  }
  return contracts;
}

/** How `pickContracts` treats a type it does not know. */
export interface UnknownTypes {
  /** The service's own namespace, `ledger` for the ledger-service: its types (`ledger.entry.recorded`) may be new. */
  namespace: string;
  /** The contract of a new own type, planned (or refused with a GeneratorError); added to @platform/contracts later. */
  add: (type: string) => EventContractRef;
}

/**
 * The contracts `list` names (`type` for its newest version, `type@v2` for one version), each
 * type once. An unknown type refuses the run with the list of known ones, unless `unknown` says
 * it is one of the service's own: then it becomes a new contract (v1).
 */
export function pickContracts(
  known: readonly EventContractRef[],
  list: string | undefined,
  option: string,
  unknown?: UnknownTypes,
): EventContractRef[] {
  const pool = [...known];
  const picked = new Map<string, EventContractRef>();
  for (const entry of (list ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [type = '', versionText] = entry.split('@');
    const version = versionText === undefined ? undefined : Number(versionText.replace(/^v/, ''));
    const candidates = pool.filter((contract) => contract.type === type);
    let contract =
      version === undefined
        ? candidates.sort((a, b) => b.version - a.version)[0]
        : candidates.find((candidate) => candidate.version === version);
    if (
      !contract &&
      candidates.length === 0 &&
      (version ?? 1) === 1 &&
      unknown !== undefined &&
      type.split('.')[0] === unknown.namespace
    ) {
      contract = unknown.add(type);
      pool.push(contract);
    }
    if (!contract) {
      const types = [...new Set(known.map((known) => `${known.type}@v${known.version}`))].sort();
      const own = unknown
        ? `\nA new type of the service's own (${unknown.namespace}.<aggregate>.<past-tense-verb>) is added to @platform/contracts.`
        : '';
      throw new GeneratorError(
        `${option}: unknown event type "${entry}". Known event types (@platform/contracts, ${PUBLISHED_CONTRACTS}):\n  ${types.join('\n  ')}${own}`,
      );
    }
    picked.set(contract.type, contract);
  }
  return [...picked.values()];
}
