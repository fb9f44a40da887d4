import path from 'node:path';
import { startOwnSystem, type SystemProcess } from '@platform/dev';
import { repoRoot } from '@platform/infra';
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

/** The system started for fuzzing, and how to stop it. */
export interface SystemUnderTest {
  system: SystemProcess;
  /** The auth-service's database (to promote an admin). */
  authDatabaseUrl: string;
  /** Stops the system, drops its databases and consumer groups, releases the infrastructure. */
  stop(): Promise<void>;
}

/**
 * Starts the whole system the way `npm start` does, on free ports, databases and consumer groups
 * of its own (beside a developer's system or another test's; tools/dev's `startOwnSystem`) and the
 * limits raised for a fuzzer. `stop()` undoes all of it.
 */
export async function startSystemUnderTest(log: (line: string) => void = () => undefined): Promise<SystemUnderTest> {
  log('starting the system');
  const own = await startOwnSystem({ purpose: 'api fuzz', prefix: 'fuzz', env: FUZZ_SETTINGS, log });
  const authDatabaseUrl = own.databaseUrls['auth-service'];
  if (!authDatabaseUrl) {
    await own.stop();
    throw new Error('the system has no auth-service database');
  }
  return { system: own.system, authDatabaseUrl, stop: () => own.stop() };
}

export interface FuzzTheSystemOptions {
  /** The schemathesis CLI. */
  bin: string;
  maxExamples?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** Starts the system, fuzzes its public contract (`fuzzPublicApi`), stops it: `npm run fuzz:api`. */
export async function fuzzTheSystem(options: FuzzTheSystemOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const target = await startSystemUnderTest(log);
  try {
    log(`fuzzing ${target.system.gatewayUrl} against ${path.relative(repoRoot, CONTRACT_FILE)}`);
    return await fuzzPublicApi({
      bin: options.bin,
      contractFile: CONTRACT_FILE,
      gatewayUrl: target.system.gatewayUrl,
      authDatabaseUrl: target.authDatabaseUrl,
      maxExamples: options.maxExamples,
      seed: options.seed,
    });
  } finally {
    await target.stop();
  }
}
