/** Regenerates `src/generated/gateway-api.ts` from the gateway's contract: part of `npm run api:generate`. */
import { writeFile } from 'node:fs/promises';
import { renderClientTypes, TYPES_FILE } from './client-types.js';

await writeFile(TYPES_FILE, await renderClientTypes());
process.stdout.write(`api:generate: wrote ${TYPES_FILE}\n`);
