import { startOwnSystem, systemServices, type OwnSystem } from '@platform/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardQueries, familyOf, metricNamesOf, productionRules, withGrafanaVariables } from '../src/index.js';

// Series Prometheus makes itself for every target.
const PROMETHEUS_SERIES = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped'];

/** The metric families a /metrics page declares (`# TYPE` lines: declared even before a first sample). */
function declaredFamilies(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map(([, name]) => name!));
}

describe('metric names used by rules and dashboards', () => {
  let running: OwnSystem;
  const exported = new Map<string, Set<string>>();

  beforeAll(async () => {
    running = await startOwnSystem({ purpose: 'monitoring rules: live metric names', prefix: 'mon' });
    for (const [service, { managementPort }] of Object.entries(running.system.ports)) {
      if (managementPort === undefined) continue;
      const response = await fetch(`http://127.0.0.1:${managementPort}/metrics`);
      expect(response.status).toBe(200);
      exported.set(service, declaredFamilies(await response.text()));
    }
  }, 420_000);

  afterAll(async () => {
    await running?.stop();
  }, 120_000);

  const known = () => {
    const names = new Set(PROMETHEUS_SERIES);
    for (const families of exported.values()) for (const name of families) names.add(name);
    for (const rule of productionRules()) if (rule.record) names.add(rule.record);
    return names;
  };
  const unknownIn = (exprs: { where: string; expr: string }[]) => {
    const names = known();
    return exprs.flatMap(({ where, expr }) =>
      metricNamesOf(expr)
        .filter((name) => !names.has(name) && !names.has(familyOf(name)))
        .map((name) => `${where}: ${name}`),
    );
  };

  it('scrapes every platform service', () => {
    // Every service of the registry with a management port (a generated one too), the four among them.
    const platform = systemServices({}).filter((spec) => spec.managementPort !== undefined);
    expect([...exported.keys()].sort()).toEqual(platform.map((spec) => spec.name).sort());
    expect([...exported.keys()]).toEqual(
      expect.arrayContaining(['auth-service', 'business-service', 'gateway', 'notification-service']),
    );
    expect(exported.get('gateway')).toContain('http_server_requests_total');
  });

  it('finds every metric a rule uses on some service', () => {
    const exprs = productionRules().map((rule) => ({ where: rule.alert ?? rule.record ?? '?', expr: rule.expr }));
    expect(unknownIn(exprs)).toEqual([]);
  });

  it('finds every metric a dashboard panel uses on some service', () => {
    const exprs = dashboardQueries().map((q) => ({
      where: `${q.dashboard} › ${q.panel}`,
      expr: withGrafanaVariables(q.expr),
    }));
    expect(unknownIn(exprs)).toEqual([]);
  });

  it('would notice a name no service exports', () => {
    expect(unknownIn([{ where: 'probe', expr: 'rate(payments_refunded_total[5m])' }])).toEqual([
      'probe: payments_refunded_total',
    ]);
  });
});
