import { Secret } from '@platform/bootstrap';
import { IsIdentitySigningKey } from '@platform/identity';
import { EventServiceConfig } from '@platform/messaging';
import { IsPemFile } from '@platform/tls';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The notification-service's settings, read from the environment and validated at start-up. */
export class NotificationConfig extends EventServiceConfig {
  override PORT = 3003;
  override MANAGEMENT_PORT = 9003;

  /** Its own database, e.g. postgres://notification@127.0.0.1:5432/notification. */
  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  override KAFKA_CONSUMER_GROUP = 'notification-service';

  // SMTP (Mailpit on 1025 in `npm start`).

  /** The SMTP server's host. */
  @IsString()
  @IsNotEmpty()
  SMTP_HOST = '127.0.0.1';

  /** The SMTP server's port. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  /** Implicit TLS (port 465); false: plain, upgraded with STARTTLS when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_SECURE = false;

  /**
   * STARTTLS is required: the sender upgrades the connection before anything else and never
   * sends in clear (a server without STARTTLS fails the send, which is retried). Not with
   * SMTP_SECURE, which is TLS from the first byte already.
   */
  @Transform(toBoolean)
  @IsBoolean()
  @ValidateBy({
    name: 'notWithSmtpSecure',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        !(value === true && (args?.object as { SMTP_SECURE?: unknown }).SMTP_SECURE === true),
      defaultMessage: () =>
        'SMTP_REQUIRE_TLS (STARTTLS on a plain port) and SMTP_SECURE (implicit TLS, port 465) exclude each other: set one',
    },
  })
  SMTP_REQUIRE_TLS = false;

  /** The CA (PEM file) the SMTP server's certificate must chain to; only with SMTP_REQUIRE_TLS or SMTP_SECURE. */
  @IsOptional()
  @IsPemFile()
  @ValidateBy({
    name: 'onlyWithSmtpTls',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const config = args?.object as { SMTP_SECURE?: unknown; SMTP_REQUIRE_TLS?: unknown };
        return value === undefined || config.SMTP_SECURE === true || config.SMTP_REQUIRE_TLS === true;
      },
      defaultMessage: () =>
        'SMTP_CA_FILE needs SMTP_REQUIRE_TLS=true or SMTP_SECURE=true (a CA would otherwise not stop a plain-text send)',
    },
  })
  SMTP_CA_FILE?: string;

  /** SMTP user name; with SMTP_PASSWORD, or neither. */
  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  /** SMTP password (never logged). */
  @Secret()
  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Pooled connections to the SMTP server. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE = 3;

  /** How long to wait for the TCP connection. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SMTP_CONNECTION_TIMEOUT_MS = 5_000;

  /** How long to wait for the server's greeting once connected. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SMTP_GREETING_TIMEOUT_MS = 5_000;

  /** How long a connection may stay silent during a send. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  SMTP_SOCKET_TIMEOUT_MS = 20_000;

  /** How long the SMTP circuit stays open before one trial send. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  SMTP_BREAKER_RESET_MS = 30_000;

  /** The sender of every e-mail, e.g. `Platform <no-reply@platform.example>`. */
  @IsString()
  @Matches(/^(?:[^<>\r\n]*<)?[^@\s<>]+@[^@\s<>]+>?$/, { message: 'MAIL_FROM must be an address or "Name <address>"' })
  MAIL_FROM = 'Platform <no-reply@platform.localhost>';

  /** Right-hand side of every Message-ID (`<notification id>@<domain>`). */
  @Matches(/^[A-Za-z0-9.-]{1,253}$/, { message: 'MAIL_MESSAGE_ID_DOMAIN must be a host name' })
  MAIL_MESSAGE_ID_DOMAIN = 'notifications.platform.localhost';

  // Dispatcher.

  /** Pause between two claims when nothing was due. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  NOTIFICATION_DISPATCH_INTERVAL_MS = 1_000;

  /** Notifications claimed at once by one instance. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  NOTIFICATION_DISPATCH_BATCH = 20;

  /** A claim (status `sending`) older than this is taken to be a crashed sender's and claimed again. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  NOTIFICATION_CLAIM_LEASE_MS = 120_000;

  /** Send attempts before a notification is `failed`. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATION_MAX_ATTEMPTS = 10;

  /**
   * A notification not sent this long after its row was made is `failed`, and an event older than
   * this makes none (a welcome two days late is noise; a new group replaying history sends nothing).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  NOTIFICATION_MAX_AGE_MS = 24 * 3_600_000;

  /** First retry delay; doubled per attempt with full jitter, up to NOTIFICATION_RETRY_MAX_DELAY_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  NOTIFICATION_RETRY_BASE_DELAY_MS = 5_000;

  /** Longest retry delay. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  NOTIFICATION_RETRY_MAX_DELAY_MS = 30 * 60_000;

  // One-click unsubscribe (RFC 8058).

  /** Signs unsubscribe tokens (HMAC-SHA256); at least 32 characters, a secret. */
  @Secret()
  @IsString()
  @MinLength(32, { message: 'UNSUBSCRIBE_SIGNING_KEY must be at least 32 characters' })
  @MaxLength(512)
  UNSUBSCRIBE_SIGNING_KEY!: string;

  /** The public entry (the gateway) that unsubscribe links point at, e.g. https://api.example.com. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  // Identity of requests: the gateway signs who calls (the webhook-endpoint routes need it).

  /** Shared with the gateway: verifies the identity headers it signs (docs/decisions/0007); ≥ 32 bytes. */
  @Secret()
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: string;

  // Outbound webhooks (Standard Webhooks).

  /** Seals endpoints' signing secrets at rest (AES-256-GCM): 32 random bytes in base64 (`openssl rand -base64 32`). */
  @Secret()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'WEBHOOK_SECRETS_KEY must be 32 random bytes in base64' })
  WEBHOOK_SECRETS_KEY!: string;

  /** Delay before each attempt, comma-separated milliseconds; its length is the number of attempts (Svix's). */
  @Matches(/^\d{1,10}(,\d{1,10}){0,29}$/, {
    message: 'WEBHOOK_RETRY_SCHEDULE_MS must be 1 to 30 comma-separated integers',
  })
  WEBHOOK_RETRY_SCHEDULE_MS = '0,5000,300000,1800000,7200000,18000000,36000000,36000000';

  /** The longest wait a receiver's Retry-After may impose. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  WEBHOOK_MAX_RETRY_AFTER_MS = 10 * 3_600_000;

  /** One attempt's limit, from connecting to the end of the (capped) answer. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 15_000;

  /** How much of a receiver's answer is read and stored. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_536)
  WEBHOOK_RESPONSE_BODY_LIMIT_BYTES = 4_096;

  /** An endpoint whose every attempt failed for this long is disabled and its business owner e-mailed (Svix: 5 days). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

  /** After a secret rotation, how long the previous secret keeps signing next to the new one. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  WEBHOOK_SECRET_OVERLAP_MS = 24 * 3_600_000;

  /** Pause between two webhook claims when nothing was due. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_DISPATCH_INTERVAL_MS = 1_000;

  /** Deliveries claimed at once by one instance (sent concurrently). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  WEBHOOK_DISPATCH_BATCH = 20;

  /** A `sending` delivery older than this is a crashed sender's and is claimed again; longer than the timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  WEBHOOK_CLAIM_LEASE_MS = 60_000;

  /** Accept http:// endpoint URLs (development and tests); never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  @NotInProduction()
  WEBHOOK_ALLOW_HTTP = false;

  /** Accept endpoints on loopback addresses (tests with receivers on 127.0.0.1); never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  @NotInProduction()
  WEBHOOK_ALLOW_LOOPBACK = false;

  // Retention (README "Retention"): delivery records past their keep period are deleted in batches.

  /** false: no job runs on a schedule on this instance (tests trigger them). */
  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  /** Period of the retention jobs, 1 s to 7 days. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(7 * 86_400_000)
  RETENTION_EVERY_MS = 3_600_000;

  /**
   * Finished notifications (sent, failed, suppressed), from creation. At least 30 days: a row is
   * also the once-per-event guard, which must outlive the inbox's memory of the event (7 days).
   */
  @RetentionDays(30)
  RETENTION_NOTIFICATIONS_DAYS = 180;

  /** Webhook delivery attempts (status, latency, response excerpt), from the attempt. */
  @RetentionDays(1)
  RETENTION_WEBHOOK_ATTEMPTS_DAYS = 30;

  /** Runs in job_runs (the latest success of each job is always kept). */
  @RetentionDays(1)
  RETENTION_JOB_RUNS_DAYS = 30;
}

/** A keep period in whole days, from `min` to 10 years. */
function RetentionDays(min: number): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt({ message: `${String(key)} must be a whole number of days` })(target, key);
    Min(min)(target, key);
    Max(3650)(target, key);
  };
}

/** A test/development allowance that must stay false when NODE_ENV=production. */
function NotInProduction(): PropertyDecorator {
  return ValidateBy({
    name: 'notInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        !(value === true && (args?.object as { NODE_ENV?: string }).NODE_ENV === 'production'),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be true when NODE_ENV=production`,
    },
  });
}
