// gateway: the public HTTP entry for frontend teams. Started with
// `node --import ./libs/shared/observability/src/register.mjs apps/gateway/src/main.ts`.
import { runService } from '@platform/bootstrap';
import { gatewayService } from './gateway.service.js';

await runService(gatewayService);
