import { acquireInfra } from '../infra.js';

/**
 * Vitest global setup: once per test run, bring PostgreSQL and Kafka up (or reuse them) and
 * export DATABASE_URL and KAFKA_BROKERS to the test files. Parallel runs share the servers;
 * the last run to finish stops what was started for them.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const lease = await acquireInfra(`tests in ${process.cwd()}`, {
    log: (line) => process.stderr.write(`[infra] ${line}\n`),
  });
  process.env['DATABASE_URL'] = lease.endpoints.databaseUrl;
  process.env['KAFKA_BROKERS'] = lease.endpoints.kafkaBrokers.join(',');
  return async () => {
    await lease.release();
  };
}
