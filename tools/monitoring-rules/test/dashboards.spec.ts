import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dashboardQueries, dashboardQueriesAsRules, deployDir, deployFiles, runTool } from '../src/index.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'monitoring-dashboards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Grafana dashboards', () => {
  it('cover the platform, messaging, business, notifications and jobs', () => {
    const uids = deployFiles('grafana/dashboards', '.json').map(
      (file) => (JSON.parse(readFileSync(file, 'utf8')) as { uid: string }).uid,
    );
    expect(uids.sort()).toEqual(['business', 'jobs', 'messaging', 'notifications', 'platform-overview']);
  });

  it('query only the provisioned datasource, by its fixed uid', () => {
    const datasource = parse(
      readFileSync(path.join(deployDir, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8'),
    ) as { datasources: { uid: string }[] };
    expect(datasource.datasources.map((d) => d.uid)).toEqual(['prometheus']);
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(40);
    expect(queries.filter((q) => q.datasourceUid !== 'prometheus')).toEqual([]);
  });

  it('have panel queries that promtool parses (wrapped in a generated rules file)', () => {
    const file = path.join(scratch, 'dashboard-queries.yml');
    writeFileSync(file, dashboardQueriesAsRules(dashboardQueries()));
    const { status, output } = runTool('promtool', ['check', 'rules', file]);
    expect(output).toContain(`SUCCESS: ${dashboardQueries().length} rules found`);
    expect(status, output).toBe(0);
  });

  it('catches a broken panel query (the check is not vacuous)', () => {
    const file = path.join(scratch, 'broken.yml');
    writeFileSync(
      file,
      dashboardQueriesAsRules([{ dashboard: 'x', panel: 'x', datasourceUid: 'prometheus', expr: 'sum(rate(x[5m])' }]),
    );
    expect(runTool('promtool', ['check', 'rules', file]).status).not.toBe(0);
  });
});
