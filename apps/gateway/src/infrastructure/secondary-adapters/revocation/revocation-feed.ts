import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { UserSessionsRevokedV1Contract, type UserSessionsRevokedV1 } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { createKafkaClient, EventFeed, parseKafkaBrokers, type DeliveredEvent } from '@platform/messaging';
import type { RevocationFeedProgress } from './token-revocations.js';
import type { RevokedSessionsStore } from './revoked-sessions-store.js';

/** Name of the feed in logs, metrics (`messaging_feed_staleness_seconds{feed=…}`) and consumer groups. */
export const REVOCATION_FEED_NAME = 'gateway-revocations';

/**
 * Beyond an access token's lifetime, how much longer revocations are replayed and kept: the
 * verifier's clock tolerance on `exp` (5 s) and clock skew between the auth-service (message
 * timestamps, cut-offs) and the gateway.
 */
export const REVOCATION_MARGIN_SECONDS = 60;

export interface RevocationFeedOptions {
  kafkaBrokers: string;
  store: RevokedSessionsStore;
  /** The longest access-token lifetime; revocations older than it (plus the margin) no longer matter. */
  maxTokenLifetimeSeconds: number;
  now?: () => number;
}

/**
 * Feeds the revoked-sessions store from `auth.user.sessions-revoked`, in every gateway instance,
 * started with the app: it replays one token lifetime (plus a margin) of revocations, then follows
 * them live. A cut-off is kept until every token it refuses has expired.
 */
export class RevocationFeed implements OnApplicationBootstrap, BeforeApplicationShutdown, RevocationFeedProgress {
  readonly feed: EventFeed;
  private readonly log = getLogger('RevocationFeed');
  private readonly retentionMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RevocationFeedOptions) {
    this.retentionMs = (options.maxTokenLifetimeSeconds + REVOCATION_MARGIN_SECONDS) * 1000;
    this.now = options.now ?? Date.now;
    this.feed = new EventFeed({
      kafka: createKafkaClient({
        brokers: parseKafkaBrokers(options.kafkaBrokers),
        clientId: 'gateway',
        // Short connection retries: the feed retries on its own, and a shutdown while Kafka is
        // away must not wait out kafkajs's default of 5 retries up to 30 s.
        extra: { retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 } },
      }),
      name: REVOCATION_FEED_NAME,
      eventTypes: [UserSessionsRevokedV1Contract.type],
      handler: (event) => this.apply(event),
      lookbackMs: this.retentionMs,
    });
  }

  onApplicationBootstrap(): void {
    this.feed.start();
  }

  // Before the stores close: the feed's last writes go to an open store.
  async beforeApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }

  lastCaughtUpAt(): number | undefined {
    return this.feed.lastCaughtUpAt();
  }

  private async apply(event: DeliveredEvent): Promise<void> {
    const { userId, tokensValidAfter, reason } = event.envelope.payload as unknown as UserSessionsRevokedV1;
    const validAfterMs = Date.parse(tokensValidAfter);
    const expiresAtMs = validAfterMs + this.retentionMs;
    // Replayed from before the last token it refused expired: nothing left to refuse.
    if (expiresAtMs <= this.now()) return;
    await this.options.store.revoke(userId, validAfterMs, expiresAtMs);
    this.log.info('Sessions revoked: older access tokens are refused', { userId, tokensValidAfter, reason });
  }
}
