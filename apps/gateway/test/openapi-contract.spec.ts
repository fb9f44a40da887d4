import { readFile } from 'node:fs/promises';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { RunningService } from '@platform/bootstrap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../src/gateway.config.js';
import {
  CONTRACT_FILE,
  readServedContract,
  startDocsGateway,
} from '../src/infrastructure/primary-adapters/cli/api-contract.js';

interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<
    string,
    { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, { required?: boolean }> }
  >;
}
type Contract = { openapi: string; paths: Record<string, Record<string, Operation>> };

// The committed contract (apps/gateway/openapi.json) is what frontend teams and the typed client
// build on; these tests keep it equal to what the code serves, and valid.
describe('the public API contract', () => {
  let gateway: RunningService<GatewayConfig>;
  let served: Contract;
  let committed: Contract;

  beforeAll(async () => {
    gateway = await startDocsGateway();
    served = (await readServedContract(gateway.url)) as Contract;
    committed = JSON.parse(await readFile(CONTRACT_FILE, 'utf8')) as Contract;
  }, 60_000);

  afterAll(async () => {
    await gateway?.shutdown('test done');
  });

  it('is what the code serves: change a route or DTO without `npm run api:generate` and this fails', () => {
    expect(served, 'apps/gateway/openapi.json differs from the code: run `npm run api:generate`').toEqual(committed);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(committed.openapi).toBe('3.1.0');
    const config = await createConfig({ extends: ['recommended'], rules: { 'info-license': 'off' } });
    const problems = await lintFromString({
      source: await readFile(CONTRACT_FILE, 'utf8'),
      absoluteRef: CONTRACT_FILE,
      config,
    });
    expect(problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  });

  it('covers every public route, each with its body, its answer and Problem Details errors', () => {
    const routes = Object.entries(committed.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'POST /v1/auth/register',
        'POST /v1/auth/login',
        'POST /v1/auth/refresh',
        'POST /v1/auth/logout',
        'POST /v1/auth/logout-all',
        'GET /v1/auth/me',
        'POST /v1/auth/change-password',
        'GET /v1/admin/users',
        'DELETE /v1/me',
        'DELETE /v1/admin/users/{userId}',
        'GET /v1/admin/erasures/{erasureId}',
        'GET /v1/auth/.well-known/jwks.json',
        'POST /v1/businesses',
        'GET /v1/businesses',
        'GET /v1/businesses/{businessId}',
        'PATCH /v1/businesses/{businessId}',
        'GET /v1/businesses/{businessId}/summary',
        'GET /v1/businesses/{businessId}/members',
        'POST /v1/businesses/{businessId}/members',
        'PATCH /v1/businesses/{businessId}/members/{userId}',
        'DELETE /v1/businesses/{businessId}/members/{userId}',
        'GET /v1/businesses/{businessId}/customers',
        'POST /v1/businesses/{businessId}/customers',
        'GET /v1/businesses/{businessId}/customers/{customerId}',
        'PATCH /v1/businesses/{businessId}/customers/{customerId}',
        'GET /v1/businesses/{businessId}/invoices',
        'POST /v1/businesses/{businessId}/invoices',
        'GET /v1/businesses/{businessId}/invoices/{invoiceId}',
        'PATCH /v1/businesses/{businessId}/invoices/{invoiceId}',
        'DELETE /v1/businesses/{businessId}/invoices/{invoiceId}',
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/issue',
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/void',
        'GET /v1/businesses/{businessId}/invoices/{invoiceId}/payments',
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/payments',
        'POST /v1/businesses/{businessId}/invoices/{invoiceId}/payments/manual',
        'POST /v1/payments/webhooks/sandbox',
        'GET /v1/businesses/{businessId}/recurring-invoices',
        'POST /v1/businesses/{businessId}/recurring-invoices',
        'GET /v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}',
        'PATCH /v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}',
        'DELETE /v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}',
        'GET /v1/admin/jobs',
        'POST /v1/admin/jobs/{name}/runs',
        'GET /v1/businesses/{businessId}/webhook-endpoints',
        'POST /v1/businesses/{businessId}/webhook-endpoints',
        'GET /v1/businesses/{businessId}/webhook-endpoints/{endpointId}',
        'PATCH /v1/businesses/{businessId}/webhook-endpoints/{endpointId}',
        'DELETE /v1/businesses/{businessId}/webhook-endpoints/{endpointId}',
        'POST /v1/businesses/{businessId}/webhook-endpoints/{endpointId}/secret/rotate',
        'GET /v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries',
        'POST /v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver',
        'GET /v1/businesses/{businessId}/notifications',
        'GET /v1/me/notifications',
        'GET /v1/me/notification-preferences',
        'PUT /v1/me/notification-preferences',
        'POST /v1/notifications/unsubscribe',
        'GET /v1/notifications/unsubscribe',
      ].sort(),
    );
    const register = committed.paths['/v1/auth/register']!['post']!;
    expect(register.requestBody!.content['application/json']!.schema.$ref).toBe('#/components/schemas/RegisterRequest');
    expect(register.responses['201']!.content!['application/json']!.schema.$ref).toBe(
      '#/components/schemas/UserResponse',
    );
    for (const methods of Object.values(committed.paths)) {
      for (const operation of Object.values(methods)) {
        const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
        expect(errors.map(([status]) => status)).toEqual(expect.arrayContaining(['429', '502', '503', '504']));
        for (const [, response] of errors) {
          expect(response.content!['application/problem+json']!.schema.$ref).toBe(
            '#/components/schemas/ProblemDetailsResponse',
          );
        }
      }
    }
    const bearer = [{ accessToken: [] }];
    expect(committed.paths['/v1/auth/me']!['get']!.security).toEqual(bearer);
    expect(committed.paths['/v1/admin/users']!['get']!.security).toEqual(bearer);
    expect(committed.paths['/v1/auth/login']!['post']!.security).toEqual([{}]);
    // The provider's webhook carries a signature, not an access token.
    expect(committed.paths['/v1/payments/webhooks/sandbox']!['post']!.security).toEqual([{}]);
    // A mail client follows an unsubscribe link without credentials; the signed token is the authority.
    expect(committed.paths['/v1/notifications/unsubscribe']!['post']!.security).toEqual([{}]);
    expect(committed.paths['/v1/me/notifications']!['get']!.security).toEqual(bearer);
    for (const [path, methods] of Object.entries(committed.paths)) {
      if (path.startsWith('/v1/businesses')) {
        for (const operation of Object.values(methods)) expect(operation.security, path).toEqual(bearer);
      }
    }
  });

  it('states the preconditions of invoice changes: If-Match required, 412 and 428 answered, ETag on a read', () => {
    const invoice = '/v1/businesses/{businessId}/invoices/{invoiceId}';
    const changes = [
      committed.paths[invoice]!['patch']!,
      committed.paths[invoice]!['delete']!,
      committed.paths[`${invoice}/issue`]!['post']!,
      committed.paths[`${invoice}/void`]!['post']!,
    ];
    for (const operation of changes) {
      expect(operation.parameters, operation.operationId).toContainEqual(
        expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
      );
      expect(Object.keys(operation.responses), operation.operationId).toEqual(expect.arrayContaining(['412', '428']));
    }
    expect(committed.paths[invoice]!['get']!.responses['200']!.headers).toHaveProperty('ETag.required', true);
    for (const path of [
      '/v1/businesses',
      '/v1/businesses/{businessId}/customers',
      '/v1/businesses/{businessId}/invoices',
    ]) {
      expect(committed.paths[path]!['post']!.parameters, path).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      );
    }
  });

  it('serves Swagger UI at /docs, under a page policy that loads nothing from elsewhere', async () => {
    const page = await fetch(`${gateway.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/https?:/);
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-init.js', 'swagger-ui.css']) {
      const response = await fetch(`${gateway.url}/docs/${asset}`);
      expect(response.status, asset).toBe(200);
      await response.arrayBuffer();
    }
    // The API itself keeps its strict policy.
    const api = await fetch(`${gateway.url}/v1/auth/me`);
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(api.headers.get('content-security-policy')).not.toContain("script-src 'self'");
  });
});
