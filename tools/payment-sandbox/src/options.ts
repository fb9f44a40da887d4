import { randomBytes } from 'node:crypto';
import { parseFaults } from './faults.js';
import type { Faults } from './types.js';
import { webhookKey } from './webhook-signer.js';

/** How to start a sandbox; every field has a default. */
export interface PaymentSandboxOptions {
  /** Interface to listen on (default 127.0.0.1: the sandbox has no authentication on its admin routes). */
  host?: string;
  /** TCP port; 0 (the default) takes a free one. */
  port?: number;
  /** OAuth2 client credentials the sandbox accepts; generated when missing. */
  clientId?: string;
  clientSecret?: string;
  /** `whsec_<base64>`: the key webhooks are signed with; generated when missing. */
  webhookSecret?: string;
  /** Lifetime of an access token (default 300 s). */
  tokenTtlSeconds?: number;
  /** Waits between delivery attempts; the last one repeats (default [200, 500, 1000, 2000, 5000, 10000, 30000]). */
  retryScheduleMs?: number[];
  /** Attempts per delivery before giving up (default 25). */
  maxDeliveryAttempts?: number;
  /** The fault set it starts with (default none). */
  faults?: Faults;
  /** The clock of tokens, timestamps and signatures (default the system clock); tests move it instead of waiting. */
  now?: () => Date;
  /** Where it says what happens (payments, deliveries); silent by default. */
  log?: (line: string) => void;
}

/** The options with every default filled in and every value checked. */
export interface ResolvedOptions {
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  tokenTtlSeconds: number;
  retryScheduleMs: number[];
  maxDeliveryAttempts: number;
  faults: Faults;
  now: () => Date;
  log: (line: string) => void;
}

export const DEFAULT_RETRY_SCHEDULE_MS = [200, 500, 1000, 2000, 5000, 10000, 30000];

/** A random OAuth client id, client secret or `whsec_` webhook secret, for when none is given. */
export function generateCredentials(): { clientId: string; clientSecret: string; webhookSecret: string } {
  return {
    clientId: `client_${randomBytes(8).toString('hex')}`,
    clientSecret: randomBytes(32).toString('base64url'),
    webhookSecret: `whsec_${randomBytes(24).toString('base64')}`,
  };
}

/** Fills in the defaults; throws one message naming the first bad option. */
export function resolveOptions(options: PaymentSandboxOptions): ResolvedOptions {
  const generated = generateCredentials();
  const resolved: ResolvedOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    clientId: options.clientId ?? generated.clientId,
    clientSecret: options.clientSecret ?? generated.clientSecret,
    webhookSecret: options.webhookSecret ?? generated.webhookSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
    retryScheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    maxDeliveryAttempts: options.maxDeliveryAttempts ?? 25,
    faults: {},
    now: options.now ?? (() => new Date()),
    log: options.log ?? (() => undefined),
  };
  const fail = (message: string): never => {
    throw new Error(`payment sandbox: ${message}`);
  };
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535)
    fail(`port must be 0-65535, got ${resolved.port}`);
  if (!resolved.clientId) fail('clientId must not be empty');
  if (!resolved.clientSecret) fail('clientSecret must not be empty');
  try {
    webhookKey(resolved.webhookSecret);
  } catch (error) {
    fail((error as Error).message);
  }
  if (!Number.isInteger(resolved.tokenTtlSeconds) || resolved.tokenTtlSeconds < 1)
    fail(`tokenTtlSeconds must be a positive integer, got ${resolved.tokenTtlSeconds}`);
  if (resolved.retryScheduleMs.length === 0 || !resolved.retryScheduleMs.every((ms) => Number.isInteger(ms) && ms >= 0))
    fail('retryScheduleMs must be a non-empty list of whole milliseconds');
  if (!Number.isInteger(resolved.maxDeliveryAttempts) || resolved.maxDeliveryAttempts < 1)
    fail(`maxDeliveryAttempts must be a positive integer, got ${resolved.maxDeliveryAttempts}`);
  if (options.faults) {
    const parsed = parseFaults(options.faults);
    if (!parsed.ok) fail(`faults: ${parsed.errors.join('; ')}`);
    else resolved.faults = parsed.faults;
  }
  return resolved;
}
