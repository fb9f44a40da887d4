import { schemathesisBin } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACT_FILE,
  describeReport,
  fuzzPublicApi,
  startSystemUnderTest,
  systemRoutes,
  type SystemUnderTest,
} from '../src/index.js';

// The public edge of the whole system, started as `npm start` starts it.
describe('the public edge, against the live system', () => {
  let target: SystemUnderTest;

  beforeAll(async () => {
    target = await startSystemUnderTest();
  }, 240_000);
  afterAll(async () => {
    await target?.stop();
  });

  // Every route of every service, read from what the launcher printed: services and routes added
  // later are covered with no change here.
  it('answers a body nested thousands of levels deep with a 400 Problem Details on every route of every service', async () => {
    const services = systemRoutes(target.system.output());
    expect(services.map((service) => service.name)).toEqual(expect.arrayContaining(['auth-service', 'gateway']));
    const bodies = ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)];
    for (const service of services) {
      const withBodies = service.routes.filter((route) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method));
      expect(withBodies.length, `${service.name} maps routes that take a body`).toBeGreaterThan(0);
      for (const route of withBodies) {
        const path = route.path.replace(/:[^/]+/g, '01964f4e-8a3b-7c2d-9e10-2f3a4b5c6d7e');
        for (const body of bodies) {
          const response = await fetch(`${service.url}${path}`, {
            method: route.method,
            headers: { 'content-type': 'application/json' },
            body,
          });
          const where = `${service.name} ${route.method} ${route.path}`;
          expect(response.status, where).toBe(400);
          expect(response.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
          expect(await response.json(), where).toMatchObject({ code: 'REQUEST.BODY_TOO_DEEP' });
        }
      }
    }
  });

  // schemathesis (`--checks all`) calls every operation of apps/gateway/openapi.json as a user and
  // as an admin; any finding fails the build. A new route in the contract is fuzzed with no change here.
  it('keeps the public contract: no fuzzing finding, every operation called, signed in where it needs it', async () => {
    const report = await fuzzPublicApi({
      bin: schemathesisBin(),
      contractFile: CONTRACT_FILE,
      gatewayUrl: target.system.gatewayUrl,
      authDatabaseUrl: target.authDatabaseUrl,
      maxExamples: 40,
    });
    const findings = report.results
      .filter((result) => result.exitCode !== 0)
      .map((result) => `--- ${result.persona} ---\n${result.output}`)
      .join('\n');
    expect(report.ok, `${describeReport(report)}\n${findings}`).toBe(true);
    // Each persona runs the single-operation phases, then the stateful chains.
    expect(report.results.map((result) => result.persona)).toEqual([
      'user (single)',
      'user (stateful)',
      'admin (single)',
      'admin (stateful)',
    ]);
  }, 900_000);
});
