// notification-service: turns the platform's events into e-mails (and, later, outbound webhooks).
// Started with `node --import ./libs/shared/observability/src/register.mjs apps/notification-service/src/main.ts`
// (tracing is registered before anything else loads).
import { runService } from '@platform/bootstrap';
import { notificationServiceOptions } from './notification-service.js';

await runService(notificationServiceOptions());
