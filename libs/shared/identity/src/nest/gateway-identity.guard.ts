import {
  createParamDecorator,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type Provider,
  type Type,
} from '@nestjs/common';
import { RequestContext } from '@platform/logging';
import { DomainError } from '@platform/validation';
import { InvalidIdentityError, verifyIdentity, type Identity } from '../identity-headers.js';

/** Injection token of the key that signs identity headers (a service's IDENTITY_SIGNING_KEY setting). */
export const IDENTITY_SIGNING_KEY = Symbol('identity.signingKey');

/** An HTTP request as the guard reads it, and where it leaves the verified identity. */
export interface IdentifiedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  identity?: Identity;
}

/**
 * Admits only requests that carry identity headers the gateway signed (docs/decisions/0007),
 * and puts the verified `Identity` on the request (read it with `@CurrentIdentity()`). Anything
 * else is a 401 Problem Details `AUTH.UNAUTHENTICATED`, whose `reason` says which check failed.
 */
@Injectable()
export class GatewayIdentityGuard implements CanActivate {
  constructor(@Inject(IDENTITY_SIGNING_KEY) private readonly key: string) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<IdentifiedRequest>();
    try {
      // request.url keeps the query string: the gateway signed the path as it forwarded it.
      request.identity = verifyIdentity(request.headers, { method: request.method, path: request.url }, this.key);
    } catch (error) {
      if (!(error instanceof InvalidIdentityError)) throw error;
      throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthorized', 'Authentication is required.', {
        details: { reason: error.reason },
      });
    }
    RequestContext.set('userId', request.identity.userId);
    return true;
  }
}

/** The identity GatewayIdentityGuard verified on `request`; throws when the guard did not run. */
export function requestIdentity(request: IdentifiedRequest): Identity {
  if (!request.identity) throw new Error('the route reads the caller identity but is not behind GatewayIdentityGuard');
  return request.identity;
}

/** Parameter decorator: the caller's verified `Identity`, on routes behind GatewayIdentityGuard. */
export const CurrentIdentity = createParamDecorator((_: unknown, context: ExecutionContext): Identity =>
  requestIdentity(context.switchToHttp().getRequest<IdentifiedRequest>()),
);

/**
 * The providers GatewayIdentityGuard needs, with the key read from the service's configuration
 * class (every service calls its setting IDENTITY_SIGNING_KEY): `providers: [...gatewayIdentityProviders(MyConfig)]`.
 */
export function gatewayIdentityProviders(config: Type<{ IDENTITY_SIGNING_KEY: string }>): Provider[] {
  return [
    {
      provide: IDENTITY_SIGNING_KEY,
      inject: [config],
      useFactory: (settings: { IDENTITY_SIGNING_KEY: string }) => settings.IDENTITY_SIGNING_KEY,
    },
    GatewayIdentityGuard,
  ];
}
