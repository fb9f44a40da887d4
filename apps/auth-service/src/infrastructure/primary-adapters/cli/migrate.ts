/**
 * Applies the auth-service's pending migrations and exits: `npm run auth:migrate`
 * (DATABASE_URL, or DATABASE_URL_FILE, from the environment). The service also runs them at start-up.
 */
import { readSetting } from '@platform/bootstrap';
import { DataSource } from 'typeorm';
import { authDataSourceOptions } from '../../secondary-adapters/persistence/auth-data-source.js';

let url: string | undefined;
try {
  url = readSetting('DATABASE_URL');
} catch (error) {
  process.stderr.write(`auth:migrate: ${(error as Error).message}\n`);
  process.exit(2);
}
if (!url) {
  process.stderr.write('auth:migrate: DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/auth)\n');
  process.exit(2);
}
const dataSource = new DataSource(authDataSourceOptions(url));
try {
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(
    applied.length === 0
      ? 'auth:migrate: up to date\n'
      : `auth:migrate: applied ${applied.map((m) => m.name).join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(`auth:migrate: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
