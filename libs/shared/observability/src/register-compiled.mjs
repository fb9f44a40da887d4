/**
 * The start-up entry of a COMPILED service (the container image, `tools/scripts/build-service.mjs`):
 * `node --import ./dist/libs/shared/observability/src/register-compiled.mjs dist/apps/<service>/src/main.js`.
 * It is register.mjs without the TypeScript loader: import-in-the-middle first (docs/decisions/0004),
 * then telemetry, before main.js and the application's modules are loaded. It imports the compiled
 * `start-from-environment.js`, which exists only in the build output (dist/), never beside this source file.
 */
import { createRequire, register } from 'node:module';

const instrumentedModules = createRequire(import.meta.url)('./sdk/instrumented-modules.json');

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
  // The same filter as register.mjs: only the instrumented packages are wrapped.
  data: {
    include: instrumentedModules.flatMap((name) => [
      name,
      new RegExp(`/node_modules/${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`),
    ]),
  },
});

const { startTelemetryFromEnvironment } = await import('./sdk/start-from-environment.js');
startTelemetryFromEnvironment();
