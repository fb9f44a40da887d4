import { Body, Controller, Inject, Param, Patch, UseGuards } from '@nestjs/common';
import { UpdateMemberRequest, type MemberResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ChangeMemberRoleUseCase } from '../../../application/change-member-role.use-case.js';
import { toActor, toMemberResponse } from './business.http-mappers.js';

/** PATCH /v1/businesses/{businessId}/members/{userId}: a member's new role; the last owner stays (422). */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class ChangeMemberRoleHttpController {
  constructor(@Inject(ChangeMemberRoleUseCase) private readonly changeRole: ChangeMemberRoleUseCase) {}

  @Patch(':businessId/members/:userId')
  async change(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('userId') userId: string,
    @Body() body: UpdateMemberRequest,
  ): Promise<MemberResponse> {
    return toMemberResponse(
      await this.changeRole.execute({ actor: toActor(identity), businessId, userId, role: body.role }),
    );
  }
}
