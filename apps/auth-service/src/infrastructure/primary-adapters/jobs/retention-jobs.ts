import { defineRetentionJob, type JobDefinition } from '@platform/jobs';
import type { DataSource } from 'typeorm';
import { ACCOUNT_WINDOW_SECONDS } from '../../secondary-adapters/throttle/postgres-login-throttle.js';

const DAY_MS = 86_400_000;

/** The settings the auth-service's retention rules are made of (README "Retention"). */
export interface AuthRetentionSettings {
  RETENTION_EVERY_MS: number;
  RETENTION_REFRESH_TOKENS_DAYS: number;
  LOGIN_WINDOW_SECONDS: number;
  LOGIN_KNOWN_ADDRESS_DAYS: number;
}

/**
 * The auth-service's tables that grow with log-ins and sessions: their rows past the keep period
 * are deleted in short batches on the shared runner. Users and erasure records are kept.
 */
export function authRetentionJobs(dataSource: DataSource, settings: AuthRetentionSettings): JobDefinition<unknown>[] {
  // The throttle's windows end every LOGIN_WINDOW_SECONDS: purged at that pace, as they count no more.
  const windowMs = settings.LOGIN_WINDOW_SECONDS * 1000;
  return [
    // Sessions: an expired token is refused anyway; kept a few days past expiry for investigations.
    defineRetentionJob({
      name: 'retention-refresh-tokens',
      dataSource,
      table: 'refresh_tokens',
      olderThan: { column: 'expires_at', keepMs: settings.RETENTION_REFRESH_TOKENS_DAYS * DAY_MS },
      everyMs: settings.RETENTION_EVERY_MS,
    }),
    // Per-address and per-pair failure windows that have ended.
    defineRetentionJob({
      name: 'retention-login-throttle',
      dataSource,
      table: 'login_throttle',
      olderThan: { column: 'window_started_at', keepMs: windowMs },
      everyMs: windowMs,
    }),
    // Per-account delays whose hour and last delay are both over.
    defineRetentionJob({
      name: 'retention-login-account-throttle',
      dataSource,
      table: 'login_account_throttle',
      olderThan: { column: 'window_started_at', keepMs: ACCOUNT_WINDOW_SECONDS * 1000 },
      where: 'next_attempt_at <= now()',
      everyMs: windowMs,
    }),
    // Addresses known for an account: no log-in from there for LOGIN_KNOWN_ADDRESS_DAYS.
    defineRetentionJob({
      name: 'retention-login-known-addresses',
      dataSource,
      table: 'login_known_addresses',
      olderThan: { column: 'last_login_at', keepMs: settings.LOGIN_KNOWN_ADDRESS_DAYS * DAY_MS },
      everyMs: settings.RETENTION_EVERY_MS,
    }),
  ] as JobDefinition<unknown>[];
}
