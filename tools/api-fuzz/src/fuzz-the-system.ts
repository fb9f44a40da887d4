import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { databaseUrl, startSystemProcess } from '@platform/dev';
import { acquireInfra, infraPaths, repoRoot } from '@platform/infra';
import pg from 'pg';
import { fuzzPublicApi, type FuzzReport } from './fuzz-public-api.js';

/** The committed public contract the gateway must keep. */
export const CONTRACT_FILE = path.join(repoRoot, 'apps', 'gateway', 'openapi.json');

// The fuzzer sends thousands of requests from one address and fails the personas' current
// password on purpose (change-password): the limits that would rightly stop such a client are
// raised, so that the run keeps exercising the routes instead of reading 429s. Throttling itself
// has its own tests.
const FUZZ_SETTINGS: NodeJS.ProcessEnv = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_MAX_FAILURES_PER_PAIR: '1000000',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
};

export interface FuzzTheSystemOptions {
  /** The schemathesis CLI. */
  bin: string;
  maxExamples?: number;
  seed?: number;
  log?: (line: string) => void;
}

/**
 * Starts the whole system the way `npm start` does, on free ports and a database of its own,
 * fuzzes its public contract, stops it and drops the database. What `npm run fuzz:api` and the
 * contract test run.
 */
export async function fuzzTheSystem(options: FuzzTheSystemOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const lease = await acquireInfra('api fuzz', { log });
  const authDatabase = `fuzz_auth_${randomBytes(4).toString('hex')}`;
  const logDir = mkdtempSync(path.join(infraPaths().root, 'fuzz-logs-'));
  try {
    log('starting the system');
    const system = await startSystemProcess({ ...FUZZ_SETTINGS, AUTH_DATABASE: authDatabase, LOG_DIR: logDir });
    try {
      log(`fuzzing ${system.gatewayUrl} against ${path.relative(repoRoot, CONTRACT_FILE)}`);
      return await fuzzPublicApi({
        bin: options.bin,
        contractFile: CONTRACT_FILE,
        gatewayUrl: system.gatewayUrl,
        authDatabaseUrl: databaseUrl(lease.endpoints.databaseUrl, authDatabase),
        maxExamples: options.maxExamples,
        seed: options.seed,
      });
    } finally {
      await system.stop();
    }
  } finally {
    await dropDatabase(lease.endpoints.databaseUrl, authDatabase);
    rmSync(logDir, { recursive: true, force: true });
    await lease.release();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
