import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { PageQuery, type MemberPageResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ListMembersUseCase } from '../../../application/list-members.use-case.js';
import { toActor, toMemberResponse, toPageResponse } from './business.http-mappers.js';

/** GET /v1/businesses/{businessId}/members: the members, in the order they joined. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class ListMembersHttpController {
  constructor(@Inject(ListMembersUseCase) private readonly listMembers: ListMembersUseCase) {}

  @Get(':businessId/members')
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Query() query: PageQuery,
  ): Promise<MemberPageResponse> {
    const page = await this.listMembers.execute({
      actor: toActor(identity),
      businessId,
      limit: query.limit,
      cursor: query.cursor,
    });
    return toPageResponse(page, toMemberResponse);
  }
}
