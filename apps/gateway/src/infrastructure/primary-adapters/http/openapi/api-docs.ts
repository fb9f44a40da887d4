import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const DOCS_PATH = '/docs';
export const OPENAPI_JSON_PATH = '/docs/openapi.json';

// Swagger UI is a page: it needs its own scripts and styles (and inline styles of its HTML), which
// the API's `default-src 'none'` forbids. Only /docs gets this policy; it still loads nothing
// from elsewhere and may not be framed.
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the document at /docs/openapi.json and Swagger UI at /docs. */
export function serveApiDocs(app: NestFastifyApplication, document: OpenAPIObject): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      const path = request.url.split('?', 1)[0] ?? '';
      if (path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`)) reply.header('content-security-policy', DOCS_CSP);
    });
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Platform API',
    // No badge fetched from swagger.io: the page talks to this gateway only.
    swaggerOptions: { validatorUrl: null, persistAuthorization: false },
  });
}
