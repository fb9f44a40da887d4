/**
 * `npm start`: brings the whole system up on embedded defaults, in the foreground. PostgreSQL and
 * Kafka (tools/infra), a database per service, then each service as its own process, upstreams
 * first, each waited for until ready. Ctrl-C stops the services (gracefully) and whatever
 * infrastructure this run started; a third Ctrl-C quits without waiting. Moved with
 * AUTH_DATABASE, LOG_DIR and the ports of services.ts.
 */
import path from 'node:path';
import { acquireInfra, infraPaths, type InfraLease } from '@platform/infra';
import { devSecrets } from './dev-secrets.js';
import { databaseUrl, ensureDatabase } from './ensure-database.js';
import { onInterrupts } from './interrupts.js';
import { startProcess, stopProcess, waitUntilReady, type RunningProcess } from './service-process.js';
import { systemServices, type SystemEndpoints } from './services.js';

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 15_000;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const services = systemServices();
  // Tests start the system beside a developer's: their own database, ports and log folder.
  const authDatabase = process.env['AUTH_DATABASE'] ?? 'auth';
  const running: RunningProcess[] = [];
  let lease: InfraLease | undefined;
  const stopped = new Promise<string | undefined>((resolve) =>
    onInterrupts(process, {
      stop: () => resolve(undefined),
      remind: () =>
        say('stopping     | already stopping; Ctrl-C once more quits at once, leaving the infrastructure running'),
      quit: () => process.exit(130),
    }),
  );
  try {
    lease = await acquireInfra('npm start', { log: (line) => say(`infra        | ${line}`) });
    const { databaseUrl: serverUrl, kafkaBrokers } = lease.endpoints;
    const auth = services.find((service) => service.name === 'auth-service')!;
    const system: SystemEndpoints = {
      databaseUrlOf: (name) => databaseUrl(serverUrl, name === 'auth' ? authDatabase : name),
      kafkaBrokers,
      identitySigningKey: devSecrets(infraPaths().root).identitySigningKey,
      authUrl: `http://127.0.0.1:${auth.port}`,
      authReadyUrl: `http://127.0.0.1:${auth.managementPort}/health/ready`,
    };
    if (await ensureDatabase(serverUrl, authDatabase)) say(`infra        | created database ${authDatabase}`);
    const logDir = path.resolve(process.env['LOG_DIR'] ?? path.join(infraPaths().root, 'logs'));

    for (const [index, spec] of services.entries()) {
      const service = startProcess(spec, system, logDir, index, say);
      running.push(service);
      const readyUrl = `http://127.0.0.1:${spec.managementPort}/health/ready`;
      // Started, or Ctrl-C meanwhile: either way the loop stops waiting.
      const interrupted = await Promise.race([
        waitUntilReady(service, readyUrl, READY_TIMEOUT_MS).then(() => false),
        stopped.then(() => true),
      ]);
      if (interrupted) return 0;
      say(
        `ready        | ${spec.name}: http://127.0.0.1:${spec.port} (management http://127.0.0.1:${spec.managementPort})`,
      );
    }

    const gateway = services.find((service) => service.name === 'gateway')!;
    say('');
    say(`The platform is up. Frontend entry: http://127.0.0.1:${gateway.port}/v1`);
    say(`  API docs (Swagger UI): http://127.0.0.1:${gateway.port}/docs (contract: /docs/openapi.json)`);
    for (const spec of services) {
      say(`  ${spec.name.padEnd(13)} management: http://127.0.0.1:${spec.managementPort}/health, /metrics`);
    }
    say(`  JSON logs: ${logDir}`);
    say('Press Ctrl-C to stop.');

    const crashed = await Promise.race([
      stopped,
      ...running.map((service) => service.exited.then((code) => `${service.spec.name} exited with ${code}`)),
    ]);
    if (crashed) say(`stopping     | ${crashed}; stopping the rest`);
    return crashed ? 1 : 0;
  } catch (error) {
    say(`npm start: ${(error as Error).message}`);
    return 1;
  } finally {
    say('stopping     | services (gracefully), then the infrastructure this run started');
    for (const service of [...running].reverse()) await stopProcess(service, STOP_GRACE_MS);
    const released = await lease?.release();
    if (released?.length) say(`stopping     | stopped ${released.join(' and ')}`);
  }
}

process.exitCode = await main();
