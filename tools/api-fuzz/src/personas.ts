import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createGatewayClient } from '@platform/gateway-client';
import { repoRoot } from '@platform/infra';
import type { Persona } from './schemathesis-run.js';

const exec = promisify(execFile);

/**
 * The personas the public API is fuzzed as: a signed-in user, and an admin, both registered
 * through the gateway; the admin is promoted with `auth:create-admin` against the auth-service's
 * database, as an operator does.
 */
export async function createPersonas(gatewayUrl: string, authDatabaseUrl: string): Promise<Persona[]> {
  const api = createGatewayClient({ baseUrl: gatewayUrl });
  const user = newPersona('user');
  const admin = newPersona('admin');
  for (const { name, credentials } of [user, admin]) {
    const { response, error } = await api.POST('/v1/auth/register', {
      body: { ...credentials, displayName: `Fuzz ${name}` },
    });
    if (response.status !== 201) {
      throw new Error(`registering the ${name} persona: ${response.status} ${JSON.stringify(error)}`);
    }
  }
  await exec(
    process.execPath,
    [
      '--import',
      '@swc-node/register/esm-register',
      'apps/auth-service/src/infrastructure/primary-adapters/cli/create-admin.ts',
      '--email',
      admin.credentials.email,
    ],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: authDatabaseUrl } },
  );
  return [user, admin];
}

function newPersona(name: string): Required<Persona> {
  return {
    name,
    credentials: {
      email: `fuzz-${name}-${randomBytes(6).toString('hex')}@example.com`,
      password: `fuzzing ${randomBytes(12).toString('base64url')}`,
    },
  };
}
