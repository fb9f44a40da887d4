import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertTestCases, deployDir, deployFiles, productionRules, runTool } from '../src/index.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'monitoring-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const alerts = productionRules().filter((rule) => rule.alert !== undefined);
const alertNames = [...new Set(alerts.map((rule) => rule.alert!))];

describe('Prometheus and Alertmanager configuration', () => {
  it('passes promtool check config, with the rule files it loads', () => {
    // The compose file mounts rules/ at /etc/prometheus/rules; point the copy at the repository's.
    const config = readFileSync(path.join(deployDir, 'prometheus/prometheus.yml'), 'utf8').replace(
      '/etc/prometheus/rules/',
      `${path.join(deployDir, 'prometheus/rules')}/`,
    );
    const file = path.join(scratch, 'prometheus.yml');
    writeFileSync(file, config);
    const { status, output } = runTool('promtool', ['check', 'config', file]);
    expect(output).toContain('SUCCESS');
    expect(output).toMatch(new RegExp(`${deployFiles('prometheus/rules').length} rule files found`));
    expect(status, output).toBe(0);
  });

  it('passes promtool check rules', () => {
    const { status, output } = runTool('promtool', ['check', 'rules', ...deployFiles('prometheus/rules')]);
    expect(status, output).toBe(0);
  });

  it('passes the promtool unit tests of every alert', () => {
    const { status, output } = runTool('promtool', ['test', 'rules', ...deployFiles('prometheus/tests', '.test.yml')]);
    expect(output).not.toContain('FAILED');
    expect(status, output).toBe(0);
  });

  it('has an Alertmanager configuration amtool accepts, templates included', () => {
    const config = readFileSync(path.join(deployDir, 'alertmanager/alertmanager.yml'), 'utf8').replace(
      '/etc/alertmanager/templates/',
      `${path.join(deployDir, 'alertmanager/templates')}/`,
    );
    const file = path.join(scratch, 'alertmanager.yml');
    writeFileSync(file, config);
    const { status, output } = runTool('amtool', ['check-config', file]);
    expect(output).toContain('1 templates');
    expect(status, output).toBe(0);
  });
});

describe('alerts', () => {
  it('exist (the rule files were read)', () => {
    expect(alertNames.length).toBeGreaterThanOrEqual(15);
  });

  it.each(alerts.map((rule) => [rule.alert!, rule] as const))(
    '%s has a severity, a summary, a description and a runbook with the five sections',
    (name, rule) => {
      expect(['page', 'ticket']).toContain(rule.labels?.['severity']);
      expect(rule.annotations?.['summary']?.length).toBeGreaterThan(10);
      expect(rule.annotations?.['description']?.length).toBeGreaterThan(20);
      expect(rule.annotations?.['runbook_url']).toBe(`deploy/runbooks/${name}.md`);
      const runbook = path.join(deployDir, 'runbooks', `${name}.md`);
      expect(existsSync(runbook), `${runbook} is missing`).toBe(true);
      const text = readFileSync(runbook, 'utf8');
      expect(text.startsWith(`# ${name}\n`)).toBe(true);
      for (const section of ['Meaning', 'Impact', 'Diagnosis', 'Mitigation', 'Escalation']) {
        expect(text, `${name}.md lacks ## ${section}`).toContain(`\n## ${section}\n`);
      }
    },
  );

  it.each(alertNames)('%s has a unit test where it fires and one where it stays silent', (name) => {
    const cases = alertTestCases().filter((c) => c.alertname === name);
    expect(cases.some((c) => c.fires)).toBe(true);
    expect(cases.some((c) => !c.fires)).toBe(true);
  });

  it('has no runbook without an alert', () => {
    const runbooks = deployFiles('runbooks', '.md').map((file) => path.basename(file, '.md'));
    expect(runbooks.sort()).toEqual([...alertNames].sort());
  });
});
