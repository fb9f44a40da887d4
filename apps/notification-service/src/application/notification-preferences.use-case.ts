import type { Category } from '../domain/notification.js';
import { InvalidUnsubscribeTokenError, UserNotKnownYetError } from '../domain/notification-query.errors.js';
import type { NotificationPreferences, NotificationReads } from './ports/notification-reads.port.js';
import type { Reader } from './list-notifications.use-case.js';
import { verifyUnsubscribeToken, type UnsubscribeClaim } from './unsubscribe-token.js';

/** What a user may turn off. Transactional e-mails (security notices, invoices, receipts) are always sent. */
export interface PreferenceChoices {
  reminders: boolean;
}

const REMINDER: Category = 'reminder';

/**
 * The caller's preferences (`GET|PUT /v1/me/notification-preferences`) and one-click unsubscribe
 * links (RFC 8058). Both write the same rows, keyed by address and category, that the
 * suppression check reads when a reminder is queued: unsubscribing by link shows in the
 * preferences of the user with that address, and the other way round.
 */
export class NotificationPreferencesUseCase {
  constructor(
    private readonly reads: NotificationReads,
    private readonly preferences: NotificationPreferences,
    private readonly unsubscribeKey: string,
  ) {}

  async get(reader: Reader): Promise<PreferenceChoices> {
    const address = await this.addressOf(reader);
    return { reminders: !(await this.preferences.isUnsubscribed(address, REMINDER)) };
  }

  async update(reader: Reader, choices: PreferenceChoices, now = new Date()): Promise<PreferenceChoices> {
    const address = await this.addressOf(reader);
    if (choices.reminders) await this.preferences.resubscribe(address, REMINDER);
    else await this.preferences.unsubscribe(address, REMINDER, now);
    return { reminders: choices.reminders };
  }

  /** One-click unsubscribe: idempotent; a bad token changes nothing. */
  async unsubscribe(token: string | undefined, now = new Date()): Promise<UnsubscribeClaim> {
    const claim = this.claimOf(token);
    await this.preferences.unsubscribe(claim.recipient, claim.category, now);
    return claim;
  }

  /** What a link would unsubscribe, and whether it already is (a GET must change nothing: mail scanners follow links). */
  async unsubscribeStatus(token: string | undefined): Promise<UnsubscribeClaim & { unsubscribed: boolean }> {
    const claim = this.claimOf(token);
    return { ...claim, unsubscribed: await this.preferences.isUnsubscribed(claim.recipient, claim.category) };
  }

  private claimOf(token: string | undefined): UnsubscribeClaim {
    if (!token) throw new InvalidUnsubscribeTokenError('missing');
    const claim = verifyUnsubscribeToken(this.unsubscribeKey, token);
    if (!claim) throw new InvalidUnsubscribeTokenError('invalid');
    if (claim.category !== REMINDER) throw new InvalidUnsubscribeTokenError('not_unsubscribable');
    return claim;
  }

  private async addressOf(reader: Reader): Promise<string> {
    const address = await this.reads.emailOf(reader.userId);
    if (!address) throw new UserNotKnownYetError(reader.userId);
    return address;
  }
}
