import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Middleware } from 'openapi-fetch';
import { CONTRACT_FILE } from '../../src/infrastructure/primary-adapters/cli/api-contract.js';

type Schema = Record<string, unknown>;
interface Contract {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<
          string,
          { content?: Record<string, { schema: Schema }>; headers?: Record<string, { required?: boolean }> }
        >;
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

// Objects may carry only the properties the contract names: an undocumented field in an answer is
// drift as much as a missing one.
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  return 'properties' in node && !('additionalProperties' in node) ? { ...node, additionalProperties: false } : node;
}

/**
 * Checks every answer the typed client receives against the committed contract: the status must
 * be documented for the operation, the content type too, the body must match its schema, and the
 * headers it calls required (an invoice's `ETag`) must be there.
 * A mismatch rejects the call with what differed, so the test that made it fails right there.
 */
export function contractConformance(contractFile = CONTRACT_FILE): Middleware {
  const contract = JSON.parse(readFileSync(contractFile, 'utf8')) as Contract;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('password', true);
  ajv.addSchema({ $id: 'contract', components: closed(contract.components) });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (schema: Schema): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      const rebased = JSON.parse(key.replaceAll('"#/components/', '"contract#/components/')) as Schema;
      validate = ajv.compile(closed(rebased) as Schema);
      compiled.set(key, validate);
    }
    return validate;
  };

  // Templated paths (`/v1/businesses/{businessId}`) match any one segment where a parameter is.
  const templates = Object.keys(contract.paths)
    .filter((template) => template.includes('{'))
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
    }));
  const templateOf = (path: string): string =>
    contract.paths[path] ? path : (templates.find(({ pattern }) => pattern.test(path))?.template ?? path);

  return {
    async onResponse({ request, response }) {
      const path = new URL(request.url).pathname;
      const where = `${request.method} ${path} → ${response.status}`;
      const operation = contract.paths[templateOf(path)]?.[request.method.toLowerCase()];
      if (!operation) throw new Error(`${where}: the contract has no such operation`);
      const documented = operation.responses[String(response.status)];
      if (!documented) throw new Error(`${where}: status not documented`);
      for (const [name, header] of Object.entries(documented.headers ?? {})) {
        if (header.required && !response.headers.has(name))
          throw new Error(`${where}: required header ${name} missing`);
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (!documented.content) {
        if (response.status !== 204 && mediaType) throw new Error(`${where}: documented without a body`);
        return undefined;
      }
      const body = documented.content[mediaType];
      if (!body) throw new Error(`${where}: content type ${mediaType || '(none)'} not documented`);
      const validate = validatorFor(body.schema);
      if (!validate(await response.clone().json())) {
        const errors = (validate.errors ?? []).map((error) => {
          const extra = (error.params as { additionalProperty?: string }).additionalProperty;
          return `${error.instancePath || '(body)'} ${error.message}${extra ? `: ${extra}` : ''}`;
        });
        throw new Error(`${where}: body does not match the contract: ${errors.join('; ')}`);
      }
      return undefined;
    },
  };
}
