import { describe, expect, it } from 'vitest';
import { createInstrumentations } from './instrumentations.js';
import instrumentedModules from './instrumented-modules.json' with { type: 'json' };

describe('instrumented-modules.json', () => {
  it('lists every module an instrumentation patches, so the ESM loader hook intercepts it', () => {
    const patched = createInstrumentations().flatMap((instrumentation) => {
      const names = instrumentation.getModuleDefinitions().map((definition) => definition.name);
      instrumentation.disable();
      return names;
    });
    expect([...new Set(patched)].sort()).toEqual([...instrumentedModules].sort());
  });
});
