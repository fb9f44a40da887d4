import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderClientTypes, TYPES_FILE } from '../scripts/client-types.js';

describe('the generated client types', () => {
  it('are generated from the committed contract: edit apps/gateway/openapi.json without `npm run api:generate` and this fails', async () => {
    const committed = await readFile(TYPES_FILE, 'utf8');
    expect(committed, 'src/generated/gateway-api.ts is stale: run `npm run api:generate`').toBe(
      await renderClientTypes(),
    );
  });
});
