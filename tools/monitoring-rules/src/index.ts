export { deployDir, deployFiles, productionRules, alertTestCases } from './deploy-files.js';
export type { Rule, AlertCase } from './deploy-files.js';
export { metricNamesOf, familyOf } from './promql-names.js';
export { runTool } from './promtool.js';
export type { CommandResult } from './promtool.js';
export { dashboardQueries, dashboardQueriesAsRules, withGrafanaVariables } from './dashboards.js';
export type { PanelQuery } from './dashboards.js';
