import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { deployFiles } from './deploy-files.js';

/** One query of a dashboard panel. */
export interface PanelQuery {
  dashboard: string;
  panel: string;
  datasourceUid: string | undefined;
  expr: string;
}

interface Panel {
  title: string;
  datasource?: { uid?: string };
  targets?: { expr: string; datasource?: { uid?: string } }[];
  panels?: Panel[];
}

/** Every query of deploy/grafana/dashboards/*.json, rows' nested panels included. */
export function dashboardQueries(): PanelQuery[] {
  return deployFiles('grafana/dashboards', '.json').flatMap((file) => {
    const dashboard = JSON.parse(readFileSync(file, 'utf8')) as { uid: string; panels: Panel[] };
    const walk = (panels: Panel[]): PanelQuery[] =>
      panels.flatMap((panel) => [
        ...(panel.targets ?? []).map((target) => ({
          dashboard: dashboard.uid ?? path.basename(file),
          panel: panel.title,
          datasourceUid: target.datasource?.uid ?? panel.datasource?.uid,
          expr: target.expr,
        })),
        ...walk(panel.panels ?? []),
      ]);
    return walk(dashboard.panels);
  });
}

// Grafana's interval variables have no meaning to promtool: a fixed window stands in for them.
const GRAFANA_VARIABLES: Record<string, string> = { $__rate_interval: '5m', $__interval: '1m', $__range: '1h' };

/** The expression as Prometheus sees it once Grafana has replaced its variables. */
export function withGrafanaVariables(expr: string): string {
  return expr.replace(/\$__\w+/g, (name) => GRAFANA_VARIABLES[name] ?? name);
}

/** A rules file with one recording rule per panel query, for `promtool check rules` to parse them all. */
export function dashboardQueriesAsRules(queries: PanelQuery[]): string {
  return stringify({
    groups: [
      {
        name: 'dashboard-queries',
        rules: queries.map((query, index) => ({
          record: `dashboard:query_${index}:${query.dashboard.replace(/[^a-z0-9_]/gi, '_')}`,
          expr: withGrafanaVariables(query.expr),
        })),
      },
    ],
  });
}
