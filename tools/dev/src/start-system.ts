/**
 * `npm start`: brings the whole system up on embedded defaults, in the foreground. PostgreSQL and
 * Kafka (tools/infra), a database per service, then each service as its own process, upstreams
 * first, each waited for until ready; then Prometheus and Alertmanager (tools/infra), configured for
 * these services' management ports and Mailpit. Ctrl-C stops Prometheus and Alertmanager, the
 * services (gracefully) and whatever infrastructure this run started; a third Ctrl-C quits without
 * waiting. The payment sandbox (tools/payment-sandbox) runs as one of the services, before the
 * business-service that pays through it. Moved with the `<NAME>_DATABASE` settings, LOG_DIR, the
 * ports of services.ts and tools/infra's INFRA_* ports (INFRA_PROMETHEUS_PORT, INFRA_ALERTMANAGER_PORT).
 */
import path from 'node:path';
import { acquireInfra, infraPaths, monitoringUp, type InfraLease, type Monitoring } from '@platform/infra';
import { devSecrets } from './dev-secrets.js';
import { databaseUrl, ensureDatabase } from './ensure-database.js';
import { onInterrupts } from './interrupts.js';
import { label, startProcess, stopProcess, waitUntilReady, type RunningProcess } from './service-process.js';
import { endpointsOf, systemServices, type SystemEndpoints } from './services.js';

const READY_TIMEOUT_MS = 120_000;
/** The business-service's OAuth client id at the payment sandbox (its secret is a development secret). */
const PAYMENT_CLIENT_ID = 'business-service';
const STOP_GRACE_MS = 15_000;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const services = systemServices();
  const running: RunningProcess[] = [];
  let lease: InfraLease | undefined;
  let monitoring: Promise<Monitoring> | undefined;
  const stopped = new Promise<string | undefined>((resolve) =>
    onInterrupts(process, {
      stop: () => resolve(undefined),
      remind: () =>
        say(
          `${label('stopping')}| already stopping; Ctrl-C once more quits at once, leaving the infrastructure running`,
        ),
      quit: () => process.exit(130),
    }),
  );
  try {
    // An OTEL_EXPORTER_OTLP_ENDPOINT from the environment (a collector of one's own, a test's Jaeger) wins.
    const externalOtlp = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    lease = await acquireInfra('npm start', {
      log: (line) => say(`${label('infra')}| ${line}`),
      mailpit: true,
      jaeger: !externalOtlp,
    });
    const tracingEnv: NodeJS.ProcessEnv = lease.endpoints.jaeger
      ? { OTEL_EXPORTER_OTLP_ENDPOINT: lease.endpoints.jaeger.otlpHttpUrl }
      : {};
    const { databaseUrl: serverUrl, kafkaBrokers } = lease.endpoints;
    const secrets = devSecrets(infraPaths().root);
    const system: SystemEndpoints = {
      kafkaBrokers,
      identitySigningKey: secrets.identitySigningKey,
      paymentClient: {
        clientId: PAYMENT_CLIENT_ID,
        clientSecret: secrets.paymentClientSecret,
        webhookSecret: secrets.paymentWebhookSecret,
      },
      mailpit: mailpitOf(lease.endpoints.mailpit),
      unsubscribeSigningKey: secrets.unsubscribeSigningKey,
      webhookSecretsKey: secrets.webhookSecretsKey,
      endpointsOf: (name) => {
        const spec = services.find((service) => service.name === name);
        if (!spec) throw new Error(`no service ${name} in services.ts`);
        return endpointsOf(spec);
      },
    };
    // Each service with a database of its own gets it, and its URL as DATABASE_URL.
    const databaseUrls = new Map<string, string>();
    for (const spec of services) {
      if (spec.database === undefined) continue;
      if (await ensureDatabase(serverUrl, spec.database)) say(`${label('infra')}| created database ${spec.database}`);
      databaseUrls.set(spec.name, databaseUrl(serverUrl, spec.database));
    }
    const logDir = path.resolve(process.env['LOG_DIR'] ?? path.join(infraPaths().root, 'logs'));

    for (const [index, spec] of services.entries()) {
      const database = databaseUrls.get(spec.name);
      const service = startProcess(
        spec,
        { ...spec.env(system), ...tracingEnv, ...(database ? { DATABASE_URL: database } : {}) },
        logDir,
        index,
        say,
      );
      running.push(service);
      const { readyUrl } = endpointsOf(spec);
      // Started, or Ctrl-C meanwhile: either way the loop stops waiting.
      const interrupted = await Promise.race([
        waitUntilReady(service, readyUrl, READY_TIMEOUT_MS).then(() => false),
        stopped.then(() => true),
      ]);
      if (interrupted) return 0;
      say(
        spec.managementPort === undefined
          ? // Worded apart from the services' `<name>: <url>` lines: tools read those as the platform's
            // own services (api-fuzz probes their routes), which a stand-in for an outside provider is not.
            `${label('ready')}| ${spec.name} (stand-in for an outside system) at http://127.0.0.1:${spec.port}`
          : `${label('ready')}| ${spec.name}: http://127.0.0.1:${spec.port} (management http://127.0.0.1:${spec.managementPort})`,
      );
    }

    // Prometheus's configuration names the services' management ports: it starts once they answer,
    // so that no ServiceDown fires for a service still starting.
    monitoring = monitoringUp({
      log: (line) => say(`${label('infra')}| ${line}`),
      targets: services.flatMap((spec) =>
        spec.managementPort === undefined ? [] : [{ job: spec.name, address: `127.0.0.1:${spec.managementPort}` }],
      ),
      smtp: { host: system.mailpit.smtpHost, port: system.mailpit.smtpPort },
    });
    const monitors = await Promise.race([monitoring, stopped.then(() => undefined)]);
    if (!monitors) return 0;

    const gateway = services.find((service) => service.name === 'gateway')!;
    say('');
    say(`The platform is up. Frontend entry: http://127.0.0.1:${gateway.port}/v1`);
    say(`  API docs (Swagger UI): http://127.0.0.1:${gateway.port}/docs (contract: /docs/openapi.json)`);
    for (const spec of services) {
      if (spec.managementPort === undefined) continue;
      // Every service with a database runs its jobs (retention at least) on the shared runner.
      const jobs = spec.database === undefined ? '' : ' (jobs: /jobs/status)';
      say(`  ${label(spec.name)} management: http://127.0.0.1:${spec.managementPort}/health, /metrics${jobs}`);
    }
    const sandbox = services.find((service) => service.name === 'payment-sandbox');
    if (sandbox) {
      const url = `http://127.0.0.1:${sandbox.port}`;
      say(`  ${label(sandbox.name)} payment provider: ${url} (faults: ${url}/admin/faults, events: /admin/events)`);
    }
    const mailpit = lease.endpoints.mailpit;
    if (mailpit) {
      // A build from the Go module proxy has no UI assets: the API is the way in.
      say(
        `  ${label('mailpit')} captured e-mails: ${mailpit.apiUrl}/api/v1/messages (SMTP ${mailpit.smtpUrl}; web UI empty in this build)`,
      );
    }
    const jaeger = lease.endpoints.jaeger;
    if (jaeger) {
      // The Go module's build has no UI assets: the query API and `npm run trace` are the way in.
      say(
        `  ${label('jaeger')} traces: ${jaeger.queryUrl}/api/traces/<traceId>, or npm run trace -- <traceId> (OTLP ${jaeger.otlpHttpUrl}; web UI a placeholder in this build)`,
      );
    } else if (externalOtlp) {
      say(`  ${label('traces')} exported to ${externalOtlp} (OTEL_EXPORTER_OTLP_ENDPOINT)`);
    }
    say(
      `  ${label('prometheus')} metrics and alerts: ${monitors.prometheusUrl} (Debian's classic UI: /classic/targets, /classic/alerts; rules from deploy/prometheus/rules)`,
    );
    say(
      `  ${label('alertmanager')} alert routing: ${monitors.alertmanagerUrl} (alerts e-mailed through Mailpit to oncall@platform.local and sre-tickets@platform.local)`,
    );
    say(`  JSON logs: ${logDir}`);
    say('Press Ctrl-C to stop.');

    const crashed = await Promise.race([
      stopped,
      ...running.map((service) => service.exited.then((code) => `${service.spec.name} exited with ${code}`)),
    ]);
    if (crashed) say(`${label('stopping')}| ${crashed}; stopping the rest`);
    return crashed ? 1 : 0;
  } catch (error) {
    say(`npm start: ${(error as Error).message}`);
    return 1;
  } finally {
    say(
      `${label('stopping')}| Prometheus and Alertmanager, the services (gracefully), then the infrastructure this run started`,
    );
    // First: no alert about the services going down. One that failed to start left nothing running.
    const monitorsStopped = await monitoring?.then(
      (started) => started.stop(),
      () => [],
    );
    if (monitorsStopped?.length) say(`${label('stopping')}| stopped ${monitorsStopped.join(' and ')}`);
    for (const service of [...running].reverse()) await stopProcess(service, STOP_GRACE_MS);
    const released = await lease?.release();
    if (released?.length) say(`${label('stopping')}| stopped ${released.join(' and ')}`);
  }
}

/** Mailpit's SMTP host and port, from the URL the infrastructure gives. */
function mailpitOf(mailpit: { smtpUrl: string; apiUrl: string } | undefined): SystemEndpoints['mailpit'] {
  if (!mailpit) throw new Error('the infrastructure came up without Mailpit');
  const smtp = new URL(mailpit.smtpUrl);
  return { smtpHost: smtp.hostname, smtpPort: Number(smtp.port), apiUrl: mailpit.apiUrl };
}

process.exitCode = await main();
