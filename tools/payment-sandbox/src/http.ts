import type { IncomingMessage, ServerResponse } from 'node:http';

const BODY_LIMIT_BYTES = 64 * 1024;

/** The error codes of the sandbox's API, with their status and title (one catalogue). */
export const PROBLEMS = {
  invalid_token: { status: 401, title: 'Missing, unknown or expired access token' },
  invalid_request: { status: 400, title: 'The request is invalid' },
  idempotency_key_required: { status: 400, title: 'An Idempotency-Key header of 1-255 visible characters is required' },
  idempotency_key_reused: { status: 422, title: 'The Idempotency-Key was already used with another request' },
  payment_not_found: { status: 404, title: 'No such payment' },
  payment_final: { status: 409, title: 'The payment has succeeded and can no longer change' },
  rate_limited: { status: 429, title: 'Too many requests (injected fault)' },
  provider_unavailable: { status: 503, title: 'The provider is unavailable (injected fault)' },
  not_found: { status: 404, title: 'No such route' },
  method_not_allowed: { status: 405, title: 'Method not allowed on this route' },
  payload_too_large: { status: 413, title: 'The body is larger than 64 KiB' },
  internal_error: { status: 500, title: 'The sandbox failed to handle the request' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/** A request the handler refuses: answered as Problem Details by the server. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    readonly status: number = PROBLEMS[code].status,
  ) {
    super(detail);
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** RFC 9457 Problem Details: `{type, title, status, detail, code}`. */
export function sendProblem(response: ServerResponse, problem: ProblemError, instance?: string): void {
  const text = JSON.stringify({
    type: `urn:payment-sandbox:problem:${problem.code.replace(/_/g, '-')}`,
    title: PROBLEMS[problem.code].title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(instance ? { instance } : {}),
  });
  response.writeHead(problem.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(text),
    ...problem.headers,
  });
  response.end(text);
}

/** The whole body as text; refuses more than 64 KiB. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT_BYTES) throw new ProblemError('payload_too_large', `at most ${BODY_LIMIT_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body parsed as JSON; malformed JSON is an `invalid_request`. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError('invalid_request', 'the body is not valid JSON');
  }
}
