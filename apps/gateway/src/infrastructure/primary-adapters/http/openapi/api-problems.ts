import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsResponse } from '@platform/contracts';
import { PROBLEM_CONTENT_TYPE } from '@platform/validation';

/** What each error status means on this API; every one is a Problem Details body (RFC 9457). */
const PROBLEMS = {
  400: 'Malformed or invalid request: `errors` names each field that failed and why.',
  401: 'No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials.',
  403: 'Authenticated, but not allowed to do this (or the CSRF token does not match the cookie).',
  404: 'No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of.',
  409: 'Conflicts with the current state, e.g. the e-mail address is already registered.',
  413: 'The request body is larger than the gateway accepts.',
  412: 'The `If-Match` does not name the current version: the resource changed since it was read; read it again.',
  422: 'Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body.',
  428: 'This change needs `If-Match` with the `ETag` the resource was read with.',
  429: 'Too many requests from this client or for this account; `Retry-After` says when to try again.',
  502: 'An upstream service answered with something the gateway cannot pass on.',
  503: 'An upstream service is unavailable or its circuit is open; `retryable` says whether to try again.',
  504: 'An upstream service did not answer in time.',
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/** Documents the error answers a route (or every route of a controller) can give. */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsResponse),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsResponse) } } },
        ...(status === 429 || status === 503
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
              },
            }
          : {}),
      }),
    ),
  );
}
