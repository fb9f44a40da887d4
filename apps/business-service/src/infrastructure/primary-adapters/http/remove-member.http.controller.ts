import { Controller, Delete, HttpCode, Inject, Param, UseGuards } from '@nestjs/common';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { RemoveMemberUseCase } from '../../../application/remove-member.use-case.js';
import { toActor } from './business.http-mappers.js';

/** DELETE /v1/businesses/{businessId}/members/{userId}: 204; the last owner stays (422). */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class RemoveMemberHttpController {
  constructor(@Inject(RemoveMemberUseCase) private readonly removeMember: RemoveMemberUseCase) {}

  @Delete(':businessId/members/:userId')
  @HttpCode(204)
  async remove(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    await this.removeMember.execute({ actor: toActor(identity), businessId, userId });
  }
}
