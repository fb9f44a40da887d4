import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Security scheme names the routes refer to. */
export const ACCESS_TOKEN_SCHEME = 'accessToken';
export const REFRESH_COOKIE_SCHEME = 'refreshCookie';

const DESCRIPTION = `The public API of the platform: the only entry for frontend teams.

- **Errors** are Problem Details (RFC 9457, \`application/problem+json\`); branch on \`code\`, show \`detail\`.
- **Correlation**: send \`X-Correlation-ID\` (a safe token) to follow a request through the logs; every answer echoes
  it with \`X-Request-ID\` and \`X-Response-Time\`. W3C \`traceparent\` is continued.
- **Access tokens** are ES256 JWTs from log-in or refresh, sent as \`Authorization: Bearer <token>\`.
- **Browser apps** may keep the refresh token in an HttpOnly cookie (\`X-Refresh-Token-Transport: cookie\` on log-in);
  refresh and log-out then echo the \`__Host-csrf_token\` cookie in \`X-CSRF-Token\`.
- **Concurrency**: an invoice is answered with an \`ETag\`; changing it needs \`If-Match\` with that value (428
  without, 412 when it changed since). Routes that create resources honour an \`Idempotency-Key\`.
- **Rate limits** answer 429 with \`Retry-After\`. **Deprecated** routes answer with \`Deprecation\`, \`Sunset\` and a
  \`Link\` to their successor.`;

/**
 * The OpenAPI 3.1 document of the public API, generated from the controllers' routes and the DTOs
 * of @platform/contracts. Deterministic: the same code gives the same document, key for key, so
 * it can be committed (`apps/gateway/openapi.json`) and compared.
 */
export function buildApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Platform API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .addServer('/', 'The gateway serving this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, ACCESS_TOKEN_SCHEME)
    .addCookieAuth('__Host-refresh_token', { type: 'apiKey', in: 'cookie' }, REFRESH_COOKIE_SCHEME)
    .addTag('auth', 'Registration, sessions and the signed-in user.')
    .addTag('admin', 'Administration; needs the admin role.')
    .addTag('businesses', 'Businesses (tenants) the caller is a member of, and their invoice summary.')
    .addTag('members', 'Who belongs to a business, in which role.')
    .addTag('customers', 'Who a business invoices.')
    .addTag('invoices', 'Drafts, issued and void invoices; changes need `If-Match`.')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Operation ids become the typed client's names: `register`, not `AuthHttpController_register`.
    operationIdFactory: (_controller, method) => method,
  });
  const { openapi, info, servers, tags, paths, components, ...rest } = closeRequestBodies(
    toOpenApi31(document) as OpenAPIObject,
  );
  // The order a reader expects at the top; sorted keys below it.
  return sortKeys(
    {
      openapi,
      info: withoutEmpty(info),
      ...(servers?.length ? { servers } : {}),
      tags,
      paths,
      components,
      ...rest,
    },
    1,
  ) as OpenAPIObject;
}

/**
 * Every service validates bodies with `forbidNonWhitelisted`: a property the DTO does not name is
 * a 400. The contract says so (`additionalProperties: false`) on every schema a request body
 * uses, directly or nested, so that a client generating requests from it never sends one.
 */
function closeRequestBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const pending = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { requestBody?: unknown }>).flatMap((operation) =>
      referencedSchemas(operation?.requestBody),
    ),
  );
  const closed = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const schema = schemas[name];
    if (!schema || closed.has(name)) continue;
    closed.add(name);
    if (schema['properties']) schemas[name] = { ...schema, additionalProperties: false };
    pending.push(...referencedSchemas(schema['properties']));
  }
  return document;
}

// Names of the component schemas `node` refers to (`#/components/schemas/<name>`), at any depth.
function referencedSchemas(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(referencedSchemas);
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
      ? [value.slice('#/components/schemas/'.length)]
      : referencedSchemas(value),
  );
}

// DocumentBuilder leaves `contact: {}` when none is set; an empty object documents nothing.
function withoutEmpty<T extends object>(node: T): T {
  return Object.fromEntries(
    Object.entries(node).filter(
      ([, value]) => !(value && typeof value === 'object' && Object.keys(value).length === 0),
    ),
  ) as T;
}

/**
 * @nestjs/swagger writes 3.0 schemas; 3.1 is JSON Schema 2020-12, where a nullable value is a
 * type union (`type: ['string', 'null']`) and `nullable` does not exist.
 */
export function toOpenApi31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, toOpenApi31(value)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') return { ...converted, type: [converted.type, 'null'] };
  // A nullable reference or composition: "this, or null".
  return { anyOf: [converted, { type: 'null' }] };
}

// Paths and schemas come out in the order Nest discovered them; sorted keys make the document
// independent of it (arrays keep their order, where order means something). Keys above
// `fromDepth` keep the order they have.
function sortKeys(node: unknown, fromDepth = 0): unknown {
  if (Array.isArray(node)) return node.map((item) => sortKeys(item));
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  return Object.fromEntries(
    (fromDepth > 0 ? keys : keys.sort()).map((key) => [
      key,
      sortKeys((node as Record<string, unknown>)[key], Math.max(0, fromDepth - 1)),
    ]),
  );
}
