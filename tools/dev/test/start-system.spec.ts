import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { infraPaths, isPortOpen } from '@platform/infra';
import { testInfra, uniqueName } from '@platform/infra/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startSystemProcess } from '../src/system-process.js';

describe('npm start (tools/dev start-system)', () => {
  const database = uniqueName('start_auth');
  const logDir = mkdtempSync(path.join(infraPaths().root, 'start-logs-'));

  afterAll(async () => {
    rmSync(logDir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: testInfra().databaseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.end();
  });

  it('brings auth-service and the gateway up, serves a login through the gateway, and stops cleanly on Ctrl-C', async () => {
    const system = await startSystemProcess({ AUTH_DATABASE: database, LOG_DIR: logDir });
    const { gateway: gatewayPort, gatewayManagement, auth: authPort, authManagement } = system.ports;
    const output = system.output();
    try {
      expect(output).toContain(`Frontend entry: http://127.0.0.1:${gatewayPort}/v1`);
      expect(output).toContain(`Swagger UI): http://127.0.0.1:${gatewayPort}/docs`);
      expect(output).toContain(
        `auth-service: http://127.0.0.1:${authPort} (management http://127.0.0.1:${authManagement})`,
      );
      // One readable line per record, prefixed by the service.
      expect(output).toMatch(/^auth-service\s*\| .*INFO/m);
      expect(output).toMatch(/^gateway\s*\| .*INFO/m);

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
    } finally {
      expect(await system.stop()).toBe(0);
    }
    // Nothing left listening, and each service's JSON lines are in the log folder.
    for (const port of [gatewayPort, gatewayManagement, authPort, authManagement]) {
      expect(await isPortOpen('127.0.0.1', port)).toBe(false);
    }
    const files = readdirSync(logDir);
    for (const service of ['auth-service', 'gateway']) {
      const file = files.find((name) => name.startsWith(service));
      expect(file).toBeDefined();
      const lines = readFileSync(path.join(logDir, file!), 'utf8').trim().split('\n');
      expect(JSON.parse(lines[0]!)).toMatchObject({ service });
    }
  });
});
