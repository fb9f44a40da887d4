import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENCY_KEY_PATTERN } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { getLogger } from '@platform/logging';
import { DomainError } from '@platform/validation';
import type { FastifyReply } from 'fastify';
import { GatewayConfig } from '../../../gateway.config.js';
import { Upstreams, type UpstreamName } from '../../secondary-adapters/upstreams.js';
import type { IdempotencyStore, StoredResponse } from '../../secondary-adapters/idempotency/idempotency-store.js';
import type { AuthenticatedRequest } from './access-token.guard.js';

// Headers of the upstream's answer the client may see; everything else (server, set-cookie of
// an upstream, hop-by-hop headers) stays behind the gateway. `etag` is the version a client
// sends back as `if-match` (optimistic concurrency); `location` names a created resource by its
// public path, which upstreams share with the gateway.
const PASSED_BACK = ['content-type', 'retry-after', 'cache-control', 'www-authenticate', 'etag', 'location'];

// Headers of the client's request the upstream sees besides those the gateway sets: preconditions.
const PASSED_ON = ['user-agent', 'if-match'];

/** How one route is forwarded, besides its upstream and route template. */
export interface ForwardOptions {
  /** Honours an `Idempotency-Key` (routes that create resources). */
  idempotent?: boolean;
  /** Request headers this route passes on as they are, besides PASSED_ON (`idempotency-key`, `webhook-signature`). */
  passOn?: readonly string[];
  /** Sends the exact bytes received instead of re-serialised JSON: a signature over the body (webhooks) must still match. */
  rawBody?: boolean;
}

/** Injection token of the idempotency-key store (memory, or Redis when REDIS_URL is set). */
export const IDEMPOTENCY_STORE = Symbol('gateway.idempotencyStore');

const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * Sends a public request to the upstream that serves it (one of UPSTREAMS) and hands the answer
 * back. Adds the client's address, and for an authenticated caller the signed identity headers;
 * trace context and correlation id travel through the HTTP client. Routes that create resources honour an
 * `Idempotency-Key`: the same key with the same body gets the first answer again, with another
 * body a 422; the upstream gets the key too, so a retry after a 5xx does not run twice there.
 */
@Injectable()
export class UpstreamForwarder {
  private readonly log = getLogger('UpstreamForwarder');

  constructor(
    @Inject(Upstreams) private readonly upstreams: Upstreams,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}

  /**
   * Forwards to `upstream` and answers the client with its answer. `route` is the route template
   * (`/v1/businesses/:businessId`), the label of metrics and spans; see ForwardOptions.
   */
  async forward(
    upstream: UpstreamName,
    request: AuthenticatedRequest,
    reply: FastifyReply,
    route: string,
    options: ForwardOptions = {},
  ): Promise<void> {
    const key = request.headers['idempotency-key'];
    if (options.idempotent && key !== undefined)
      return this.idempotently(upstream, request, reply, route, key, options);
    await send(reply, await this.call(upstream, request, route, undefined, options));
  }

  private async idempotently(
    upstream: UpstreamName,
    request: AuthenticatedRequest,
    reply: FastifyReply,
    route: string,
    key: string | string[],
    options: ForwardOptions,
  ): Promise<void> {
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new DomainError(
        'GATEWAY.INVALID_IDEMPOTENCY_KEY',
        'validation',
        'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      );
    }
    // Keys are the caller's own: another client using the same key is another request.
    const scope = request.caller?.userId ?? request.ip;
    const storeKey = sha256(`${request.method} ${route} ${scope} ${key}`);
    const fingerprint = sha256(JSON.stringify(request.body ?? null));
    let held;
    try {
      held = await this.idempotency.reserve(storeKey, fingerprint, IDEMPOTENCY_TTL_MS);
    } catch (error) {
      // Without the store the request still runs once; only a retry would not be recognised.
      this.log.warn('idempotency store unavailable; forwarding without it', { error });
      await send(reply, await this.call(upstream, request, route, undefined, options));
      return;
    }
    if (held) {
      if (held.fingerprint !== fingerprint) {
        throw new DomainError(
          'GATEWAY.IDEMPOTENCY_KEY_REUSED',
          'business_rule',
          'This Idempotency-Key was already used with a different request.',
        );
      }
      if (held.state === 'in-progress') {
        throw new DomainError(
          'GATEWAY.IDEMPOTENCY_IN_PROGRESS',
          'conflict',
          'A request with this Idempotency-Key is still in progress.',
          {
            retryAfterSeconds: 1,
          },
        );
      }
      reply.header('idempotent-replayed', 'true');
      await send(reply, held.response);
      return;
    }
    // The upstream remembers the key with the effect it commits (@IdempotentRoute of @platform/messaging):
    // a retry forwarded after a 5xx or a timeout gets the first effect's answer, not a second effect.
    // The store key is already scoped to caller and route; a route that passes the client's own key on
    // (payments, with their own semantics) keeps it.
    const upstreamKey = options.passOn?.includes('idempotency-key') ? undefined : storeKey;
    let response: StoredResponse;
    try {
      response = await this.call(upstream, request, route, undefined, options, upstreamKey);
    } catch (error) {
      await this.idempotency.release(storeKey).catch(() => undefined);
      throw error;
    }
    // A server error may pass on a retry, and an answer that asks to come back later (the upstream's
    // 409 while the first request is still running) is not the answer: the key is freed for the retry.
    // Anything else is the answer.
    if (response.status >= 500 || response.headers['retry-after'] !== undefined)
      await this.idempotency.release(storeKey).catch(() => undefined);
    else await this.idempotency.complete(storeKey, fingerprint, response, IDEMPOTENCY_TTL_MS).catch(() => undefined);
    await send(reply, response);
  }

  /** Forwards without answering the client: for routes that adapt the upstream's answer first. */
  exchange(
    upstream: UpstreamName,
    request: AuthenticatedRequest,
    route: string,
    body?: unknown,
  ): Promise<StoredResponse> {
    return this.call(upstream, request, route, body);
  }

  private async call(
    upstream: UpstreamName,
    request: AuthenticatedRequest,
    route: string,
    body: unknown = request.body,
    options: ForwardOptions = {},
    idempotencyKey?: string,
  ): Promise<StoredResponse> {
    // Normalised as the HTTP client will send it, so the signature covers exactly what the upstream sees.
    const target = new URL(request.url, 'http://gateway');
    const path = target.pathname + target.search;
    const headers: Record<string, string> = { 'x-forwarded-for': request.ip };
    for (const name of [...PASSED_ON, ...(options.passOn ?? [])]) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    if (request.caller) {
      Object.assign(
        headers,
        signIdentity(
          {
            userId: request.caller.userId,
            roles: [...request.caller.roles],
            tokenIssuedAt: Math.floor(request.caller.issuedAt.getTime() / 1000),
          },
          { method: request.method, path },
          this.config.IDENTITY_SIGNING_KEY,
        ),
      );
    }
    const raw = options.rawBody ? (request as { rawBody?: Buffer }).rawBody : undefined;
    const answer = await this.upstreams
      .client(upstream)
      .forward({ method: request.method, path, body: raw ? raw.toString('utf8') : body, headers, route });
    const passed: Record<string, string> = {};
    for (const name of PASSED_BACK) {
      const value = answer.headers.get(name);
      if (value !== null) passed[name] = value;
    }
    return { status: answer.status, headers: passed, body: answer.body };
  }
}

/** Answers the client with an upstream's answer. */
export async function send(reply: FastifyReply, response: StoredResponse): Promise<void> {
  reply.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  await reply.send(response.status === 204 ? undefined : response.body);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
