import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAlertmanager, type TestAlertmanager } from './alertmanager.js';
import { eventually } from './eventually.js';
import { startTestMailpit, type TestMailpit } from './mailpit.js';
import { startTestPrometheus, type TestPrometheus } from './prometheus.js';

// A stand-in target whose gauge the test sets, and an alert on it: the helpers' chain end to end.
const RULES = `groups:
  - name: helper-test
    rules:
      - alert: StandInBroken
        expr: stand_in_broken == 1
        for: 1s
        labels:
          severity: page
        annotations:
          summary: '{{ $labels.job }} is broken.'
          description: 'The stand-in of {{ $labels.instance }} says it is broken.'
          runbook_url: deploy/runbooks/StandInBroken.md
`;

describe('startTestPrometheus, startTestAlertmanager', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'monitoring-helpers-'));
  let broken = 0;
  let target: Server;
  let mailpit: TestMailpit;
  let alertmanager: TestAlertmanager;
  let prometheus: TestPrometheus;

  beforeAll(async () => {
    target = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      response.end(`# TYPE stand_in_broken gauge\nstand_in_broken ${broken}\n`);
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    writeFileSync(path.join(dir, 'rules.yml'), RULES);
    mailpit = await startTestMailpit();
    alertmanager = await startTestAlertmanager({ smtp: { host: mailpit.smtpHost, port: mailpit.smtpPort } });
    prometheus = await startTestPrometheus({
      targets: [{ job: 'stand-in', address: `127.0.0.1:${(target.address() as AddressInfo).port}` }],
      ruleFiles: [path.join(dir, 'rules.yml')],
      evaluationInterval: '1s',
      alertmanagerUrl: alertmanager.url,
    });
  }, 300_000);

  afterAll(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
    await mailpit?.stop();
    target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scrape the targets and load the rules given', async () => {
    expect(await prometheus.ruleNames()).toEqual(['StandInBroken']);
    await eventually('the stand-in scraped', async () =>
      (await prometheus.targets()).some((t) => t.labels['job'] === 'stand-in' && t.health === 'up'),
    );
  });

  it("fire the alert, route it, and e-mail it through the test's Mailpit with its summary and runbook", async () => {
    broken = 1;
    await eventually('StandInBroken firing in Prometheus', async () =>
      (await prometheus.alerts()).some((a) => a.labels['alertname'] === 'StandInBroken' && a.state === 'firing'),
    );
    await eventually('StandInBroken in Alertmanager', async () =>
      (await alertmanager.alerts()).some((a) => a.labels['alertname'] === 'StandInBroken'),
    );
    const alert = (await alertmanager.alerts()).find((a) => a.labels['alertname'] === 'StandInBroken')!;
    expect(alert.receivers.map((r) => r.name)).toEqual(['oncall']); // severity=page

    let mails: Awaited<ReturnType<TestMailpit['messagesTo']>> = [];
    await eventually('the e-mail in Mailpit', async () => {
      mails = await mailpit.messagesTo('oncall@platform.local');
      return mails.length > 0;
    });
    expect(mails[0]!.Subject).toBe('[FIRING] StandInBroken (page)');
    const { Text, HTML } = await mailpit.message(mails[0]!.ID);
    expect(Text).toContain('stand-in is broken.');
    expect(Text).toContain('Runbook: deploy/runbooks/StandInBroken.md');
    expect(HTML).toContain('<a href="deploy/runbooks/StandInBroken.md">');
  });
});
