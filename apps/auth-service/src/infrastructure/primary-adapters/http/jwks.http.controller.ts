import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { JsonWebKeySetResponse } from '@platform/contracts';
import { JwtKeyRing } from '../../secondary-adapters/crypto/jwt-key-ring.js';

/** The public keys access tokens are verified with (RFC 7517), for the gateway. */
@Controller('v1/auth/.well-known')
export class JwksHttpController {
  constructor(@Inject(JwtKeyRing) private readonly keys: JwtKeyRing) {}

  @Get('jwks.json')
  // Short enough that a rotated key reaches verifiers well within an access token's lifetime.
  @Header('cache-control', 'public, max-age=300')
  jwks(): JsonWebKeySetResponse {
    return this.keys.publicJwks();
  }
}
