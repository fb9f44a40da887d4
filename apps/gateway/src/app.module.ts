import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GatewayConfig } from './gateway.config.js';
import { ACCESS_TOKEN_VERIFIER, AccessTokenGuard } from './infrastructure/primary-adapters/http/access-token.guard.js';
import {
  AdminHttpController,
  AuthHttpController,
} from './infrastructure/primary-adapters/http/auth.http.controller.js';
import { DeprecationInterceptor } from './infrastructure/primary-adapters/http/deprecation.js';
import { UpstreamForwarder } from './infrastructure/primary-adapters/http/upstream-forwarder.js';
import { AuthServiceClient } from './infrastructure/secondary-adapters/auth-service.client.js';
import { jwksAccessTokenVerifier } from './infrastructure/secondary-adapters/jwks-access-token-verifier.js';

/** The public entry: verifies access tokens, forwards /v1 routes to the services. */
@Module({
  controllers: [AuthHttpController, AdminHttpController],
  providers: [
    {
      provide: AuthServiceClient,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => new AuthServiceClient(config.AUTH_SERVICE_URL, config.UPSTREAM_TIMEOUT_MS),
    },
    {
      provide: ACCESS_TOKEN_VERIFIER,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) =>
        jwksAccessTokenVerifier({
          authServiceUrl: config.AUTH_SERVICE_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          timeoutMs: config.UPSTREAM_TIMEOUT_MS,
          cooldownSeconds: config.JWKS_COOLDOWN_SECONDS,
        }),
    },
    AccessTokenGuard,
    UpstreamForwarder,
    { provide: APP_INTERCEPTOR, useClass: DeprecationInterceptor },
  ],
})
export class AppModule {}
