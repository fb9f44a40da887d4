// Applies one service's pending TypeORM migrations and exits: the migration Jobs' command (migrations.yaml),
// for the services whose image has no migrate command of its own. It runs inside the service's image
// (working directory /app) with the service's own compiled data-source options, the same ones its
// `migrationsRun` start-up applies:
//   node /migrations/migrate.mjs <compiled data-source module under /app> <name of its options function>
// DATABASE_URL comes from the environment, or from the file DATABASE_URL_FILE names (a mounted Secret, as the
// services read it: one trailing newline dropped). Exit 0 when up to date or applied, 1 when a migration failed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modulePath, exportName] = process.argv.slice(2);
const url = databaseUrl();
if (!modulePath || !exportName || !url) {
  process.stderr.write(
    'usage: DATABASE_URL=... (or DATABASE_URL_FILE=<file>) node migrate.mjs <data-source module> <options function>\n',
  );
  process.exit(2);
}

function databaseUrl() {
  const { DATABASE_URL: value, DATABASE_URL_FILE: file } = process.env;
  if (value && file) {
    process.stderr.write('migrate: DATABASE_URL and DATABASE_URL_FILE are both set; set one\n');
    process.exit(2);
  }
  if (!file) return value;
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    // The path and the reason, never the content.
    process.stderr.write(`migrate: DATABASE_URL_FILE: cannot read "${file}" (${error.code ?? 'unreadable'})\n`);
    process.exit(2);
  }
}
// typeorm from the image's node_modules (this file is mounted outside /app, where nothing resolves).
const { DataSource } = createRequire(path.join(process.cwd(), 'package.json'))('typeorm');
const options = (await import(pathToFileURL(path.resolve(modulePath)).href))[exportName];
if (typeof options !== 'function') {
  process.stderr.write(`migrate: ${modulePath} exports no function ${exportName}\n`);
  process.exit(2);
}
const dataSource = new DataSource(options(url));
try {
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(
    applied.length === 0 ? 'migrate: up to date\n' : `migrate: applied ${applied.map((m) => m.name).join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(`migrate: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
