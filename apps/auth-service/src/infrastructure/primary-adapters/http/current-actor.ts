import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestIdentity, type IdentifiedRequest } from '@platform/identity';
import { isRole, type Actor } from '../../../domain/role.js';

/**
 * The caller as the use cases see it: the identity GatewayIdentityGuard verified, with only the
 * roles this build knows. Use only on routes behind GatewayIdentityGuard.
 */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const { userId, roles } = requestIdentity(context.switchToHttp().getRequest<IdentifiedRequest>());
  return { userId, roles: roles.filter(isRole) };
});
