import { Secret } from '@platform/bootstrap';
import { IsIdentitySigningKey } from '@platform/identity';
import { EventServiceConfig } from '@platform/messaging';
import { IsPemFile, OnlyWith } from '@platform/tls';
import { IsJobPeriod, IsRetentionDays, IsTrueOrFalse, IsOffsetDaysList } from './jobs.config.js';

/** The settings that switch payments through the provider on: all of them, or none. */
const PAYMENT_PROVIDER_SETTINGS = [
  'PAYMENT_PROVIDER_URL',
  'PAYMENT_PROVIDER_CLIENT_ID',
  'PAYMENT_PROVIDER_CLIENT_SECRET',
  'PAYMENT_WEBHOOK_SECRET',
  'PAYMENT_WEBHOOK_URL',
] as const;

// Any one set makes every one required: a half-configured provider stops the start, with the missing names.
const paymentsConfigured = (config: object): boolean =>
  PAYMENT_PROVIDER_SETTINGS.some((name) => (config as Record<string, unknown>)[name] !== undefined);
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

/** The business-service's settings, read from the environment and validated at start-up. */
export class BusinessConfig extends EventServiceConfig {
  override PORT = 3002;
  override MANAGEMENT_PORT = 9002;

  /** Its own database, e.g. postgres://business@127.0.0.1:5432/business. */
  @Secret()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Shared with the gateway: verifies the identity headers it signs (docs/decisions/0007); ≥ 32 bytes. */
  @Secret()
  @IsIdentitySigningKey()
  IDENTITY_SIGNING_KEY!: string;

  override KAFKA_CONSUMER_GROUP = 'business-service';

  /** The summary cache; without it every summary is computed from PostgreSQL. */
  @Secret()
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** The CA (PEM file) a `rediss://` REDIS_URL's certificate is checked against; unset: the system's CAs. Only with rediss://. */
  @IsOptional()
  @IsPemFile()
  @OnlyWith('REDIS_URL', /^rediss:\/\//, 'a rediss:// URL')
  REDIS_CA_FILE?: string;

  // Payments through the provider (all or none: without them, starting a payment answers 503
  // PAYMENT.PROVIDER_NOT_CONFIGURED and everything else runs; manual payments always work).

  /** The provider's base URL, e.g. http://127.0.0.1:4010 (the sandbox's); its token endpoint is /oauth/token. */
  @ValidateIf(paymentsConfigured)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PAYMENT_PROVIDER_URL?: string;

  /** OAuth2 client-credentials id at the provider. */
  @ValidateIf(paymentsConfigured)
  @IsString()
  @IsNotEmpty()
  PAYMENT_PROVIDER_CLIENT_ID?: string;

  /** OAuth2 client secret at the provider. */
  @Secret()
  @ValidateIf(paymentsConfigured)
  @IsString()
  @IsNotEmpty()
  PAYMENT_PROVIDER_CLIENT_SECRET?: string;

  /** Verifies the provider's webhooks (Standard Webhooks): `whsec_<base64>`. */
  @Secret()
  @ValidateIf(paymentsConfigured)
  @Matches(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, { message: 'PAYMENT_WEBHOOK_SECRET must be whsec_<base64>' })
  PAYMENT_WEBHOOK_SECRET?: string;

  /** The public URL the provider calls back: the gateway's /v1/payments/webhooks/sandbox. */
  @ValidateIf(paymentsConfigured)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PAYMENT_WEBHOOK_URL?: string;

  /** Time limit of each call to the provider. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  PAYMENT_PROVIDER_TIMEOUT_MS = 5_000;

  // Scheduled jobs (README "Scheduled jobs"): periods between two runs across all instances.

  /** false: no job runs on a schedule on this instance (admins can still trigger them). */
  @IsTrueOrFalse()
  JOBS_ENABLED = true;

  /** Marks issued invoices past their due date overdue. */
  @IsJobPeriod()
  JOBS_OVERDUE_EVERY_MS = 3_600_000;

  /** Dunning reminders at JOBS_REMINDER_OFFSETS_DAYS. */
  @IsJobPeriod()
  JOBS_REMINDERS_EVERY_MS = 3_600_000;

  /** Days around the due date a reminder is due at: -3 three days before, 7 a week after. */
  @IsOffsetDaysList()
  JOBS_REMINDER_OFFSETS_DAYS = '-3,1,7';

  /** Creates the invoices of recurring invoice schedules. */
  @IsJobPeriod()
  JOBS_RECURRING_INVOICES_EVERY_MS = 3_600_000;

  /** Asks the provider about payments still pending (a lost webhook). */
  @IsJobPeriod()
  JOBS_RECONCILIATION_EVERY_MS = 300_000;

  /** Only payments pending for longer than this are reconciled (a webhook is usually faster). */
  @IsJobPeriod()
  JOBS_RECONCILIATION_MIN_AGE_MS = 900_000;

  // Retention (README "Retention"): rows of event records past their keep period are deleted.

  /** Period of the retention jobs. */
  @IsJobPeriod()
  RETENTION_EVERY_MS = 3_600_000;

  /** Payment provider webhooks received (the redelivery dedup key): kept this many days. */
  @IsRetentionDays()
  RETENTION_PAYMENT_PROVIDER_EVENTS_DAYS = 90;

  /** Runs in job_runs (the latest success of each job is always kept). */
  @IsRetentionDays()
  RETENTION_JOB_RUNS_DAYS = 30;
}
