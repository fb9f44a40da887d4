import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiParam, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_PATTERN } from '@platform/contracts';
import { ACCESS_TOKEN_SCHEME } from './openapi/api-document.js';

// What the routes of the business-service (/v1/businesses...) share in the contract. Each is a
// new decorator per use: @nestjs/swagger appends to the metadata of an instance it was given.

/** `/v1/businesses/{businessId}...`: every business route sits under a business the caller belongs to. */
export function businessRoutes(tag: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiBearerAuth(ACCESS_TOKEN_SCHEME));
}

/** A path id of the business API: a UUID; any other id, or one of another business, is a 404. */
export function idParam(name: string, description: string): MethodDecorator & ClassDecorator {
  return ApiParam({ name, required: true, description, schema: { type: 'string', format: 'uuid' } });
}

/** `Idempotency-Key` of routes that create resources, as registration states it. */
export function idempotencyKeyHeader(): MethodDecorator & ClassDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retry-safe creation: the same key and body get the first answer again; another body gets 422.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN },
  });
}

/** `If-Match` of the routes that change a versioned resource (an invoice, a recurring invoice): the `ETag` it was read with. */
export function ifMatchHeader(resource = 'invoice'): MethodDecorator & ClassDecorator {
  return ApiHeader({
    name: 'If-Match',
    required: true,
    description: `The \`ETag\` of the ${resource} as last read (GET it first). Missing: 428; the ${resource} changed since: 412, read it again.`,
    schema: { type: 'string', minLength: 1 },
  });
}

/** The `ETag` header of an answer carrying a versioned resource, for the `responses` of `@ApiOkResponse`. */
export function etagHeader(resource: string) {
  return {
    ETag: {
      description: `The version of the ${resource} in this answer; send it as \`If-Match\` to change it.`,
      required: true,
      schema: { type: 'string' },
    },
  } as const;
}

/** The `ETag` header of an answer carrying an invoice. */
export const INVOICE_ETAG = etagHeader('invoice');
