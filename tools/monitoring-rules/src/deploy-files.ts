import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository's `deploy/` folder. */
export const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../deploy');

/** One rule of a Prometheus rules file. */
export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The `.yml` files of a folder under deploy/, as absolute paths, sorted. */
export function deployFiles(folder: string, suffix = '.yml'): string[] {
  const dir = path.join(deployDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Every rule of deploy/prometheus/rules/*.yml. */
export function productionRules(): Rule[] {
  return deployFiles('prometheus/rules').flatMap((file) =>
    (parse(readFileSync(file, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules),
  );
}

/** One case of a promtool unit test: an alert, when, and whether it is expected to fire. */
export interface AlertCase {
  alertname: string;
  fires: boolean;
}

/** Every alert_rule_test case of deploy/prometheus/tests/*.test.yml. */
export function alertTestCases(): AlertCase[] {
  return deployFiles('prometheus/tests', '.test.yml').flatMap((file) => {
    const doc = parse(readFileSync(file, 'utf8')) as {
      tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
    };
    return doc.tests.flatMap((test) =>
      (test.alert_rule_test ?? []).map((c) => ({ alertname: c.alertname, fires: (c.exp_alerts ?? []).length > 0 })),
    );
  });
}
