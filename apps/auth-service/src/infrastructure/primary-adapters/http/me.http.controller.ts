import { Body, Controller, Get, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ChangePasswordUseCase } from '../../../application/change-password.use-case.js';
import { GetMeUseCase } from '../../../application/get-me.use-case.js';
import { LogOutEverywhereUseCase } from '../../../application/log-out-everywhere.use-case.js';
import type { Actor } from '../../../domain/role.js';
import { clientContextOf } from './client-context.js';
import { ChangePasswordRequest, type UserResponse } from '@platform/contracts';
import { toUserResponse } from './dto/auth.response-mappers.js';
import { GatewayIdentityGuard } from '@platform/identity';
import { CurrentActor } from './current-actor.js';

/** What a logged-in user does with their own account. */
@Controller('v1/auth')
@UseGuards(GatewayIdentityGuard)
export class MeHttpController {
  constructor(
    @Inject(GetMeUseCase) private readonly getMe: GetMeUseCase,
    @Inject(LogOutEverywhereUseCase) private readonly logOutEverywhere: LogOutEverywhereUseCase,
    @Inject(ChangePasswordUseCase) private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.getMe.execute({ actor }));
  }

  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<void> {
    await this.logOutEverywhere.execute({ actor, ...clientContextOf(request) });
  }

  @Post('change-password')
  @HttpCode(204)
  async changeOwnPassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.changePassword.execute({ actor, ...body, ...clientContextOf(request) });
  }
}
