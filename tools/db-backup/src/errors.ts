/** A backup or restore that cannot go on, with a message for the person who ran it (no secret in it). */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
