import type { LogRecord } from '@platform/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFields } from '../../src/application/ports/audit-log.port.js';
import { RefreshTokenReusedError } from '../../src/domain/auth.errors.js';
import {
  AUDIT_USER_AGENT_MAX_LENGTH,
  LoggerAuditLog,
} from '../../src/infrastructure/secondary-adapters/audit/logger-audit-log.js';
import { createAuthTestBed, type AuthTestBed } from '../support/auth-test-bed.js';

const WRONG_PASSWORD = 'Tr0ub4dor&3 is not it';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0';

describe('the audit trail', () => {
  let bed: AuthTestBed;

  beforeAll(async () => {
    bed = await createAuthTestBed('auth_audit');
  });
  afterAll(async () => {
    await bed?.close();
  });

  const auditLines = (event: string) =>
    bed.logs.filter((record: LogRecord) => record['audit'] === true && record['event'] === event);

  it('writes a failed log-in at warn with the masked address and the client, never the password', async () => {
    const user = await bed.registerUser({ email: 'alice.smith@example.com' });
    const client = { clientAddress: '203.0.113.50', userAgent: USER_AGENT };

    await expect(
      bed.useCases.logIn.execute({ email: 'Alice.Smith@example.com', password: WRONG_PASSWORD, ...client }),
    ).rejects.toThrow();
    await expect(
      bed.useCases.logIn.execute({ email: 'nobody.here@example.org', password: WRONG_PASSWORD, ...client }),
    ).rejects.toThrow();

    const [wrong, unknown] = auditLines('login_failed');
    expect(wrong).toMatchObject({
      level: 'warn',
      context: 'Audit',
      message: 'audit: login_failed',
      audit: true,
      event: 'login_failed',
      userId: user.id,
      email: 'a***@example.com',
      clientAddress: '203.0.113.50',
      userAgent: USER_AGENT,
      reason: 'wrong_password',
    });
    expect(unknown).toMatchObject({ level: 'warn', email: 'n***@example.org', reason: 'unknown_email' });
    expect(unknown).not.toHaveProperty('userId');
    const output = bed.logs.output();
    expect(output).not.toContain(WRONG_PASSWORD);
    expect(output).not.toContain('alice.smith@');
    expect(output).not.toContain('nobody.here@');
  });

  it('keeps passwords and tokens out of every line of a whole session', async () => {
    const password = 'a session-long secret phrase';
    await bed.registerUser({ email: 'bob@example.com', password });
    const client = { clientAddress: '192.0.2.60', userAgent: USER_AGENT };

    const login = await bed.useCases.logIn.execute({ email: 'bob@example.com', password, ...client });
    const refreshed = await bed.useCases.refresh.execute({ refreshToken: login.refreshToken, ...client });
    await expect(bed.useCases.refresh.execute({ refreshToken: login.refreshToken, ...client })).rejects.toBeInstanceOf(
      RefreshTokenReusedError,
    );
    await bed.useCases.logOut.execute({ refreshToken: refreshed.refreshToken, ...client });

    expect(auditLines('registered').at(-1)).toMatchObject({ level: 'info', email: 'b***@example.com' });
    expect(auditLines('login_succeeded').at(-1)).toMatchObject({
      level: 'info',
      userId: login.userId,
      familyId: login.sessionId,
      clientAddress: '192.0.2.60',
    });
    expect(auditLines('refresh').at(-1)).toMatchObject({ level: 'info', familyId: login.sessionId });
    expect(auditLines('refresh_reuse_detected').at(-1)).toMatchObject({
      level: 'warn',
      userId: login.userId,
      familyId: login.sessionId,
    });
    expect(auditLines('logout').at(-1)).toMatchObject({ level: 'info', familyId: login.sessionId });

    const output = bed.logs.output();
    for (const secret of [
      password,
      login.accessToken,
      login.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain('bob@example.com');
  });

  it('keeps nothing of an e-mail input that is not an address but a domain-looking tail', async () => {
    const audit = new LoggerAuditLog();

    await audit.record('login_failed', { email: 'my password is hunter2' });
    await audit.record('login_failed', { email: 'oops hunter2@example.com' });

    const [first, second] = auditLines('login_failed').slice(-2);
    expect(first).toMatchObject({ email: '***' });
    expect(second).toMatchObject({ email: '***@example.com' });
    expect(bed.logs.output()).not.toContain('hunter2');
  });

  it('cuts a long user agent to 256 characters', async () => {
    await new LoggerAuditLog().record('logout', { userAgent: `${'a'.repeat(300)}😀` });

    const line = auditLines('logout').at(-1)!;
    expect(line['userAgent']).toBe('a'.repeat(AUDIT_USER_AGENT_MAX_LENGTH));
  });

  it('never rejects, and reports a record it could not write', async () => {
    const broken = {
      get email(): string {
        throw new Error('field unavailable');
      },
    } as AuditFields;

    await expect(new LoggerAuditLog().record('password_changed', broken)).resolves.toBeUndefined();

    expect(
      bed.logs.filter((record) => record.message === 'audit: an event could not be recorded').at(-1),
    ).toMatchObject({ level: 'error', event: 'password_changed' });
  });
});
