/** A refusal of the generator: its message is the whole answer the person at the terminal gets. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
}
