import { Controller, Delete, Get, HttpCode, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { EraseUserUseCase } from '../../../application/erase-user.use-case.js';
import { ListUsersUseCase } from '../../../application/list-users.use-case.js';
import type { Actor } from '../../../domain/role.js';
import { ListUsersQuery, parseRfc3339, type ErasureAcceptedResponse, type UserPageResponse } from '@platform/contracts';
import { clientContextOf } from './client-context.js';
import { toUserResponse } from './dto/auth.response-mappers.js';
import { GatewayIdentityGuard } from '@platform/identity';
import { CurrentActor } from './current-actor.js';

/** Administration of accounts; the use cases check the `users:read` and `users:manage` permissions. */
@Controller('v1/admin/users')
@UseGuards(GatewayIdentityGuard)
export class AdminUsersHttpController {
  constructor(
    @Inject(ListUsersUseCase) private readonly listUsers: ListUsersUseCase,
    @Inject(EraseUserUseCase) private readonly eraseUser: EraseUserUseCase,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<UserPageResponse> {
    const page = await this.listUsers.execute({
      actor,
      limit: query.limit,
      cursor: query.cursor,
      role: query.role,
      emailContains: query.emailContains,
      createdAfter: query.createdAfter === undefined ? undefined : parseRfc3339(query.createdAfter),
    });
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor ?? null };
  }

  /** Erases another user (docs/decisions/0015); an admin erases their own account at DELETE /v1/me. */
  @Delete(':userId')
  @HttpCode(202)
  async erase(
    @CurrentActor() actor: Actor,
    @Param('userId') userId: string,
    @Req() request: FastifyRequest,
  ): Promise<ErasureAcceptedResponse> {
    const { erasureId, status } = await this.eraseUser.execute({
      actor,
      via: 'admin',
      userId,
      ...clientContextOf(request),
    });
    return { erasureId, status };
  }
}
