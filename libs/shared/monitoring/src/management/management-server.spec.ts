import { describe, expect, it } from 'vitest';
import { MONITORING_ERROR_CODES, MonitoringError } from '../errors.js';
import type { HealthReport } from '../health/health-report.js';
import { getJson, get } from '../testing/http.js';
import { startManagementServer } from './management-server.js';

const up: HealthReport = { httpStatus: 200, body: { status: 'ok', info: {}, error: {}, details: {} } };
const down: HealthReport = {
  httpStatus: 503,
  body: { status: 'error', info: {}, error: { db: { status: 'down' } }, details: { db: { status: 'down' } } },
};

describe('management server', () => {
  it('answers each endpoint with the status and body of its health report, never cached', async () => {
    const server = await startManagementServer({
      host: '127.0.0.1',
      port: 0,
      health: { liveness: () => up, readiness: async () => down, detailed: async () => down },
    });
    try {
      const live = await getJson(`${server.url}/health/live`);
      expect([live.status, live.body, live.headers.get('cache-control')]).toEqual([200, up.body, 'no-store']);
      const ready = await getJson(`${server.url}/health/ready`);
      expect([ready.status, ready.body]).toEqual([503, down.body]);
      expect((await getJson(`${server.url}/health`)).status).toBe(503);
      const metrics = await get(`${server.url}/metrics`);
      expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect((await get(`${server.url}/elsewhere`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('says which address it could not take, instead of a bare EADDRINUSE', async () => {
    const health = { liveness: () => up, readiness: async () => up, detailed: async () => up };
    const first = await startManagementServer({ host: '127.0.0.1', port: 0, health });
    const port = Number(new URL(first.url).port);
    try {
      const error = await startManagementServer({ host: '127.0.0.1', port, health }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MonitoringError);
      expect((error as MonitoringError).code).toBe(MONITORING_ERROR_CODES.managementServerFailed);
      expect((error as MonitoringError).message).toContain(
        `the management server cannot listen on 127.0.0.1:${port} (MANAGEMENT_HOST/MANAGEMENT_PORT)`,
      );
      expect((error as MonitoringError).message).toContain('EADDRINUSE');
    } finally {
      await first.close();
    }
  });

  it('answers extra routes with their JSON, and a failing one with a 500 Problem Details that hides the cause', async () => {
    const health = { liveness: () => up, readiness: async () => up, detailed: async () => up };
    const server = await startManagementServer({
      host: '127.0.0.1',
      port: 0,
      health,
      routes: [
        { path: '/jobs/status', handle: async () => ({ jobs: [{ job: 'nightly', stale: false }] }) },
        {
          path: '/broken',
          handle: async () => {
            throw new Error('password=hunter2 at 10.0.0.7');
          },
        },
      ],
    });
    try {
      const ok = await getJson(`${server.url}/jobs/status`);
      expect([ok.status, ok.body, ok.headers.get('cache-control')]).toEqual([
        200,
        { jobs: [{ job: 'nightly', stale: false }] },
        'no-store',
      ]);
      const broken = await get(`${server.url}/broken`);
      expect(broken.status).toBe(500);
      expect(broken.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(broken.text)).toMatchObject({
        status: 500,
        code: MONITORING_ERROR_CODES.managementRouteFailed,
        instance: '/broken',
      });
      expect(broken.text).not.toContain('hunter2');
      expect((await get(`${server.url}/jobs/status`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
