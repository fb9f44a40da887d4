// auth-service: users, credentials, tokens and JWKS. Started with
// `node --import ./libs/shared/observability/src/register.mjs apps/auth-service/src/main.ts`
// (tracing is registered before anything else loads).
import { runService } from '@platform/bootstrap';
import { authServiceOptions } from './auth-service.js';

await runService(authServiceOptions());
