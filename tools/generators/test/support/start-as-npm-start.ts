// Run inside a scratch workspace after generating (`node --import @swc-node/register/esm-register
// tools/generators/test/support/start-as-npm-start.ts <service>`): starts the service the way
// `npm start` does, from its entry in tools/dev/src/services.ts (its database created, the tracing
// loader, its settings), on the ports and database the environment gives (`<NAME>_PORT`,
// `<NAME>_MANAGEMENT_PORT`, `<NAME>_DATABASE`), waits until /health/ready answers 200 on its
// management port, prints `ready <url>`, creates one item through its sample route, stops it and
// drops its database. Exit 0 only if it was ready and the item was created.
import { tmpdir } from 'node:os';
import {
  databaseUrl,
  endpointsOf,
  ensureDatabase,
  startProcess,
  stopProcess,
  systemServices,
  waitUntilReady,
  type SystemEndpoints,
} from '@platform/dev';
import { testInfra } from '@platform/infra/testing';
import pg from 'pg';

const name = process.argv[2];
const spec = systemServices().find((service) => service.name === name);
if (!spec?.database || spec.managementPort === undefined) {
  console.error(`${name ?? '(no name)'} is not a service with a database in tools/dev/src/services.ts`);
  process.exit(2);
}
const infra = testInfra();
// Only what a generated service reads (the brokers); the other services' settings are not its business.
const unused = 'not used by a generated service';
const system: SystemEndpoints = {
  kafkaBrokers: infra.kafkaBrokers,
  identitySigningKey: unused,
  paymentClient: { clientId: unused, clientSecret: unused, webhookSecret: unused },
  mailpit: { smtpHost: unused, smtpPort: 0, apiUrl: unused },
  unsubscribeSigningKey: unused,
  webhookSecretsKey: unused,
  endpointsOf: () => {
    throw new Error('a generated service needs no other service address');
  },
};
await ensureDatabase(infra.databaseUrl, spec.database);
const running = startProcess(
  spec,
  { ...spec.env(system), DATABASE_URL: databaseUrl(infra.databaseUrl, spec.database) },
  tmpdir(),
  0,
  (line) => console.log(line),
);
let ready = false;
try {
  await waitUntilReady(running, endpointsOf(spec).readyUrl, 120_000);
  console.log(`ready ${endpointsOf(spec).readyUrl}`);
  // Its sample route writes to its database, as its README shows.
  const created = await fetch(`${endpointsOf(spec).url}/v1/${spec.name.replace(/-service$/, '')}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Blue widget' }),
  });
  console.log(`POST /items ${created.status} ${await created.text()}`);
  ready = created.status === 201;
} finally {
  await stopProcess(running, 15_000);
  const admin = new pg.Client({ connectionString: infra.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${spec.database}" WITH (FORCE)`);
  await admin.end();
}
process.exit(ready ? 0 : 1);
