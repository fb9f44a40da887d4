import { randomUUID } from 'node:crypto';
import type { VerifiedAccessToken } from '@platform/identity';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/memory-revoked-sessions.store.js';
import { RedisRevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/redis-revoked-sessions.store.js';
import type { RevokedSessionsStore } from '../src/infrastructure/secondary-adapters/revocation/revoked-sessions-store.js';
import { TokenRevocations } from '../src/infrastructure/secondary-adapters/revocation/token-revocations.js';

const NOW = Date.parse('2026-02-01T18:10:00.000Z');
const BOUND_SECONDS = 15;
const LIFETIME_SECONDS = 900;
const HOUR = 3_600_000;

/** A token as the auth-service issues it at `ms`: `iat` in whole seconds, the jti a UUID v7 of `ms`. */
function tokenIssuedAt(userId: string, ms: number, lifetimeSeconds = LIFETIME_SECONDS): VerifiedAccessToken {
  const iat = Math.floor(ms / 1000);
  return {
    userId,
    roles: ['user'],
    tokenId: uuidv7({ msecs: ms }),
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date((iat + lifetimeSeconds) * 1000),
    kid: 'k1',
  };
}

const stores: RevokedSessionsStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** The check with a feed last caught up at `caughtUpAt` (epoch ms, or never), at the instant NOW. */
function revocations(
  caughtUpAt: number | undefined,
  store: RevokedSessionsStore = new MemoryRevokedSessionsStore(() => NOW),
) {
  stores.push(store);
  return {
    store,
    check: new TokenRevocations({
      store,
      feed: { lastCaughtUpAt: () => caughtUpAt },
      maxDelaySeconds: BOUND_SECONDS,
      maxTokenLifetimeSeconds: LIFETIME_SECONDS,
      now: () => NOW,
    }),
  };
}

describe('revoked sessions, with the feed caught up', () => {
  const caughtUp = NOW - 500;

  it('refuses a token issued earlier in the same second as the cut-off, and accepts one issued later in it', async () => {
    const { store, check } = revocations(caughtUp);
    const user = randomUUID();
    const cutOff = Date.parse('2026-02-01T18:05:12.500Z');
    await store.revoke(user, cutOff, cutOff + HOUR);
    const before = tokenIssuedAt(user, cutOff - 1);
    const after = tokenIssuedAt(user, cutOff + 1);
    // Their iat is the same second: only the milliseconds of the jti tell them apart.
    expect(before.issuedAt).toEqual(after.issuedAt);

    expect(await check.refusal(before)).toBe('revoked');
    expect(await check.refusal(after)).toBeUndefined();
  });

  it('accepts a token issued in the very millisecond of the cut-off, as the auth-service does', async () => {
    const { store, check } = revocations(caughtUp);
    const user = randomUUID();
    const cutOff = Date.parse('2026-02-01T18:05:12.500Z');
    await store.revoke(user, cutOff, cutOff + HOUR);
    expect(await check.refusal(tokenIssuedAt(user, cutOff))).toBeUndefined();
  });

  it('refuses tokens of earlier seconds, accepts later ones and other users’ tokens', async () => {
    const { store, check } = revocations(caughtUp);
    const [user, other] = [randomUUID(), randomUUID()];
    const cutOff = Date.parse('2026-02-01T18:05:12.000Z');
    await store.revoke(user, cutOff, cutOff + HOUR);

    expect(await check.refusal(tokenIssuedAt(user, cutOff - 60_000))).toBe('revoked');
    expect(await check.refusal(tokenIssuedAt(user, cutOff + 1_000))).toBeUndefined();
    expect(await check.refusal(tokenIssuedAt(other, cutOff - 60_000))).toBeUndefined();
  });

  it('refuses an old token when the store does not answer, and lets a fresh one through', async () => {
    // Nothing listens on port 1: every lookup fails.
    const { check } = revocations(caughtUp, new RedisRevokedSessionsStore('redis://127.0.0.1:1'));
    const user = randomUUID();
    expect(await check.refusal(tokenIssuedAt(user, NOW - 60_000))).toBe('revocation_unconfirmed');
    expect(await check.refusal(tokenIssuedAt(user, NOW - 1_000))).toBeUndefined();
  });

  it('refuses a token that lives longer than revocations are remembered', async () => {
    const { check } = revocations(caughtUp);
    expect(await check.refusal(tokenIssuedAt(randomUUID(), NOW - 1_000, 3_600))).toBe('lifetime_too_long');
  });
});

describe('revoked sessions, with the feed not caught up within the bound: fail closed', () => {
  it.each([
    ['never caught up (replay running, Kafka unreachable)', undefined],
    ['caught up longer ago than the bound', NOW - (BOUND_SECONDS * 1000 + 1)],
  ])('%s: refuses a token older than the bound, accepts one issued within it', async (_, caughtUpAt) => {
    const { check } = revocations(caughtUpAt);
    const user = randomUUID();
    expect(await check.refusal(tokenIssuedAt(user, NOW - (BOUND_SECONDS * 1000 + 1)))).toBe('revocation_unconfirmed');
    expect(await check.refusal(tokenIssuedAt(user, NOW - BOUND_SECONDS * 1000))).toBeUndefined();
    expect(await check.refusal(tokenIssuedAt(user, NOW - 2_000))).toBeUndefined();
  });

  it('still refuses a fresh token whose revocation it already knows', async () => {
    const { store, check } = revocations(undefined);
    const user = randomUUID();
    await store.revoke(user, NOW - 1_000, NOW + HOUR);
    expect(await check.refusal(tokenIssuedAt(user, NOW - 2_000))).toBe('revoked');
  });

  it('accepts an old token again once the feed is caught up within the bound', async () => {
    const user = randomUUID();
    const old = tokenIssuedAt(user, NOW - 10 * 60_000);
    expect(await revocations(NOW - (BOUND_SECONDS * 1000 + 1)).check.refusal(old)).toBe('revocation_unconfirmed');
    expect(await revocations(NOW - BOUND_SECONDS * 1000).check.refusal(old)).toBeUndefined();
  });
});
