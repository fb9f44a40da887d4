import { ContractDefinitionError } from '../define/contract-definition.error.js';
import type { EventContract } from '../define/define-event.js';

/** The published contracts, and the lookup a consumer uses to pick the payload class of a message. */
export interface ContractRegistry {
  /** Every contract, in declaration order. */
  readonly contracts: readonly EventContract[];
  /** The topics of those contracts, each once, in declaration order: what their consumers read. */
  readonly topics: readonly string[];
  /** The contract of one type and version, or undefined when this build does not know it. */
  find(type: string, version: number): EventContract | undefined;
}

/** `business.invoice.issued@v1`: how a type and version are named together, in errors and the snapshot. */
export function contractKey(type: string, version: number): string {
  return `${type}@v${version}`;
}

/** Builds a registry; refuses two contracts with the same type and version, which would shadow each other. */
export function createContractRegistry(contracts: readonly EventContract[]): ContractRegistry {
  const byKey = new Map<string, EventContract>();
  for (const contract of contracts) {
    const key = contractKey(contract.type, contract.version);
    if (byKey.has(key)) throw new ContractDefinitionError(`Event contract ${key} is declared twice.`);
    byKey.set(key, contract);
  }
  return Object.freeze({
    contracts: Object.freeze([...contracts]),
    topics: Object.freeze([...new Set(contracts.map((contract) => contract.topic))]),
    find: (type: string, version: number) => byKey.get(contractKey(type, version)),
  });
}
