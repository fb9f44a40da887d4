import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The development secrets `npm start` hands to the services and the payment sandbox. */
export interface DevSecrets {
  /** The key the gateway signs identity headers with. */
  identitySigningKey: string;
  /** The business-service's OAuth client secret at the payment sandbox. */
  paymentClientSecret: string;
  /** `whsec_<base64>`: the key the payment sandbox signs its webhooks with. */
  paymentWebhookSecret: string;
  /** The key the notification-service signs one-click unsubscribe tokens with. */
  unsubscribeSigningKey: string;
  /** The key the notification-service seals webhook endpoints' signing secrets with (32 bytes, base64). */
  webhookSecretsKey: string;
}

const GENERATORS: { [Name in keyof DevSecrets]: () => string } = {
  identitySigningKey: () => randomBytes(32).toString('base64url'),
  paymentClientSecret: () => randomBytes(32).toString('base64url'),
  paymentWebhookSecret: () => `whsec_${randomBytes(32).toString('base64')}`,
  unsubscribeSigningKey: () => randomBytes(32).toString('base64url'),
  webhookSecretsKey: () => randomBytes(32).toString('base64'),
};

/**
 * Secrets for local runs only, made on first use and kept under `.data/dev/` (git-ignored, mode
 * 0600), so `npm start` needs no setup and no secret is ever committed. A file from an earlier
 * version gets the secrets it lacks added, and keeps the ones it has.
 */
export function devSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev', 'secrets.json');
  let stored: Partial<DevSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
  } catch {
    // None yet (or unreadable): every secret is made below.
  }
  const secrets = { ...stored } as DevSecrets;
  let added = false;
  for (const [name, generate] of Object.entries(GENERATORS) as [keyof DevSecrets, () => string][]) {
    if (typeof secrets[name] === 'string' && secrets[name] !== '') continue;
    secrets[name] = generate();
    added = true;
  }
  if (added) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: 'w' });
    // `mode` applies only to a new file; an existing one is narrowed too.
    chmodSync(file, 0o600);
  }
  return secrets;
}
