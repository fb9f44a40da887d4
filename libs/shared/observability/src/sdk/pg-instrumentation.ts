import type { InstrumentationNodeModuleDefinition } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

type Patch = (moduleExports: unknown, moduleVersion?: string) => unknown;
type Unpatch = (moduleExports?: unknown, moduleVersion?: string) => void;

/** The module's exports, whether it was reached through `require` or through an ESM `import` (a namespace). */
function exportsOf(module: unknown): Record<string, unknown> | undefined {
  if (module === null || (typeof module !== 'object' && typeof module !== 'function')) return undefined;
  const candidate = module as Record<PropertyKey, unknown>;
  return (candidate[Symbol.toStringTag] === 'Module' ? candidate['default'] : candidate) as
    Record<string, unknown> | undefined;
}

/**
 * The prototype whose methods a patch wraps: `Client.prototype` for `pg` (its `Client` export) and
 * for `pg/lib/client.js` / `pg/lib/native/client.js` (the class itself), `Pool.prototype` for `pg-pool`.
 */
function patchedPrototype(module: unknown): object | undefined {
  const exports = exportsOf(module);
  const client = exports?.['Client'] as { prototype?: object } | undefined;
  return client?.prototype ?? (exports?.['prototype'] as object | undefined);
}

/**
 * `@opentelemetry/instrumentation-pg` that wraps each pg class once, however many ways the
 * process reaches `pg`.
 *
 * Upstream patches `Client.prototype.query` every time one of its hooks fires: for
 * `pg/lib/client.js` (pg's own `require`), for `import pg from 'pg'` (import-in-the-middle) and
 * for the first `require('pg')` (TypeORM's driver loading, require-in-the-middle). Before each
 * wrap it unwraps its earlier wrapper, recognised by shimmer's marker on the function currently
 * there. `@platform/monitoring`'s query metrics (`instrumentPostgres`, run by
 * `MonitoringModule.forRoot` between the ESM import and TypeORM's `require`) put their own
 * wrapper on top, which hides that marker: the later patch then wrapped a second time, and every
 * query made two identical `pg.query` spans. Here a prototype already patched by this instance is
 * left as it is (the first wrapper is still in the chain, under whatever was added since).
 */
export class SinglePatchPgInstrumentation extends PgInstrumentation {
  protected override init(): InstrumentationNodeModuleDefinition[] {
    // init() runs inside the base constructor, before any field of this class exists: the
    // set lives in this closure, one per instance.
    const patched = new WeakSet<object>();
    const once =
      (patch: Patch): Patch =>
      (moduleExports, moduleVersion) => {
        const prototype = patchedPrototype(moduleExports);
        if (prototype && patched.has(prototype)) return moduleExports;
        const result = patch(moduleExports, moduleVersion);
        if (prototype) patched.add(prototype);
        return result;
      };
    const forget =
      (unpatch: Unpatch): Unpatch =>
      (moduleExports, moduleVersion) => {
        unpatch(moduleExports, moduleVersion);
        const prototype = patchedPrototype(moduleExports);
        if (prototype) patched.delete(prototype);
      };

    const definitions = super.init();
    for (const definition of definitions) {
      if (definition.patch) definition.patch = once(definition.patch.bind(definition));
      if (definition.unpatch) definition.unpatch = forget(definition.unpatch.bind(definition));
      for (const file of definition.files) {
        file.patch = once(file.patch.bind(file));
        file.unpatch = forget(file.unpatch.bind(file));
      }
    }
    return definitions;
  }
}
