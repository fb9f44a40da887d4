/**
 * `npm run sandbox:payments`: the payment sandbox in the foreground until Ctrl-C (or SIGTERM).
 * Settings: PAYMENT_SANDBOX_HOST (127.0.0.1), PAYMENT_SANDBOX_PORT (4010), PAYMENT_SANDBOX_CLIENT_ID,
 * PAYMENT_SANDBOX_CLIENT_SECRET, PAYMENT_SANDBOX_WEBHOOK_SECRET; missing credentials are generated
 * and printed (development values, for this run only).
 */
import { generateCredentials } from './options.js';
import { startPaymentSandbox } from './server.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function portFrom(env: NodeJS.ProcessEnv): number {
  const raw = env['PAYMENT_SANDBOX_PORT'];
  if (raw === undefined || raw === '') return 4010;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PAYMENT_SANDBOX_PORT must be a TCP port (0-65535), got "${raw}"`);
  return port;
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const generated = generateCredentials();
  const given = {
    clientId: env['PAYMENT_SANDBOX_CLIENT_ID'] || undefined,
    clientSecret: env['PAYMENT_SANDBOX_CLIENT_SECRET'] || undefined,
    webhookSecret: env['PAYMENT_SANDBOX_WEBHOOK_SECRET'] || undefined,
  };
  const sandbox = await startPaymentSandbox({
    host: env['PAYMENT_SANDBOX_HOST'] || '127.0.0.1',
    port: portFrom(env),
    clientId: given.clientId ?? generated.clientId,
    clientSecret: given.clientSecret ?? generated.clientSecret,
    webhookSecret: given.webhookSecret ?? generated.webhookSecret,
    log: say,
  });
  say(`payment sandbox listening on ${sandbox.url}`);
  if (!given.clientId) say(`  PAYMENT_SANDBOX_CLIENT_ID=${sandbox.clientId} (generated for this run)`);
  if (!given.clientSecret) say(`  PAYMENT_SANDBOX_CLIENT_SECRET=${sandbox.clientSecret} (generated for this run)`);
  if (!given.webhookSecret) say(`  PAYMENT_SANDBOX_WEBHOOK_SECRET=${sandbox.webhookSecret} (generated for this run)`);
  say(`  token: POST ${sandbox.url}/oauth/token; faults: ${sandbox.url}/admin/faults`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    say(`payment sandbox stopping (${signal})`);
    void sandbox.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.env).catch((error: unknown) => {
  process.stderr.write(`payment sandbox: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
