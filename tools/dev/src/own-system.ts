import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { publishedContracts } from '@platform/contracts';
import {
  acquireInfra,
  deleteGroups,
  infraPaths,
  startGroupsAtTheEnd,
  type InfraEndpoints,
  type InfraUpOptions,
} from '@platform/infra';
import { databaseUrl, dropDatabase } from './ensure-database.js';
import { ownSettingsOf, systemServices } from './services.js';
import { startSystemProcess, type SystemProcess } from './system-process.js';

export interface OwnSystemOptions {
  /** What holds the infrastructure lease, e.g. `api fuzz`. */
  purpose: string;
  /** Names this run's databases (`<prefix>_<database>_<run>`), groups and log folder: `[a-z][a-z0-9]*`, e.g. `fuzz`. */
  prefix: string;
  /** Settings on top of the run's own (limits, LOG_LEVEL, an OTLP endpoint, another KAFKA_BROKERS). */
  env?: NodeJS.ProcessEnv;
  /** Infrastructure besides PostgreSQL and Kafka that the lease must bring up. */
  infra?: Pick<InfraUpOptions, 'mailpit' | 'jaeger'>;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** The whole system, started for one test or benchmark run on state of its own. */
export interface OwnSystem {
  system: SystemProcess;
  /** The shared infrastructure it runs on (Mailpit's API, when asked for, among it). */
  infra: InfraEndpoints;
  /** DATABASE_URL of each service with a database, by service name. */
  databaseUrls: Record<string, string>;
  /** Stops the system, drops its databases and consumer groups, releases the infrastructure. */
  stop(): Promise<void>;
}

/**
 * Starts the whole system as `npm start` does (tools/dev's launcher, free ports) beside a
 * developer's or another test's: every service of the registry gets a database and a consumer
 * group of this run's own (`<NAME>_DATABASE`, `<NAME>_CONSUMER_GROUP`), and each group starts at
 * the end of every topic of the published contracts, as a newly deployed consumer would: from the
 * beginning, it would replay (and e-mail) every earlier test's events. `stop()` undoes all of it,
 * also after a failed start.
 */
export async function startOwnSystem(options: OwnSystemOptions): Promise<OwnSystem> {
  // It names databases and Kafka groups: lower-case letters and digits fit both.
  if (!/^[a-z][a-z0-9]{0,19}$/.test(options.prefix)) {
    throw new Error(`prefix "${options.prefix}" must be 1 to 20 lower-case letters and digits, a letter first`);
  }
  const run = randomBytes(4).toString('hex');
  const settings: NodeJS.ProcessEnv = {};
  const databases: Record<string, string> = {};
  for (const spec of systemServices({})) {
    if (spec.managementPort === undefined) continue;
    const own = ownSettingsOf(spec.name);
    settings[own.consumerGroup] = `${options.prefix}-${spec.name}-${run}`;
    if (spec.database === undefined) continue;
    const database = `${options.prefix}_${spec.database}_${run}`;
    settings[own.database] = database;
    databases[spec.name] = database;
  }
  // A service off that convention would run on a developer's database: refuse rather than touch it.
  const offConvention = systemServices(settings).filter(
    (spec) => spec.database !== undefined && databases[spec.name] !== spec.database,
  );
  if (offConvention.length > 0) {
    throw new Error(
      `${offConvention.map((spec) => spec.name).join(', ')}: its database is not moved by <NAME>_DATABASE (tools/dev/src/services.ts)`,
    );
  }
  const groups = Object.entries(settings).flatMap(([name, value]) =>
    name.endsWith('_CONSUMER_GROUP') && value ? [value] : [],
  );
  const lease = await acquireInfra(options.purpose, { ...options.infra, log: options.log });
  const brokers = options.env?.['KAFKA_BROKERS']?.split(',') ?? lease.endpoints.kafkaBrokers;
  const logDir = mkdtempSync(path.join(infraPaths().root, `${options.prefix}-logs-`));
  const cleanUp = async () => {
    for (const database of Object.values(databases)) {
      await dropDatabase(lease.endpoints.databaseUrl, database).catch(() => undefined);
    }
    await deleteGroups(brokers, groups).catch(() => undefined);
    rmSync(logDir, { recursive: true, force: true });
    await lease.release();
  };
  try {
    await startGroupsAtTheEnd(brokers, groups, publishedContracts.topics);
    const system = await startSystemProcess({ ...settings, LOG_DIR: logDir, ...options.env }, options.timeoutMs);
    return {
      system,
      infra: lease.endpoints,
      databaseUrls: Object.fromEntries(
        Object.entries(databases).map(([name, database]) => [name, databaseUrl(lease.endpoints.databaseUrl, database)]),
      ),
      async stop() {
        try {
          await system.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
