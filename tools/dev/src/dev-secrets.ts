import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Secrets for local runs only, made on first use and kept under `.data/dev/` (git-ignored, mode
 * 0600), so `npm start` needs no setup and no secret is ever committed.
 */
export function devSecrets(dataDir: string): { identitySigningKey: string } {
  const file = path.join(dataDir, 'dev', 'secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { identitySigningKey: string };
  } catch {
    const secrets = { identitySigningKey: randomBytes(32).toString('base64url') };
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: 'w' });
    return secrets;
  }
}
