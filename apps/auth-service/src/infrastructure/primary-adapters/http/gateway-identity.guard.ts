import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { verifyIdentity, InvalidIdentityError } from '@platform/identity';
import { RequestContext } from '@platform/logging';
import { DomainError } from '@platform/validation';
import type { FastifyRequest } from 'fastify';
import { isRole, type Actor } from '../../../domain/role.js';
import { AuthConfig } from '../../../auth.config.js';

type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Who is calling: the identity the gateway signed into the request (docs/decisions/0007). */
@Injectable()
export class GatewayIdentityGuard implements CanActivate {
  constructor(@Inject(AuthConfig) private readonly config: AuthConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    try {
      const identity = verifyIdentity(
        request.headers,
        { method: request.method, path: request.url },
        this.config.IDENTITY_SIGNING_KEY,
      );
      request.actor = { userId: identity.userId, roles: identity.roles.filter(isRole) };
      RequestContext.set('userId', identity.userId);
      return true;
    } catch (error) {
      if (!(error instanceof InvalidIdentityError)) throw error;
      throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthorized', 'Authentication is required.', {
        details: { reason: error.reason },
      });
    }
  }
}

/** The actor the guard established; use only on routes behind GatewayIdentityGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without GatewayIdentityGuard');
  return actor;
});
