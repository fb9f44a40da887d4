/**
 * Bad input on the command line (an unknown flag, a date that is no date): the CLI prints the
 * message as one line and exits with code 2, before anything talks to Kafka.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/**
 * A failure a person can act on (no broker configured, no such DLQ topic, a publish that
 * failed): one line on stderr, exit code 1, no stack trace.
 */
export class DlqError extends Error {
  override readonly name = 'DlqError';
  readonly exitCode = 1;
}
