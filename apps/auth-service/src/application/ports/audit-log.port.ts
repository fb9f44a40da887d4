/** Security events auth-service keeps a trail of. */
export type AuditEvent =
  | 'registered'
  | 'login_succeeded'
  | 'login_failed'
  | 'refresh'
  | 'refresh_reuse_detected'
  | 'logout'
  | 'logout_all'
  | 'password_changed'
  | 'promoted_to_admin'
  | 'erased';

export interface AuditFields {
  /** The user the event is about. */
  userId?: string;
  /** Who acted, when not the user themselves (an admin logging a user out everywhere). */
  actorId?: string;
  /** The normalised e-mail input; the adapter masks it before it is written anywhere. */
  email?: string;
  clientAddress?: string;
  userAgent?: string;
  /** The refresh token family concerned (refresh, reuse, log-out). */
  familyId?: string;
  /** The erasure (`erased`). */
  erasureId?: string;
  /** Why an attempt failed (`unknown_email`, `wrong_password`); for investigators, never for the client. */
  reason?: string;
}

/**
 * The security audit trail: who did what, from where.
 *
 * Contract: `record` never rejects (a failure to write is the adapter's to log and count): an
 * audit outage must not fail a log-in that already happened. It never receives passwords or
 * tokens. Use cases record after their transaction committed, so the trail shows what happened.
 */
export interface AuditLog {
  record(event: AuditEvent, fields: AuditFields): Promise<void>;
}
