import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { infraPaths, isPortOpen } from '@platform/infra';
import { eventually } from '@platform/infra/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { devSecrets } from '../src/dev-secrets.js';
import { label } from '../src/service-process.js';
import { startOwnSystem, type OwnSystem } from '../src/own-system.js';

/** `data` of a Prometheus API answer (`/api/v1/<path>`). */
async function prometheusApi<T>(url: string, path: string): Promise<T> {
  const response = await fetch(`${url}/api/v1/${path}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

describe('npm start (tools/dev start-system)', () => {
  const logDir = mkdtempSync(path.join(infraPaths().root, 'start-logs-'));
  let own: OwnSystem | undefined;

  afterAll(async () => {
    await own?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('brings auth-service, the payment sandbox, business-service and the gateway up, serves a login through the gateway, has Prometheus scrape them, and stops cleanly on Ctrl-C', async () => {
    // Databases and consumer groups of its own: a developer's services may use the default ones.
    own = await startOwnSystem({ purpose: 'npm start test', prefix: 'start', env: { LOG_DIR: logDir } });
    const { system } = own;
    const output = system.output();
    const gatewayPort = system.ports['gateway']!.port;
    try {
      expect(output).toContain(`Frontend entry: http://127.0.0.1:${gatewayPort}/v1`);
      expect(output).toContain(`Swagger UI): http://127.0.0.1:${gatewayPort}/docs`);
      for (const name of ['auth-service', 'business-service', 'gateway']) {
        const { port, managementPort } = system.ports[name]!;
        expect(output).toContain(`${name}: http://127.0.0.1:${port} (management http://127.0.0.1:${managementPort})`);
        // One readable line per record, prefixed by the service.
        expect(output).toMatch(new RegExp(`^${name}\\s*\\| .*INFO`, 'm'));
      }
      // Upstreams first: the gateway starts after the services it forwards to.
      expect(output.indexOf(`${label('ready')}| business-service`)).toBeGreaterThan(
        output.indexOf(`${label('ready')}| auth-service`),
      );
      expect(output.indexOf(`${label('ready')}| gateway`)).toBeGreaterThan(
        output.indexOf(`${label('ready')}| business-service`),
      );

      // The payment sandbox: up before the business-service that pays through it, its URL printed,
      // and a token for the business-service's client (the development secret npm start made).
      const sandboxUrl = `http://127.0.0.1:${system.ports['payment-sandbox']!.port}`;
      expect(output).toContain(`${label('ready')}| payment-sandbox (stand-in for an outside system) at ${sandboxUrl}`);
      expect(output).toContain(`  ${label('payment-sandbox')} payment provider: ${sandboxUrl}`);
      expect(output.indexOf(`${label('ready')}| business-service`)).toBeGreaterThan(
        output.indexOf(`${label('ready')}| payment-sandbox`),
      );
      const { paymentClientSecret } = devSecrets(infraPaths().root);
      const token = await fetch(`${sandboxUrl}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`business-service:${paymentClientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      expect(await token.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });

      const gateway = system.gatewayUrl;
      const credentials = { email: 'start@example.com', password: 'orchestra of many processes' };
      const registered = await fetch(`${gateway}/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...credentials, displayName: 'Start' }),
      });
      expect(registered.status).toBe(201);
      const login = await fetch(`${gateway}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      expect(login.status).toBe(200);
      const docs = await fetch(`${gateway}/docs`);
      expect(docs.status).toBe(200);
      expect(docs.headers.get('content-type')).toContain('text/html');

      // Prometheus scrapes every platform service at its management port (job = its name), with the
      // production rules, and alerts to the Alertmanager beside it.
      expect(output).toContain(`  ${label('prometheus')} metrics and alerts: ${system.prometheusUrl} `);
      expect(output).toContain(`  ${label('alertmanager')} alert routing: ${system.alertmanagerUrl} `);
      const platform = Object.entries(system.ports).filter(([, ports]) => ports.managementPort !== undefined);
      let targets: { labels: { job: string }; scrapeUrl: string; health: string }[] = [];
      await eventually('every service scraped', async () => {
        targets = (await prometheusApi<{ activeTargets: typeof targets }>(system.prometheusUrl, 'targets'))
          .activeTargets;
        return targets.filter((target) => target.health === 'up').length === platform.length + 1;
      });
      expect(Object.fromEntries(targets.map((target) => [target.labels.job, target.scrapeUrl]))).toEqual({
        ...Object.fromEntries(
          platform.map(([name, { managementPort }]) => [name, `http://127.0.0.1:${managementPort}/metrics`]),
        ),
        prometheus: `${system.prometheusUrl}/metrics`,
      });
      const rules = await prometheusApi<{ groups: { rules: { name: string }[] }[] }>(system.prometheusUrl, 'rules');
      expect(rules.groups.flatMap((group) => group.rules.map((rule) => rule.name))).toEqual(
        expect.arrayContaining(['ServiceDown', 'job:http_server_requests:rate5m']),
      );
      const alertmanagers = await prometheusApi<{ activeAlertmanagers: { url: string }[] }>(
        system.prometheusUrl,
        'alertmanagers',
      );
      expect(alertmanagers.activeAlertmanagers).toEqual([{ url: `${system.alertmanagerUrl}/api/v2/alerts` }]);
      expect((await fetch(`${system.alertmanagerUrl}/-/ready`)).status).toBe(200);
    } finally {
      expect(await system.stop()).toBe(0);
    }
    // Nothing left listening, and each service's JSON lines are in the log folder.
    for (const { port, managementPort } of Object.values(system.ports)) {
      expect(await isPortOpen('127.0.0.1', port)).toBe(false);
      if (managementPort !== undefined) expect(await isPortOpen('127.0.0.1', managementPort)).toBe(false);
    }
    for (const url of [system.prometheusUrl, system.alertmanagerUrl]) {
      expect(await isPortOpen('127.0.0.1', Number(new URL(url).port))).toBe(false);
    }
    const files = readdirSync(logDir);
    for (const service of ['auth-service', 'business-service', 'gateway']) {
      const file = files.find((name) => name.startsWith(service));
      expect(file).toBeDefined();
      const lines = readFileSync(path.join(logDir, file!), 'utf8').trim().split('\n');
      expect(JSON.parse(lines[0]!)).toMatchObject({ service });
    }
  }, 420_000);
});
