import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AccessTokenVerifier, InvalidAccessTokenError, type VerifiedAccessToken } from '@platform/identity';
import { RequestContext } from '@platform/logging';
import { DomainError, UpstreamUnavailableError } from '@platform/validation';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Injection token of the gateway's access token verifier. */
export const ACCESS_TOKEN_VERIFIER = Symbol('gateway.accessTokenVerifier');

export type AuthenticatedRequest = FastifyRequest & { caller?: VerifiedAccessToken };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Lets a request through only with a valid access token, verified here against the
 * auth-service's JWKS. Every refusal is the same 401 for the client; the reason is logged.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(@Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    try {
      if (!token) throw new InvalidAccessTokenError('malformed', 'no bearer token');
      request.caller = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidAccessTokenError)) {
        // The JWKS could not be fetched: the gateway cannot tell, which is not the client's fault.
        throw new UpstreamUnavailableError('auth-service', 'the JWKS of the auth-service is unavailable', {
          cause: error,
        });
      }
      http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer error="invalid_token"');
      throw new DomainError('AUTH.INVALID_TOKEN', 'unauthorized', 'A valid access token is required.', {
        details: { reason: error.reason },
      });
    }
    RequestContext.set('userId', request.caller.userId);
    return true;
  }
}
