import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertmanagerConfigYaml } from './alertmanager.js';
import { infraDown, infraStatus, monitoringUp } from './infra.js';
import { infraPaths, repoRoot } from './paths.js';
import { isPortOpen } from './ports.js';
import { isAlive } from './process.js';
import { PRODUCTION_RULE_FILES, prometheusConfigYaml } from './prometheus.js';
import { readState, writeState } from './state.js';
import { eventually } from './testing/eventually.js';
import { isolatedEnv } from './testing/isolated-env.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'infra-monitoring-'));
const envs: NodeJS.ProcessEnv[] = [];
const servers: Server[] = [];

afterAll(async () => {
  for (const env of envs) {
    await infraDown({ env });
    rmSync(env['INFRA_DATA_DIR']!, { recursive: true, force: true });
  }
  for (const server of servers) server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A stand-in for a service's management port: `/metrics` in Prometheus's text format. */
async function metricsServer(): Promise<string> {
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/metrics' ? 200 : 404, { 'content-type': 'text/plain; version=0.0.4' });
    response.end('# TYPE stand_in_up gauge\nstand_in_up 1\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function api<T>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

describe('the generated configurations', () => {
  it('pass promtool check config, with the production rule files', () => {
    const file = path.join(scratch, 'prometheus.yml');
    writeFileSync(
      file,
      prometheusConfigYaml({
        port: 9090,
        targets: [
          { job: 'gateway', address: '127.0.0.1:9000' },
          { job: 'auth-service', address: '127.0.0.1:9001' },
        ],
        ruleFiles: PRODUCTION_RULE_FILES,
        alertmanager: '127.0.0.1:9094',
      }),
    );
    const result = spawnSync('promtool', ['check', 'config', file], { encoding: 'utf8' });
    expect(result.stdout, result.stderr).toMatch(/SUCCESS: \d+ rule files found/);
    expect(result.status, result.stderr).toBe(0);
  });

  it("pass amtool check-config: production's routes and templates, e-mail to the given SMTP server without TLS", () => {
    const yaml = alertmanagerConfigYaml({ smtp: { host: '127.0.0.1', port: 2525 }, timing: { groupWait: '1s' } });
    expect(yaml).toContain('smtp_smarthost: 127.0.0.1:2525');
    expect(yaml).toContain('smtp_require_tls: false');
    expect(yaml).not.toContain('/etc/alertmanager');
    expect(yaml).not.toMatch(/group_wait: (?!1s)/);
    const file = path.join(scratch, 'alertmanager.yml');
    writeFileSync(file, yaml);
    const result = spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });
    expect(result.stdout).toContain('1 templates');
    expect(result.stdout).toContain('2 receivers');
    expect(result.status, result.stderr).toBe(0);
  });
});

describe('monitoringUp (the Prometheus and Alertmanager of npm start)', { sequential: true }, () => {
  it('starts both for the given services, with the production rules, and stops them', async () => {
    const env = await isolatedEnv();
    envs.push(env);
    const service = await metricsServer();
    const lines: string[] = [];
    const monitoring = await monitoringUp({
      env,
      log: (line) => lines.push(line),
      targets: [{ job: 'stand-in', address: service }],
      smtp: { host: '127.0.0.1', port: 1025 },
    });
    expect(monitoring.prometheusUrl).toBe(`http://127.0.0.1:${env['INFRA_PROMETHEUS_PORT']}`);
    expect(monitoring.alertmanagerUrl).toBe(`http://127.0.0.1:${env['INFRA_ALERTMANAGER_PORT']}`);
    expect(lines.join('\n')).toMatch(/Prometheus: starting on .*stand-in/);

    // Prometheus is ready before its scrape manager has the targets (discovery updates come every 5 s).
    let activeTargets: { labels: { job: string }; scrapeUrl: string }[] = [];
    await eventually('the targets in Prometheus', async () => {
      ({ activeTargets } = await api<{ activeTargets: typeof activeTargets }>(
        `${monitoring.prometheusUrl}/api/v1/targets`,
      ));
      return activeTargets.length === 2;
    });
    expect(activeTargets.map((t) => t.labels.job).sort()).toEqual(['prometheus', 'stand-in']);
    expect(activeTargets.find((t) => t.labels.job === 'stand-in')!.scrapeUrl).toBe(`http://${service}/metrics`);
    const { groups } = await api<{ groups: { file: string; rules: { name: string }[] }[] }>(
      `${monitoring.prometheusUrl}/api/v1/rules`,
    );
    expect(groups.flatMap((g) => g.rules.map((r) => r.name))).toContain('ServiceDown');
    const rulesDir = path.join(repoRoot, 'deploy', 'prometheus', 'rules');
    expect(new Set(groups.map((g) => g.file))).toEqual(
      new Set(
        readdirSync(rulesDir)
          .filter((name) => name.endsWith('.yml'))
          .map((name) => path.join(rulesDir, name)),
      ),
    );
    const { activeAlertmanagers } = await api<{ activeAlertmanagers: { url: string }[] }>(
      `${monitoring.prometheusUrl}/api/v1/alertmanagers`,
    );
    expect(activeAlertmanagers.map((a) => a.url)).toEqual([`${monitoring.alertmanagerUrl}/api/v2/alerts`]);
    const status = infraStatus({ env }).monitoring;
    expect(
      status
        .map(({ kind, url, owner, running }) => ({ kind, url, owner, running }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: 'alertmanager', url: monitoring.alertmanagerUrl, owner: process.pid, running: true },
      { kind: 'prometheus', url: monitoring.prometheusUrl, owner: process.pid, running: true },
    ]);

    const stopped = await monitoring.stop();
    expect(stopped).toEqual([
      expect.stringMatching(/^Prometheus \(pid \d+, http:/),
      expect.stringMatching(/^Alertmanager \(pid \d+, http:/),
    ]);
    for (const { pid } of status) expect(isAlive(pid)).toBe(false);
    expect(infraStatus({ env }).monitoring).toEqual([]);
    expect(await isPortOpen('127.0.0.1', Number(env['INFRA_PROMETHEUS_PORT']))).toBe(false);
  });

  it('replaces what an npm start that died left behind, and infra down stops them too', async () => {
    const env = await isolatedEnv();
    envs.push(env);
    const options = {
      env,
      targets: [{ job: 'stand-in', address: await metricsServer() }],
      smtp: { host: '127.0.0.1', port: 1025 },
    };
    await monitoringUp(options);
    const paths = infraPaths(env);
    const before = readState(paths).monitoring!;
    // As if a process that has exited since had started them.
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeState(paths, { ...readState(paths), monitoring: before.map((m) => ({ ...m, owner: Number(dead.stdout) })) });

    const again = await monitoringUp(options);
    for (const { pid } of before) expect(isAlive(pid)).toBe(false);
    const after = infraStatus({ env }).monitoring;
    expect(after.map((m) => m.running)).toEqual([true, true]);
    expect(after.map((m) => m.pid)).not.toContain(before[0]!.pid);
    expect((await fetch(`${again.prometheusUrl}/-/ready`)).status).toBe(200);

    expect(await infraDown({ env })).toEqual([
      expect.stringMatching(/^Prometheus /),
      expect.stringMatching(/^Alertmanager /),
    ]);
    for (const { pid } of after) expect(isAlive(pid)).toBe(false);
  });

  it('says clearly that a port is taken, and leaves nothing running', async () => {
    const env = await isolatedEnv();
    envs.push(env);
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(env['INFRA_PROMETHEUS_PORT']), '127.0.0.1', resolve));
    try {
      await expect(monitoringUp({ env, targets: [], smtp: { host: '127.0.0.1', port: 1025 } })).rejects.toThrow(
        /127\.0\.0\.1:\d+ \(Prometheus\) is taken by another program.*INFRA_PROMETHEUS_PORT/,
      );
    } finally {
      squatter.close();
    }
    expect(infraStatus({ env }).monitoring).toEqual([]);
    expect(await isPortOpen('127.0.0.1', Number(env['INFRA_ALERTMANAGER_PORT']))).toBe(false);
  });
});
