import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  endpointsOf,
  startProcess,
  stopProcess,
  systemServices,
  waitUntilReady,
  type RunningProcess,
} from '@platform/dev';
import { freePort, infraPaths } from '@platform/infra';
import {
  createTestDatabase,
  deleteGroup,
  eventually,
  startTestAlertmanager,
  startTestMailpit,
  startTestPrometheus,
  testInfra,
  type MailpitSummary,
  type TestAlertmanager,
  type TestDatabase,
  type TestMailpit,
  type TestPrometheus,
  uniqueGroupId,
} from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { productionRules, type Rule } from '../src/index.js';

/** The production ServiceDown alert, unchanged but for a `for:` short enough for a test. */
function shortenedServiceDown(): Rule {
  const rule = productionRules().find((candidate) => candidate.alert === 'ServiceDown');
  if (!rule) throw new Error('deploy/prometheus/rules has no ServiceDown alert');
  return { ...rule, for: '2s' };
}

// A real fault end to end: the auth-service (a real process, started as npm start starts it) is
// scraped by a real Prometheus with the production ServiceDown rule, then killed; the alert fires,
// a real Alertmanager with deploy/alertmanager's routes and templates routes it, and its e-mail,
// runbook link included, arrives in a real Mailpit.
describe('a service that dies pages on-call by e-mail', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'alert-email-'));
  const logDir = mkdtempSync(path.join(infraPaths().root, 'alert-email-logs-'));
  const rule = shortenedServiceDown();
  // Its own consumer group: the killed member would stall a shared group's rebalance for others.
  const consumerGroup = uniqueGroupId('alert-email-auth-service');
  const output: string[] = [];
  let managementPort: number;
  let database: TestDatabase | undefined;
  let auth: RunningProcess | undefined;
  let mailpit: TestMailpit | undefined;
  let alertmanager: TestAlertmanager | undefined;
  let prometheus: TestPrometheus | undefined;

  beforeAll(async () => {
    mailpit = await startTestMailpit();
    alertmanager = await startTestAlertmanager({ smtp: { host: mailpit.smtpHost, port: mailpit.smtpPort } });

    database = await createTestDatabase('alert_email_auth');
    managementPort = await freePort();
    const spec = systemServices({
      AUTH_SERVICE_PORT: String(await freePort()),
      AUTH_SERVICE_MANAGEMENT_PORT: String(managementPort),
      AUTH_CONSUMER_GROUP: consumerGroup,
    }).find((candidate) => candidate.name === 'auth-service')!;
    auth = startProcess(
      spec,
      {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
        JWT_DEV_KEY_DIR: path.join(scratch, 'keys'),
      },
      logDir,
      0,
      (line) => output.push(line),
    );
    await waitUntilReady(auth, endpointsOf(spec).readyUrl, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-40).join('\n')}`);
    });

    const rules = path.join(scratch, 'service-down.yml');
    writeFileSync(rules, stringify({ groups: [{ name: 'availability', rules: [rule] }] }));
    prometheus = await startTestPrometheus({
      targets: [{ job: 'auth-service', address: `127.0.0.1:${managementPort}` }],
      ruleFiles: [rules],
      evaluationInterval: '1s',
      alertmanagerUrl: alertmanager.url,
    });
  }, 300_000);

  afterAll(async () => {
    if (auth) await stopProcess(auth, 10_000);
    await prometheus?.stop();
    await alertmanager?.stop();
    await mailpit?.stop();
    await deleteGroup(consumerGroup);
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  });

  it('fires ServiceDown, routes it to on-call, and e-mails it with its summary and runbook link', async () => {
    expect(await prometheus!.ruleNames()).toEqual(['ServiceDown']);
    await eventually(
      'the auth-service scraped',
      async () => (await prometheus!.targets()).some((target) => target.health === 'up'),
      60_000,
    );
    expect(await prometheus!.alerts()).toEqual([]);

    // The fault: the process dies, as in a crash or an OOM kill.
    auth!.child.kill('SIGKILL');
    await auth!.exited;

    await eventually(
      'ServiceDown firing in Prometheus',
      async () => (await prometheus!.alerts()).some((alert) => alert.state === 'firing'),
      60_000,
    );
    const [alert] = await prometheus!.alerts();
    expect(alert!.labels).toMatchObject({ alertname: 'ServiceDown', job: 'auth-service', severity: 'page' });
    expect(alert!.annotations['runbook_url']).toBe(rule.annotations!['runbook_url']);

    await eventually(
      'ServiceDown routed by Alertmanager',
      async () => (await alertmanager!.alerts()).some((routed) => routed.labels['alertname'] === 'ServiceDown'),
      60_000,
    );
    const [routed] = await alertmanager!.alerts();
    expect(routed!.receivers.map((receiver) => receiver.name)).toEqual(['oncall']);

    let mails: MailpitSummary[] = [];
    await eventually(
      "the page in on-call's mailbox",
      async () => {
        mails = await mailpit!.messagesTo('oncall@platform.local');
        return mails.length > 0;
      },
      60_000,
    );
    expect(mails.map((mail) => mail.Subject)).toEqual(['[FIRING] ServiceDown (page)']);
    const { Text, HTML } = await mailpit!.message(mails[0]!.ID);
    // The rule's own summary and description, with this alert's labels filled in.
    const expand = (template: string) =>
      template.replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_, name: string) => alert!.labels[name] ?? '');
    expect(alert!.labels['instance']).toBe(`127.0.0.1:${managementPort}`);
    expect(Text).toContain(expand(rule.annotations!['summary']!));
    expect(Text).toContain(expand(rule.annotations!['description']!));
    expect(Text).toContain(`Runbook: ${rule.annotations!['runbook_url']}`);
    expect(HTML).toContain(`<a href="${rule.annotations!['runbook_url']}">`);
  });
});
