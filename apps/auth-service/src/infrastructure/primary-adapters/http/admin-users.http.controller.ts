import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ListUsersUseCase } from '../../../application/list-users.use-case.js';
import type { Actor } from '../../../domain/role.js';
import { ListUsersQuery, parseRfc3339, type UserPageResponse } from '@platform/contracts';
import { toUserResponse } from './dto/auth.response-mappers.js';
import { GatewayIdentityGuard } from '@platform/identity';
import { CurrentActor } from './current-actor.js';

/** Administration of accounts; the use case checks the `users:read` permission. */
@Controller('v1/admin/users')
@UseGuards(GatewayIdentityGuard)
export class AdminUsersHttpController {
  constructor(@Inject(ListUsersUseCase) private readonly listUsers: ListUsersUseCase) {}

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
}
