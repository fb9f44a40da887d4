/**
 * Creates the first admin, or promotes an existing user: `npm run auth:create-admin -- --email
 * ada@example.com [--display-name "Ada Lovelace"]`. For a new account the password is read from
 * AUTH_ADMIN_PASSWORD or, when unset, from the first line of standard input (never an argument,
 * which would land in shell history and `ps`). Needs DATABASE_URL; applies pending migrations.
 * Idempotent: a second run reports `already_admin`.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { readSetting } from '@platform/bootstrap';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { PromoteToAdminUseCase } from '../../../application/promote-to-admin.use-case.js';
import { Email } from '../../../domain/email.js';
import { LoggerAuditLog } from '../../secondary-adapters/audit/logger-audit-log.js';
import { SystemClock } from '../../secondary-adapters/clock/system-clock.js';
import { Argon2PasswordHasher } from '../../secondary-adapters/crypto/argon2-password-hasher.js';
import { OutboxUnitOfWork } from '../../secondary-adapters/outbox/outbox-unit-of-work.js';
import { authDataSourceOptions } from '../../secondary-adapters/persistence/auth-data-source.js';

function fail(message: string, code = 2): never {
  process.stderr.write(`auth:create-admin: ${message}\n`);
  process.exit(code);
}

async function readPassword(): Promise<string | undefined> {
  const fromEnv = process.env['AUTH_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password for the new admin: ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return undefined;
}

let args;
try {
  args = parseArgs({
    options: { email: { type: 'string' }, 'display-name': { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (!args.email) fail('--email is required');
let url: string | undefined;
try {
  url = readSetting('DATABASE_URL');
} catch (error) {
  fail((error as Error).message);
}
if (!url) fail('DATABASE_URL is not set');

const dataSource = new DataSource(authDataSourceOptions(url));
try {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const email = Email.parse(args.email).value;
  const existing = (await dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])) as unknown[];
  const password = existing.length > 0 ? undefined : await readPassword();
  const promote = new PromoteToAdminUseCase({
    unitOfWork: new OutboxUnitOfWork(new Outbox(dataSource, { source: 'auth-service' }), dataSource),
    passwordHasher: new Argon2PasswordHasher(),
    auditLog: new LoggerAuditLog(),
    clock: new SystemClock(),
  });
  const result = await promote.execute({ email: args.email, displayName: args['display-name'], password });
  process.stdout.write(`auth:create-admin: ${result.outcome} (user ${result.userId})\n`);
} catch (error) {
  process.stderr.write(`auth:create-admin: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
