import { describe, expect, it } from 'vitest';
import { MONITORING_ERROR_CODES } from './errors.js';
import { Heartbeat } from './health/checks/heartbeat.js';
import { DEFAULT_MANAGEMENT_PORT, resolveMonitoringOptions } from './monitoring-options.js';

describe('resolveMonitoringOptions', () => {
  it('defaults to port 9464 on all interfaces, with every metric on', () => {
    expect(resolveMonitoringOptions({}, {})).toEqual({
      managementPort: DEFAULT_MANAGEMENT_PORT,
      managementHost: '0.0.0.0',
      readiness: [],
      informational: [],
      managementRoutes: [],
      httpMetrics: true,
      defaultMetrics: true,
      postgresMetrics: true,
    });
    expect(DEFAULT_MANAGEMENT_PORT).toBe(9464);
  });

  it('reads MANAGEMENT_PORT and MANAGEMENT_HOST, and lets explicit options win', () => {
    const env = { MANAGEMENT_PORT: '9100', MANAGEMENT_HOST: '127.0.0.1' };
    expect(resolveMonitoringOptions({}, env)).toMatchObject({ managementPort: 9100, managementHost: '127.0.0.1' });
    expect(resolveMonitoringOptions({ managementPort: 0, managementHost: '::1' }, env)).toMatchObject({
      managementPort: 0,
      managementHost: '::1',
    });
  });

  it.each(['abc', '70000', '-1', '9100.5', '0x10'])('stops on MANAGEMENT_PORT=%s with one clear message', (value) => {
    expect(() => resolveMonitoringOptions({}, { MANAGEMENT_PORT: value })).toThrowError(
      expect.objectContaining({
        code: MONITORING_ERROR_CODES.invalidConfiguration,
        message: `MANAGEMENT_PORT must be an integer from 0 to 65535, got "${value}"`,
      }),
    );
  });

  it('refuses readiness checks with bad or repeated names, no check function or a bad timeout', () => {
    const hb = (name: string) => new Heartbeat(name, { maxAgeMs: 1000 });
    expect(() => resolveMonitoringOptions({ readiness: [hb('jobs'), hb('jobs')] }, {})).toThrow(
      'two readiness checks are named "jobs"',
    );
    expect(() => resolveMonitoringOptions({ readiness: [hb('Bad Name')] }, {})).toThrow(
      'readiness check name "Bad Name" must be lower-case letters, digits, "-" and "_"',
    );
    expect(() => resolveMonitoringOptions({ readiness: [{ name: 'x' } as never] }, {})).toThrow(
      'every readiness entry must have a check() function',
    );
    expect(() =>
      resolveMonitoringOptions({ readiness: [{ name: 'x', timeoutMs: 0, check: async () => undefined }] }, {}),
    ).toThrow('readiness check "x": timeoutMs must be a positive number');
  });

  it('refuses informational checks whose name a readiness check has, and management routes on its own paths', () => {
    const check = (name: string) => ({ name, check: async () => undefined });
    const route = (path: string) => ({ path, handle: async () => ({}) });
    const fails = (options: Parameters<typeof resolveMonitoringOptions>[0], message: string) =>
      expect(() => resolveMonitoringOptions(options, {})).toThrowError(
        expect.objectContaining({ code: MONITORING_ERROR_CODES.invalidConfiguration, message }),
      );
    fails({ readiness: [check('jobs')], informational: [check('jobs')] }, 'two informational checks are named "jobs"');
    fails(
      { informational: [check('Jobs')] },
      'informational check name "Jobs" must be lower-case letters, digits, "-" and "_"',
    );
    fails({ managementRoutes: [route('/health/jobs')] }, 'management route path "/health/jobs" is the library\'s own');
    fails({ managementRoutes: [route('/metrics')] }, 'management route path "/metrics" is the library\'s own');
    fails(
      { managementRoutes: [route('jobs')] },
      'management route path "jobs" must be like /jobs/status (lower-case segments)',
    );
    fails(
      { managementRoutes: [route('/jobs/status'), route('/jobs/status')] },
      'two management routes have the path "/jobs/status"',
    );
    expect(
      resolveMonitoringOptions({ informational: [check('jobs')], managementRoutes: [route('/jobs/status')] }, {}),
    ).toMatchObject({ informational: [{ name: 'jobs' }], managementRoutes: [{ path: '/jobs/status' }] });
  });
});
