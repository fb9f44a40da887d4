import { ensureMailpitBinary } from '../mailpit-binary.js';
import { mailpitProgram } from '../mailpit.js';
import { freePort } from '../ports.js';
import { startChildServer, type ChildServer } from '../server-process.js';

/** One message as Mailpit's search lists it. */
export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Name: string; Address: string }[];
  From: { Name: string; Address: string };
}

/** One message with its bodies, as `GET /api/v1/message/{id}` returns it. */
export interface MailpitMessage extends MailpitSummary {
  HTML: string;
  Text: string;
}

/**
 * A Mailpit of one test file's own on free loopback ports (messages in memory): SMTP for the
 * service under test, its REST API to read what arrived. `stop()` then `start()` again keeps the
 * ports (an SMTP outage and its end); `reject()` makes it refuse recipients (Mailpit's chaos triggers).
 */
export interface TestMailpit {
  smtpHost: string;
  smtpPort: number;
  smtpUrl: string;
  apiUrl: string;
  /** Messages to `address` (each test uses a unique one, so tests sharing the Mailpit never see each other's). */
  messagesTo(address: string): Promise<MailpitSummary[]>;
  /** One message with its HTML and text bodies. */
  message(id: string): Promise<MailpitMessage>;
  /** Every header of one message, each with its values. */
  headers(id: string): Promise<Record<string, string[]>>;
  /** From now on, answers every RCPT TO with `code` (e.g. 550 or 451); `undefined` accepts again. */
  reject(code: number | undefined): Promise<void>;
  /** Stops the server (the ports stay reserved for `start()` in practice: nothing else binds them meanwhile). */
  stop(): Promise<void>;
  /** Starts it again on the same ports, empty. */
  start(): Promise<void>;
}

/** STARTTLS on the SMTP port with this certificate and key (PEM); `require`: refuse mail before STARTTLS. */
export interface TestMailpitTls {
  certFile: string;
  keyFile: string;
  require?: boolean;
}

/**
 * Starts a Mailpit built by tools/infra (`ensure-prerequisites.mjs test` builds it; here it is
 * built if missing); with `tls`, its SMTP port offers (or requires) STARTTLS.
 */
export async function startTestMailpit(options: { tls?: TestMailpitTls } = {}): Promise<TestMailpit> {
  const { tls } = options;
  const tlsArgs = tls
    ? [
        '--smtp-tls-cert',
        tls.certFile,
        '--smtp-tls-key',
        tls.keyFile,
        ...(tls.require ? ['--smtp-require-starttls'] : []),
      ]
    : [];
  const bin = await ensureMailpitBinary((line) => process.stderr.write(`[infra] ${line}\n`));
  const smtpPort = await freePort();
  const httpPort = await freePort();
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  let server: ChildServer | undefined;

  const start = async () => {
    // Messages in memory; chaos triggers on, for reject().
    const program = mailpitProgram(bin, smtpPort, httpPort, {
      extraArgs: ['--enable-chaos', ...tlsArgs],
      stopGraceMs: 5_000,
    });
    // Mailpit refuses to require STARTTLS while it also allows credentials over plain text.
    if (tls?.require) program.args = program.args.filter((arg) => arg !== '--smtp-auth-allow-insecure');
    server = await startChildServer(program, 15_000);
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.stop();
  };
  const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, init);
    if (!response.ok)
      throw new Error(`Mailpit ${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };

  await start();
  return {
    smtpHost: '127.0.0.1',
    smtpPort,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    apiUrl,
    async messagesTo(address) {
      const query = encodeURIComponent(`to:"${address}"`);
      const found = await api<{ messages: MailpitSummary[] }>(`/api/v1/search?query=${query}&limit=200`);
      // The search matches substrings; the test wants exactly this recipient.
      return found.messages.filter((m) => m.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
    },
    message: (id) => api<MailpitMessage>(`/api/v1/message/${encodeURIComponent(id)}`),
    headers: (id) => api<Record<string, string[]>>(`/api/v1/message/${encodeURIComponent(id)}/headers`),
    async reject(code) {
      const trigger = code === undefined ? null : { ErrorCode: code, Probability: 100 };
      await api('/api/v1/chaos', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Recipient: trigger ?? { ErrorCode: 451, Probability: 0 } }),
      });
    },
    stop,
    start,
  };
}
