import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { LogInUseCase } from '../../../application/log-in.use-case.js';
import { LogOutUseCase } from '../../../application/log-out.use-case.js';
import { RefreshSessionUseCase } from '../../../application/refresh-session.use-case.js';
import { RegisterUserUseCase } from '../../../application/register-user.use-case.js';
import { clientContextOf } from './client-context.js';
import {
  LogInRequest,
  RefreshTokenRequest,
  RegisterRequest,
  type TokenResponse,
  type UserResponse,
} from '@platform/contracts';
import { toTokenResponse, toUserResponse } from './dto/auth.response-mappers.js';
import { IdempotentRoute } from '@platform/messaging';

/** Registration and the life of a session: log in, refresh, log out. No identity needed. */
@Controller('v1/auth')
export class SessionHttpController {
  constructor(
    @Inject(RegisterUserUseCase) private readonly registerUser: RegisterUserUseCase,
    @Inject(LogInUseCase) private readonly logIn: LogInUseCase,
    @Inject(RefreshSessionUseCase) private readonly refreshSession: RefreshSessionUseCase,
    @Inject(LogOutUseCase) private readonly logOut: LogOutUseCase,
  ) {}

  @Post('register')
  @IdempotentRoute()
  async register(@Body() body: RegisterRequest, @Req() request: FastifyRequest): Promise<UserResponse> {
    return toUserResponse(await this.registerUser.execute({ ...body, ...clientContextOf(request) }));
  }

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LogInRequest, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return toTokenResponse(await this.logIn.execute({ ...body, ...clientContextOf(request) }));
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() body: RefreshTokenRequest, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return toTokenResponse(await this.refreshSession.execute({ ...body, ...clientContextOf(request) }));
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshTokenRequest, @Req() request: FastifyRequest): Promise<void> {
    await this.logOut.execute({ ...body, ...clientContextOf(request) });
  }
}
