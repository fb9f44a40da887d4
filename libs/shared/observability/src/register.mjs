/**
 * The start-up entry of a service: `node --import ./libs/shared/observability/src/register.mjs
 * apps/<service>/src/main.ts`. It replaces `--import @swc-node/register/esm-register`, because
 * the order of the module loader hooks matters:
 *
 * 1. import-in-the-middle first. OpenTelemetry's require-in-the-middle only sees CommonJS
 *    `require`; modules reached through ESM `import` (all of @nestjs/* 12, and kafkajs when
 *    imported from our ESM code) are patched only through this hook.
 * 2. swc-node's TypeScript loader second. Hooks registered later run earlier: with swc-node
 *    registered first (the usual flag), import-in-the-middle runs in front of it, resolves
 *    `export *` targets through a cached swc-node resolve, and swc-node's fallback then resolves
 *    against whichever parent URL another resolution left behind. Nest's modules fail to load
 *    ("Cannot find module .../multipart/interfaces/storage/index.js") or to be wrapped, at random.
 * 3. Then telemetry starts, before main.ts and the application's modules are loaded.
 *
 * This file is plain JavaScript because it has to run before the TypeScript loader exists.
 */
import { createRequire, register } from 'node:module';

const instrumentedModules = createRequire(import.meta.url)('./sdk/instrumented-modules.json');

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
  // Only the instrumented packages are wrapped (a bare name covers `import 'kafkajs'`, the
  // pattern covers files inside the package such as @nestjs/core/router/...); wrapping every
  // module would slow start-up and expose all of them to the loader's edge cases.
  data: {
    include: instrumentedModules.flatMap((name) => [
      name,
      new RegExp(`/node_modules/${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`),
    ]),
  },
});
await import('@swc-node/register/esm-register');

const { startTelemetryFromEnvironment } = await import('./sdk/start-from-environment.ts');
startTelemetryFromEnvironment();
