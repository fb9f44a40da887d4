/**
 * `npm run db:backup -- [--out <folder>] [--root <folder>] [--service <name>]...`
 * `npm run db:restore -- <folder> [--service <name>]... [--force]`
 *
 * Backs up or restores the service databases (README.md). Which databases and where they are:
 * serviceTargets() (the list npm start uses; `<SERVICE>_DATABASE_URL` or DATABASE_URL, each also
 * as `_FILE`). Exits 1 with one message when anything is wrong, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '@platform/bootstrap';
import { takeBackup } from './backup.js';
import { BackupError } from './errors.js';
import { restoreBackup } from './restore.js';
import { selectTargets, serviceTargets } from './targets.js';

const say = (line: string) => void process.stdout.write(`${line}\n`);
const USAGE = `usage: db-backup backup [--out <folder> | --root <folder>] [--service <name>]...
       db-backup restore <folder> [--service <name>]... [--force]`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      root: { type: 'string' },
      service: { type: 'string', multiple: true },
      force: { type: 'boolean' },
    },
  });
  const [command, folder, ...rest] = positionals;
  const services = values.service ?? [];
  if (command === 'backup' && folder === undefined) {
    const targets = selectTargets(serviceTargets(), services);
    const { folder: taken, manifest } = await takeBackup({
      targets,
      ...(values.out ? { folder: values.out } : {}),
      ...(values.root ? { root: values.root } : {}),
      log: (line) => say(`db:backup | ${line}`),
    });
    say(`db:backup | ${manifest.databases.length} database(s) taken at ${manifest.takenAt} into ${taken}`);
    return 0;
  }
  if (command === 'restore' && folder !== undefined && rest.length === 0) {
    const restored = await restoreBackup({
      folder,
      targets: serviceTargets(),
      services,
      force: values.force ?? false,
      log: (line) => say(`db:restore | ${line}`),
    });
    const differing = restored.filter((r) => r.differences.length > 0);
    say(`db:restore | ${restored.length} database(s) restored from ${folder}`);
    if (differing.length > 0) {
      process.stderr.write(`db:restore: ${differing.map((r) => r.service).join(', ')} differ from the manifest\n`);
      return 1;
    }
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(
    error instanceof BackupError ||
    error instanceof ConfigError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ))
    throw error;
  process.stderr.write(`db-backup: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
