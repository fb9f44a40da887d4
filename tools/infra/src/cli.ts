import { infraDown, infraStatus, infraUp, acquireInfra, envLines, type InfraEndpoints } from './infra.js';
import { InfraError } from './errors.js';
import { ensureJava, ensureKafkaJars } from './kafka-jars.js';
import { ensureJaegerBinary } from './jaeger-binary.js';
import { ensureMailpitBinary } from './mailpit-binary.js';

const USAGE = `usage: infra <command>

  up           start PostgreSQL, Kafka, Mailpit and Jaeger (or reuse running ones), print DATABASE_URL=,
               KAFKA_BROKERS=, MAILPIT_*=, OTEL_EXPORTER_OTLP_ENDPOINT= and JAEGER_QUERY_URL= lines,
               write them to .data/infra.env, and leave them running
  down         stop what this tool started (never a server it merely reused)
  status       show what this tool started and whether it still runs
  start        like up, in the foreground: Ctrl-C stops what it started
  fetch-kafka  fetch the Kafka broker's jars from Maven Central (once)
  build-mailpit  build Mailpit (the SMTP server capturing e-mails) from the Go module proxy (once)
  build-jaeger   build Jaeger (where traces go) from the Go module proxy (once; minutes)
`;

/** Progress goes to stderr, so stdout holds only the KEY=value lines a script may read. */
const progress = (line: string) => process.stderr.write(`${line}\n`);

function describe(endpoints: InfraEndpoints): string {
  const how = (c: InfraEndpoints['postgres']) =>
    c.source === 'env'
      ? 'from the environment'
      : c.startedNow
        ? 'started now'
        : c.source === 'managed'
          ? 'already running (started by infra)'
          : 'already running';
  return [
    `PostgreSQL  ${endpoints.databaseUrl}  (${how(endpoints.postgres)})`,
    `Kafka       ${endpoints.kafkaBrokers.join(',')}  (${how(endpoints.kafka)})`,
    ...(endpoints.mailpit
      ? [
          `Mailpit     ${endpoints.mailpit.smtpUrl}, captured e-mails: ${endpoints.mailpit.apiUrl}/api/v1/messages  (${how(endpoints.mailpit)})`,
        ]
      : []),
    ...(endpoints.jaeger
      ? [
          `Jaeger      OTLP ${endpoints.jaeger.otlpHttpUrl}, traces: ${endpoints.jaeger.queryUrl}/api/traces/<traceId> (npm run trace -- <traceId>)  (${how(endpoints.jaeger)})`,
        ]
      : []),
    `Env file    ${endpoints.envFile}`,
  ].join('\n');
}

async function foreground(): Promise<void> {
  const lease = await acquireInfra('npm start', { log: progress, mailpit: true, jaeger: true });
  process.stdout.write(`${describe(lease.endpoints)}\n${envLines(lease.endpoints).join('\n')}\n`);
  progress('Infrastructure is up. Press Ctrl-C to stop.');
  const lost = await untilStoppedOrLost();
  progress(lost ? `infra: ${lost}; stopping the rest.` : 'Stopping...');
  const stopped = await lease.release();
  progress(
    stopped.length ? `Stopped ${stopped.join(' and ')}.` : 'Left running what others still use or did not start here.',
  );
  if (lost) process.exitCode = 1;
}

/** Resolves on Ctrl-C / SIGTERM, or with a reason when a server this tool started dies meanwhile. */
function untilStoppedOrLost(): Promise<string | undefined> {
  return new Promise((resolve) => {
    // The interval also keeps the process alive: signal listeners alone do not.
    const watch = setInterval(() => {
      const { postgres, kafka, mailpit, jaeger } = infraStatus();
      const gone = [postgres, kafka, mailpit, jaeger].find((server) => server && !server.running);
      if (gone) finish(`the server at ${gone.url} (pid ${gone.pid}) stopped`);
    }, 2_000);
    const finish = (reason?: string) => {
      clearInterval(watch);
      resolve(reason);
    };
    process.once('SIGINT', () => finish());
    process.once('SIGTERM', () => finish());
  });
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'up': {
      const endpoints = await infraUp({ pin: true, log: progress, mailpit: true, jaeger: true });
      progress(describe(endpoints));
      process.stdout.write(envLines(endpoints).join('\n') + '\n');
      return;
    }
    case 'down': {
      const stopped = await infraDown({ log: progress });
      progress(
        stopped.length
          ? `Stopped ${stopped.join(' and ')}.`
          : 'Nothing to stop: no server started by this tool is running.',
      );
      return;
    }
    case 'status':
      process.stdout.write(JSON.stringify(infraStatus(), null, 2) + '\n');
      return;
    case 'start':
      return foreground();
    case 'fetch-kafka':
      await ensureJava();
      await ensureKafkaJars(progress);
      progress('Kafka jars are in place.');
      return;
    case 'build-mailpit':
      progress(`Mailpit is at ${await ensureMailpitBinary(progress)}.`);
      return;
    case 'build-jaeger':
      progress(`Jaeger is at ${await ensureJaegerBinary(progress)}.`);
      return;
    default:
      process.stderr.write(USAGE);
      process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof InfraError) {
    process.stderr.write(`infra: ${error.message}\n`);
  } else {
    process.stderr.write(`infra: unexpected failure\n${(error as Error).stack ?? String(error)}\n`);
  }
  process.exitCode = 1;
});
