import { Inject, Injectable } from '@nestjs/common';
import { signIdentity } from '@platform/identity';
import type { FastifyReply } from 'fastify';
import { GatewayConfig } from '../../../gateway.config.js';
import { AuthServiceClient } from '../../secondary-adapters/auth-service.client.js';
import type { AuthenticatedRequest } from './access-token.guard.js';

// Headers of the upstream's answer the client may see; everything else (server, set-cookie of
// an upstream, hop-by-hop headers) stays behind the gateway.
const PASSED_BACK = ['content-type', 'retry-after', 'cache-control', 'www-authenticate'];

/**
 * Sends a public request to the upstream that serves it and hands the answer back. Adds the
 * client's address, and for an authenticated caller the signed identity headers; trace context
 * and correlation id travel through the HTTP client.
 */
@Injectable()
export class UpstreamForwarder {
  constructor(
    @Inject(AuthServiceClient) private readonly auth: AuthServiceClient,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
  ) {}

  async toAuthService(request: AuthenticatedRequest, reply: FastifyReply, route: string): Promise<void> {
    // Normalised as the HTTP client will send it, so the signature covers exactly what the upstream sees.
    const target = new URL(request.url, 'http://gateway');
    const path = target.pathname + target.search;
    const headers: Record<string, string> = { 'x-forwarded-for': request.ip };
    const userAgent = request.headers['user-agent'];
    if (typeof userAgent === 'string') headers['user-agent'] = userAgent;
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
    const answer = await this.auth.forward({ method: request.method, path, body: request.body, headers, route });
    reply.status(answer.status);
    for (const name of PASSED_BACK) {
      const value = answer.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    await reply.send(answer.status === 204 ? undefined : answer.body);
  }
}
