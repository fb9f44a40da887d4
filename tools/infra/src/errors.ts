/**
 * A failure of the local infrastructure that a person can act on: the message says what
 * happened and what to do, so the CLI prints it without a stack trace.
 */
export class InfraError extends Error {
  override readonly name = 'InfraError';
}
