import type { GatewayConfig } from '../../gateway.config.js';
import { UpstreamClient } from './upstream.client.js';

interface UpstreamDefinition {
  /** `upstream` label of metrics and spans, and the readiness check's name. */
  service: string;
  url: (config: GatewayConfig) => string;
  readyUrl: (config: GatewayConfig) => string;
  /** Whether the gateway is ready only while this upstream is. */
  gatesReadiness: boolean;
}

/** The services the gateway forwards to, by the name its routes use. */
export const UPSTREAMS = {
  // The gateway verifies every access token with the auth-service's JWKS: without it, nothing works.
  auth: {
    service: 'auth-service',
    url: (config) => config.AUTH_SERVICE_URL,
    readyUrl: (config) => config.AUTH_SERVICE_READY_URL,
    gatesReadiness: true,
  },
  // Business down: the gateway stays ready and only business routes answer 503 Problem Details.
  business: {
    service: 'business-service',
    url: (config) => config.BUSINESS_SERVICE_URL,
    readyUrl: (config) => config.BUSINESS_SERVICE_READY_URL,
    gatesReadiness: false,
  },
  // Notification down: webhook-endpoint and notification routes answer 503; nothing else is affected.
  notification: {
    service: 'notification-service',
    url: (config) => config.NOTIFICATION_SERVICE_URL,
    readyUrl: (config) => config.NOTIFICATION_SERVICE_READY_URL,
    gatesReadiness: false,
  },
} as const satisfies Record<string, UpstreamDefinition>;

export type UpstreamName = keyof typeof UPSTREAMS;

/** One HTTP client per upstream of UPSTREAMS, built from the gateway's configuration. */
export class Upstreams {
  private readonly clients = new Map<UpstreamName, UpstreamClient>();

  constructor(config: GatewayConfig) {
    for (const [name, upstream] of Object.entries(UPSTREAMS) as [UpstreamName, UpstreamDefinition][]) {
      this.clients.set(name, new UpstreamClient(upstream.service, upstream.url(config), config.UPSTREAM_TIMEOUT_MS));
    }
  }

  client(name: UpstreamName): UpstreamClient {
    const client = this.clients.get(name);
    if (!client) throw new Error(`unknown upstream ${name}`);
    return client;
  }
}
