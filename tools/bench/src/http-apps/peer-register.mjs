/**
 * The peer app's start-up entry (`node --import ./tools/bench/src/http-apps/peer-register.mjs
 * peer.main.ts`), as OpenTelemetry's ESM instructions have it: import-in-the-middle's hook first,
 * since Nest 12 is ES modules only and require-in-the-middle never sees `import`; then the
 * TypeScript loader (registered after the hook, so it runs in front of it: the other order loses
 * modules at random, see libs/shared/observability/src/register.mjs); then the SDK, before any
 * application module loads.
 */
import { register } from 'node:module';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
await import('@swc-node/register/esm-register');
await import('./peer-tracing.ts');
