import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import {
  AccessTokenVerifier,
  InvalidAccessTokenError,
  type InvalidAccessTokenReason,
  type VerifiedAccessToken,
} from '@platform/identity';
import { RequestContext } from '@platform/logging';
import { DomainError, UpstreamUnavailableError } from '@platform/validation';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RevocationRefusal, TokenRevocations } from '../../secondary-adapters/revocation/token-revocations.js';

/** Injection token of the gateway's access token verifier. */
export const ACCESS_TOKEN_VERIFIER = Symbol('gateway.accessTokenVerifier');

/** Injection token of the check of revoked sessions (docs/decisions/0011-revocation-feed.md). */
export const TOKEN_REVOCATIONS = Symbol('gateway.tokenRevocations');

export type AuthenticatedRequest = FastifyRequest & { caller?: VerifiedAccessToken };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Lets a request through only with a valid access token, verified here against the
 * auth-service's JWKS, and not revoked since it was issued (log-out everywhere, password change).
 * Every refusal is the same 401 for the client; the reason is logged.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    @Inject(TOKEN_REVOCATIONS) private readonly revocations: TokenRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    let caller: VerifiedAccessToken;
    try {
      if (!token) throw new InvalidAccessTokenError('malformed', 'no bearer token');
      caller = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidAccessTokenError)) {
        // The JWKS could not be fetched: the gateway cannot tell, which is not the client's fault.
        throw new UpstreamUnavailableError('auth-service', 'the JWKS of the auth-service is unavailable', {
          cause: error,
        });
      }
      throw refuse(http.getResponse<FastifyReply>(), error.reason);
    }
    RequestContext.set('userId', caller.userId);
    // After the signature: only a token the auth-service really issued is worth a lookup.
    const revoked = await this.revocations.refusal(caller);
    if (revoked) throw refuse(http.getResponse<FastifyReply>(), revoked);
    request.caller = caller;
    return true;
  }
}

/** The one 401 of every refused token; `reason` goes to the log only. */
function refuse(reply: FastifyReply, reason: InvalidAccessTokenReason | RevocationRefusal): DomainError {
  reply.header('www-authenticate', 'Bearer error="invalid_token"');
  return new DomainError('AUTH.INVALID_TOKEN', 'unauthorized', 'A valid access token is required.', {
    details: { reason },
  });
}
