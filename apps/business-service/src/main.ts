// business-service: businesses, their members, customers and invoices. Started with
// `node --import ./libs/shared/observability/src/register.mjs apps/business-service/src/main.ts`
// (tracing is registered before anything else loads).
import { runService } from '@platform/bootstrap';
import { businessServiceOptions } from './business-service.js';

await runService(businessServiceOptions());
