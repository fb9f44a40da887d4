// gateway: the public HTTP entry for frontend teams. Started with
// `node --import ./libs/shared/observability/src/register.mjs apps/gateway/src/main.ts`.
import { runService } from '@platform/bootstrap';
import { httpCheck } from '@platform/monitoring';
import { AppModule } from './app.module.js';
import { GatewayConfig } from './gateway.config.js';
import { applyBrowserSecurity } from './infrastructure/primary-adapters/http/browser-security.js';

await runService({
  name: 'gateway',
  module: AppModule,
  config: GatewayConfig,
  configure: applyBrowserSecurity,
  // Ready only when its upstream is: a gateway that cannot reach auth serves nothing useful.
  readiness: (config) => [httpCheck({ name: 'auth-service', url: config.AUTH_SERVICE_READY_URL })],
});
