import { getLogger, type AppLogger } from '@platform/logging';
import { defineMetrics } from '@platform/monitoring';
import type { AuditEvent, AuditFields, AuditLog } from '../../../application/ports/audit-log.port.js';
import { Email } from '../../../domain/email.js';

/** Longest user agent kept: enough to tell browsers and tools apart, bounded against junk headers. */
export const AUDIT_USER_AGENT_MAX_LENGTH = 256;

// Events an investigator looks at first: a guessed password, a stolen refresh token.
const WARN_EVENTS: ReadonlySet<AuditEvent> = new Set<AuditEvent>(['login_failed', 'refresh_reuse_detected']);

// A label of a few fixed values (the audit events), never an id.
function auditMetrics() {
  return defineMetrics({
    auth_audit_record_failures_total: {
      kind: 'counter',
      help: 'Audit events that could not be written to the log.',
      labelNames: ['event'],
    },
  });
}

/**
 * AuditLog as JSON log lines: one line per event from the `Audit` logger, `audit: true` so a log
 * pipeline can route the trail on its own, e-mails masked before they reach the logger.
 */
export class LoggerAuditLog implements AuditLog {
  private readonly log: AppLogger = getLogger('Audit');
  private readonly metrics = auditMetrics();

  async record(event: AuditEvent, fields: AuditFields): Promise<void> {
    try {
      const line = {
        audit: true,
        event,
        userId: fields.userId,
        actorId: fields.actorId,
        email: fields.email === undefined ? undefined : maskEmail(String(fields.email)),
        clientAddress: fields.clientAddress,
        userAgent: fields.userAgent === undefined ? undefined : truncate(String(fields.userAgent)),
        familyId: fields.familyId,
        erasureId: fields.erasureId,
        reason: fields.reason,
      };
      if (WARN_EVENTS.has(event)) this.log.warn(`audit: ${event}`, line);
      else this.log.info(`audit: ${event}`, line);
    } catch (error) {
      // The contract: never reject. The event already happened; losing its trail is reported, not thrown.
      try {
        this.metrics.inc('auth_audit_record_failures_total', { event });
        this.log.error('audit: an event could not be recorded', { event, error });
      } catch {
        // Nothing left to report to.
      }
    }
  }
}

/**
 * `a***@example.com` for an address. Input that is not one may be anything a user typed into the
 * e-mail field, their password included: none of it is kept but a domain, when it looks like one.
 */
function maskEmail(value: string): string {
  const email = Email.tryParse(value);
  if (email) return email.mask();
  const at = value.lastIndexOf('@');
  const domain = at >= 0 ? value.slice(at + 1) : '';
  return domain.length <= 253 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain) ? `***@${domain}` : '***';
}

/** At most AUDIT_USER_AGENT_MAX_LENGTH code points, never half a surrogate pair. */
function truncate(value: string): string {
  if (value.length <= AUDIT_USER_AGENT_MAX_LENGTH) return value;
  return [...value].slice(0, AUDIT_USER_AGENT_MAX_LENGTH).join('');
}
