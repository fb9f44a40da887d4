/** A setting is missing or malformed; the message names every bad setting on one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
