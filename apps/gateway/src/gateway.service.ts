import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceOptions } from '@platform/bootstrap';
import { eventFeedCheck } from '@platform/messaging';
import { httpCheck } from '@platform/monitoring';
import { AppModule } from './app.module.js';
import { GatewayConfig } from './gateway.config.js';
import { applyBrowserSecurity } from './infrastructure/primary-adapters/http/browser-security.js';
import { buildApiDocument } from './infrastructure/primary-adapters/http/openapi/api-document.js';
import { serveApiDocs } from './infrastructure/primary-adapters/http/openapi/api-docs.js';
import { RevocationFeed } from './infrastructure/secondary-adapters/revocation/revocation-feed.js';
import { UPSTREAMS } from './infrastructure/secondary-adapters/upstreams.js';

/** The version of the public API's contract (`info.version` of the OpenAPI document). */
export const PUBLIC_API_VERSION = '1.0.0';

/** How the gateway starts: `main.ts` runs it, tests and the OpenAPI writer start it in-process. */
export const gatewayService: ServiceOptions<GatewayConfig> = {
  name: 'gateway',
  module: AppModule,
  config: GatewayConfig,
  configure: async (app: NestFastifyApplication, config: GatewayConfig) => {
    await applyBrowserSecurity(app, config);
    serveApiDocs(app, buildApiDocument(app, PUBLIC_API_VERSION));
  },
  // Ready only when the upstreams that gate readiness are (UPSTREAMS says which, and why), and
  // once it has replayed the revocations of the last token lifetime (docs/decisions/0011).
  readiness: (config) => [
    ...Object.values(UPSTREAMS)
      .filter((upstream) => upstream.gatesReadiness)
      .map((upstream) => httpCheck({ name: upstream.service, url: upstream.readyUrl(config) })),
    eventFeedCheck({
      name: 'revocation-feed',
      feed: ({ moduleRef }) => moduleRef.get(RevocationFeed, { strict: false }).feed,
    }),
  ],
};
