/**
 * Writes the public API's contract, `apps/gateway/openapi.json`, from the code: `npm run api:generate`
 * (which then regenerates the typed client). Commit both; a test fails while they differ from the code.
 */
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { CONTRACT_FILE, fetchServedContract } from './api-contract.js';

const contract = await fetchServedContract();
const style = await resolveConfig(CONTRACT_FILE);
await writeFile(CONTRACT_FILE, await format(JSON.stringify(contract), { ...style, filepath: CONTRACT_FILE }));
process.stdout.write(`api:generate: wrote ${CONTRACT_FILE}\n`);
