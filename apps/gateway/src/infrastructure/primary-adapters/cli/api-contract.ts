import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { bootstrapService, type RunningService } from '@platform/bootstrap';
import type { GatewayConfig } from '../../../gateway.config.js';
import { gatewayService } from '../../../gateway.service.js';
import { OPENAPI_JSON_PATH } from '../http/openapi/api-docs.js';

/** The committed contract of the public API; `npm run api:generate` rewrites it. */
export const CONTRACT_FILE = fileURLToPath(new URL('../../../../openapi.json', import.meta.url));

/**
 * A gateway built from this code, in-process on free loopback ports, serving its docs (no upstream
 * is needed for that). Shut it down when done.
 */
export function startDocsGateway(): Promise<RunningService<GatewayConfig>> {
  return bootstrapService({
    ...gatewayService,
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      MANAGEMENT_PORT: '0',
      LOG_LEVEL: 'error',
      // Only to pass configuration: nothing is signed while the docs are read.
      IDENTITY_SIGNING_KEY: randomBytes(32).toString('base64url'),
      // No broker there: the revocation feed keeps retrying in the background, no token is checked.
      KAFKA_BROKERS: '127.0.0.1:9',
    },
    handleSignals: false,
    logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
}

/** The OpenAPI document a gateway serves at /docs/openapi.json. */
export async function readServedContract(gatewayUrl: string): Promise<unknown> {
  const response = await fetch(`${gatewayUrl}${OPENAPI_JSON_PATH}`);
  if (!response.ok) throw new Error(`GET ${OPENAPI_JSON_PATH} answered ${response.status}`);
  return response.json();
}

/** The OpenAPI document a gateway built from this code serves: started, read, stopped. */
export async function fetchServedContract(): Promise<unknown> {
  const gateway = await startDocsGateway();
  try {
    return await readServedContract(gateway.url);
  } finally {
    await gateway.shutdown('contract read');
  }
}
