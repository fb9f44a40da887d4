import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** The contract the client is generated from: the gateway's committed OpenAPI document. */
export const CONTRACT_FILE = fileURLToPath(new URL('../../../apps/gateway/openapi.json', import.meta.url));

/** Where the generated types live; never edited by hand. */
export const TYPES_FILE = fileURLToPath(new URL('../src/generated/gateway-api.ts', import.meta.url));

const HEADER = `// Generated from apps/gateway/openapi.json by \`npm run api:generate\` (openapi-typescript).
// Do not edit: change the gateway's DTOs or routes and generate again.
`;

/** The TypeScript types of the contract (`paths`, `components`, `operations`), formatted as committed. */
export async function renderClientTypes(contractFile = CONTRACT_FILE): Promise<string> {
  const contract = JSON.parse(await readFile(contractFile, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(contract, { alphabetize: true });
  const style = await resolveConfig(TYPES_FILE);
  return format(HEADER + astToString(ast), { ...style, filepath: TYPES_FILE });
}
