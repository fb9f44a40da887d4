/** Thrown at module load when an event contract breaks the naming rules: fails fast, before any message is sent. */
export class ContractDefinitionError extends Error {
  override readonly name = 'ContractDefinitionError';
}
