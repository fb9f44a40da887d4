import { type Tree } from '@nx/devkit';
import type { ServicePorts } from '../ports.js';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const GATEWAY_UPSTREAMS = 'apps/gateway/src/infrastructure/secondary-adapters/upstreams.ts';
export const GATEWAY_CONFIG = 'apps/gateway/src/gateway.config.ts';

/**
 * The gateway knows it as an upstream (`forwarder.forward('<name>', ...)`): its URL and readiness
 * settings with local defaults, and an entry of UPSTREAMS that does not gate the gateway's readiness.
 * Routes are the gateway's to add, with their OpenAPI description.
 */
export function registerGatewayUpstream(tree: Tree, service: ServiceNames, ports: ServicePorts): void {
  const upstream = `${service.constantName}_SERVICE`;
  insertAt(
    tree,
    GATEWAY_UPSTREAMS,
    /^\} as const satisfies Record<string, UpstreamDefinition>;/m,
    [
      `  // ${service.serviceName} down: only its routes answer 503.`,
      `  '${service.name}': {`,
      `    service: '${service.serviceName}',`,
      `    url: (config) => config.${upstream}_URL,`,
      `    readyUrl: (config) => config.${upstream}_READY_URL,`,
      '    gatesReadiness: false,',
      '  },',
      '',
    ].join('\n'),
  );
  insertAt(
    tree,
    GATEWAY_CONFIG,
    /^ {2}\/\*\* Signs the identity headers upstreams trust/m,
    [
      `  /** Base URL of the ${service.serviceName}. */`,
      "  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })",
      `  ${upstream}_URL = 'http://127.0.0.1:${ports.port}';`,
      '',
      `  /** The ${service.serviceName}'s readiness; the gateway stays ready without it (its routes answer 503). */`,
      "  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })",
      `  ${upstream}_READY_URL = 'http://127.0.0.1:${ports.managementPort}/health/ready';`,
      '',
    ].join('\n'),
  );
}
