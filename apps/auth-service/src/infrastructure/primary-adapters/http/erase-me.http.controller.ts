import { Body, Controller, Delete, HttpCode, Inject, Req, UseGuards } from '@nestjs/common';
import { EraseMeRequest, type ErasureAcceptedResponse } from '@platform/contracts';
import { GatewayIdentityGuard } from '@platform/identity';
import type { FastifyRequest } from 'fastify';
import { EraseUserUseCase } from '../../../application/erase-user.use-case.js';
import type { Actor } from '../../../domain/role.js';
import { clientContextOf } from './client-context.js';
import { CurrentActor } from './current-actor.js';

/** `DELETE /v1/me`: a user erases their own account, confirmed with their password. */
@Controller('v1/me')
@UseGuards(GatewayIdentityGuard)
export class EraseMeHttpController {
  constructor(@Inject(EraseUserUseCase) private readonly eraseUser: EraseUserUseCase) {}

  @Delete()
  @HttpCode(202)
  async eraseMe(
    @CurrentActor() actor: Actor,
    @Body() body: EraseMeRequest,
    @Req() request: FastifyRequest,
  ): Promise<ErasureAcceptedResponse> {
    const { erasureId, status } = await this.eraseUser.execute({
      actor,
      via: 'self',
      password: body.password,
      ...clientContextOf(request),
    });
    return { erasureId, status };
  }
}
