import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { RateLimit } from './rate-limit.guard.js';
import { bodyWithCookieToken, clearCookies, moveTokenToCookie, wantsCookie } from './refresh-cookie.js';
import { send, UpstreamForwarder } from './upstream-forwarder.js';

/** `/v1/auth`: public routes of the auth-service, forwarded; the last four need an access token. */
@Controller('v1/auth')
export class AuthHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Post('register')
  @RateLimit('auth')
  register(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.toAuthService(request, reply, '/v1/auth/register', { idempotent: true });
  }

  @Post('login')
  @HttpCode(200)
  @RateLimit('auth')
  async login(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const response = await this.forwarder.exchange(request, '/v1/auth/login');
    await send(reply, wantsCookie(request) ? moveTokenToCookie(reply, response) : response);
  }

  @Post('refresh')
  async refresh(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const response = await this.forwarder.exchange(request, '/v1/auth/refresh', bodyWithCookieToken(request));
    await send(reply, wantsCookie(request) ? moveTokenToCookie(reply, response) : response);
  }

  @Post('logout')
  async logout(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const response = await this.forwarder.exchange(request, '/v1/auth/logout', bodyWithCookieToken(request));
    if (response.status < 400) clearCookies(reply);
    await send(reply, response);
  }

  @Get('.well-known/jwks.json')
  jwks(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.toAuthService(request, reply, '/v1/auth/.well-known/jwks.json');
  }

  @Post('logout-all')
  @UseGuards(AccessTokenGuard)
  logoutAll(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.toAuthService(request, reply, '/v1/auth/logout-all');
  }

  @Get('me')
  @UseGuards(AccessTokenGuard)
  me(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.toAuthService(request, reply, '/v1/auth/me');
  }

  @Post('change-password')
  @UseGuards(AccessTokenGuard)
  changePassword(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.toAuthService(request, reply, '/v1/auth/change-password');
  }
}

/** `/v1/admin`: administration routes; the upstream checks the permissions. */
@Controller('v1/admin')
@UseGuards(AccessTokenGuard)
export class AdminHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get('users')
  users(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.toAuthService(request, reply, '/v1/admin/users');
  }
}
