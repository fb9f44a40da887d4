import { Controller, Delete, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_PATTERN,
  ChangePasswordRequest,
  EraseMeRequest,
  ErasureAcceptedResponse,
  ErasureResponse,
  JsonWebKeySetResponse,
  ListUsersQuery,
  LogInRequest,
  RefreshTokenRequest,
  RegisterRequest,
  TokenResponse,
  UserPageResponse,
  UserResponse,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { ApiProblems } from './openapi/api-problems.js';
import { ACCESS_TOKEN_SCHEME, REFRESH_COOKIE_SCHEME } from './openapi/api-document.js';
import { RateLimit } from './rate-limit.guard.js';
import { bodyWithCookieToken, clearCookies, moveTokenToCookie, wantsCookie } from './refresh-cookie.js';
import { send, UpstreamForwarder } from './upstream-forwarder.js';

// The routes forward raw requests, so the OpenAPI decorators name the bodies and answers: the
// DTOs of @platform/contracts, the same classes the auth-service validates with.

const REFRESH_TRANSPORT = ApiHeader({
  name: 'X-Refresh-Token-Transport',
  required: false,
  enum: ['cookie'],
  description: 'Browser apps: `cookie` sets the refresh token in an HttpOnly cookie instead of the body.',
});

const CSRF_TOKEN = ApiHeader({
  name: 'X-CSRF-Token',
  required: false,
  description: 'Needed when the refresh token comes from the cookie: the value of the `__Host-csrf_token` cookie.',
});

// OpenAPI's way of saying "no credentials needed": an empty security requirement. A new decorator
// per route: @nestjs/swagger appends later requirements to the array of one it was given, so a
// shared instance leaked the refresh cookie into the security of unrelated routes.
const noCredentials = () => ApiSecurity({});

/** `/v1/auth`: public routes of the auth-service, forwarded; the last four need an access token. */
@ApiTags('auth')
@ApiProblems(400, 429, 502, 503, 504)
@Controller('v1/auth')
export class AuthHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Post('register')
  @RateLimit('auth')
  @ApiOperation({ summary: 'Create an account' })
  @noCredentials()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retry-safe creation: the same key and body get the first answer again; another body gets 422.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN },
  })
  @ApiBody({ type: RegisterRequest })
  @ApiCreatedResponse({ type: UserResponse, description: 'The account was created.' })
  @ApiProblems(409, 413, 422)
  register(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/auth/register', { idempotent: true });
  }

  @Post('login')
  @HttpCode(200)
  @RateLimit('auth')
  @ApiOperation({ summary: 'Log in with e-mail and password' })
  @noCredentials()
  @REFRESH_TRANSPORT
  @ApiBody({ type: LogInRequest })
  @ApiOkResponse({ type: TokenResponse, description: 'A new session: an access token and a refresh token.' })
  @ApiProblems(401)
  async login(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const response = await this.forwarder.exchange('auth', request, '/v1/auth/login');
    await send(reply, wantsCookie(request) ? moveTokenToCookie(reply, response) : response);
  }

  @Post('refresh')
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description: 'The refresh token rotates: the old one stops working, and reusing it revokes the whole session.',
  })
  @noCredentials()
  @ApiSecurity(REFRESH_COOKIE_SCHEME)
  @REFRESH_TRANSPORT
  @CSRF_TOKEN
  @ApiBody({ type: RefreshTokenRequest, required: false, description: 'Optional when the cookie carries the token.' })
  @ApiOkResponse({ type: TokenResponse, description: 'New tokens; the refresh token sent is now spent.' })
  @ApiProblems(401, 403)
  async refresh(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const response = await this.forwarder.exchange('auth', request, '/v1/auth/refresh', bodyWithCookieToken(request));
    await send(reply, wantsCookie(request) ? moveTokenToCookie(reply, response) : response);
  }

  @Post('logout')
  @ApiOperation({ summary: 'End this session (revokes its refresh token)' })
  @noCredentials()
  @ApiSecurity(REFRESH_COOKIE_SCHEME)
  @CSRF_TOKEN
  @ApiBody({ type: RefreshTokenRequest, required: false, description: 'Optional when the cookie carries the token.' })
  @ApiNoContentResponse({ description: 'Logged out; the cookies, if any, are cleared.' })
  @ApiProblems(401, 403)
  async logout(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const response = await this.forwarder.exchange('auth', request, '/v1/auth/logout', bodyWithCookieToken(request));
    if (response.status < 400) clearCookies(reply);
    await send(reply, response);
  }

  @Get('.well-known/jwks.json')
  @ApiOperation({ summary: 'The public keys access tokens are signed with (JWKS)' })
  @noCredentials()
  @ApiOkResponse({ type: JsonWebKeySetResponse, description: 'Current and previous keys; cache for up to 5 minutes.' })
  getJwks(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/auth/.well-known/jwks.json');
  }

  @Post('logout-all')
  @UseGuards(AccessTokenGuard)
  @ApiOperation({ summary: 'End every session of the signed-in user' })
  @ApiBearerAuth(ACCESS_TOKEN_SCHEME)
  @ApiNoContentResponse({ description: 'Every refresh token of the user is revoked.' })
  @ApiProblems(401)
  logoutAll(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/auth/logout-all');
  }

  @Get('me')
  @UseGuards(AccessTokenGuard)
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiBearerAuth(ACCESS_TOKEN_SCHEME)
  @ApiOkResponse({ type: UserResponse, description: 'The user the access token belongs to.' })
  @ApiProblems(401)
  getMe(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/auth/me');
  }

  @Post('change-password')
  @UseGuards(AccessTokenGuard)
  @ApiOperation({ summary: "Change the signed-in user's password" })
  @ApiBearerAuth(ACCESS_TOKEN_SCHEME)
  @ApiBody({ type: ChangePasswordRequest })
  @ApiNoContentResponse({ description: 'Changed; every session of the user, this one included, must log in again.' })
  @ApiProblems(401, 413, 422)
  changePassword(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/auth/change-password');
  }
}

const ERASURE_ACCEPTED = ApiAcceptedResponse({
  type: ErasureAcceptedResponse,
  description:
    'The account is erased at the auth-service (every session ended, credentials and personal fields deleted); ' +
    'the other services erase their part and confirm (docs/decisions/0015).',
});

/** `/v1/me`: the signed-in user's account itself. */
@ApiTags('auth')
@ApiBearerAuth(ACCESS_TOKEN_SCHEME)
@ApiProblems(400, 401, 429, 502, 503, 504)
@Controller('v1/me')
@UseGuards(AccessTokenGuard)
export class AccountHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Delete()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Erase the signed-in user’s account (confirmed with the password)',
    description:
      'Irreversible. A wrong password answers 401 like a wrong current password does; the last admin gets 409.',
  })
  @ApiBody({ type: EraseMeRequest })
  @ERASURE_ACCEPTED
  @ApiProblems(404, 409, 413)
  eraseMe(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/me');
  }
}

/** `/v1/admin`: administration routes; the upstream checks the permissions. */
@ApiTags('admin')
@ApiBearerAuth(ACCESS_TOKEN_SCHEME)
@ApiProblems(400, 401, 403, 429, 502, 503, 504)
@Controller('v1/admin')
@UseGuards(AccessTokenGuard)
export class AdminHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get('users')
  @ApiOperation({ summary: 'List users, newest first, a page at a time' })
  @ApiQuery({ type: ListUsersQuery })
  @ApiOkResponse({ type: UserPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listUsers(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/admin/users');
  }

  @Delete('users/:userId')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Erase a user (irreversible)',
    description:
      'Not the last admin, and not the caller: an admin erases their own account with DELETE /v1/me (409 here).',
  })
  @ApiParam({
    name: 'userId',
    required: true,
    description: 'The user to erase.',
    schema: { type: 'string', format: 'uuid' },
  })
  @ERASURE_ACCEPTED
  @ApiProblems(404, 409)
  eraseUser(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/admin/users/:userId');
  }

  @Get('erasures/:erasureId')
  @ApiOperation({
    summary: 'Where an erasure stands: each service’s confirmation, and which are awaited',
    description: '`overdue`: past the deadline with a service missing (the ErasureNotConfirmed alert fires).',
  })
  @ApiParam({
    name: 'erasureId',
    required: true,
    description: 'The erasure.',
    schema: { type: 'string', format: 'uuid' },
  })
  @ApiOkResponse({ type: ErasureResponse, description: 'The erasure and its confirmations.' })
  @ApiProblems(404)
  getErasure(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('auth', request, reply, '/v1/admin/erasures/:erasureId');
  }
}
