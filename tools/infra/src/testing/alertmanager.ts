import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alertmanagerBin, alertmanagerProgram, writeAlertmanagerConfig } from '../alertmanager.js';
import { freePort } from '../ports.js';
import { startChildServer, type ChildServer } from '../server-process.js';

/** Where a test's Alertmanager delivers, and how soon. */
export interface TestAlertmanagerOptions {
  /** The SMTP server its e-mails go to: a test Mailpit's `{ host: smtpHost, port: smtpPort }`. */
  smtp: { host: string; port: number };
  /** Wait before a new group's first e-mail, on every route: 1s by default (production: 30 s, pages 10 s). */
  groupWait?: string;
  /** Wait before e-mailing a change to a group: 1s by default. */
  groupInterval?: string;
  /** Wait before an unchanged group's e-mail repeats: 1h by default. */
  repeatInterval?: string;
}

/** An alert as Alertmanager's `GET /api/v2/alerts` lists it. */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  status: { state: 'active' | 'suppressed' | 'unprocessed' };
  receivers: { name: string }[];
}

/**
 * An Alertmanager of one test's own (Debian's `prometheus-alertmanager`), on a free loopback port with
 * a temporary folder: the routes, receivers and e-mail templates of deploy/alertmanager, e-mails to
 * `smtp`, waits shortened.
 */
export interface TestAlertmanager {
  url: string;
  /** The alerts it holds now, with the receivers each is routed to. */
  alerts(): Promise<AlertmanagerAlert[]>;
  /** SIGTERM (SIGKILL after 10 s), then its folder is removed. */
  stop(): Promise<void>;
}

/** Starts an Alertmanager that e-mails to `smtp`, and resolves once it is ready. */
export async function startTestAlertmanager(options: TestAlertmanagerOptions): Promise<TestAlertmanager> {
  const bin = alertmanagerBin();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'test-alertmanager-'));
  writeAlertmanagerConfig(dir, {
    smtp: options.smtp,
    timing: {
      groupWait: options.groupWait ?? '1s',
      groupInterval: options.groupInterval ?? '1s',
      repeatInterval: options.repeatInterval ?? '1h',
    },
  });
  const program = alertmanagerProgram(bin, port, dir, { outFile: path.join(dir, 'alertmanager.out') });
  let server: ChildServer;
  try {
    server = await startChildServer(program, 30_000);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: program.url,
    async alerts() {
      const response = await fetch(`${program.url}/api/v2/alerts`);
      if (!response.ok) throw new Error(`Alertmanager GET /api/v2/alerts: ${response.status}`);
      return (await response.json()) as AlertmanagerAlert[];
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
