import { Body, Controller, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { AddMemberRequest, type MemberResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { AddMemberUseCase } from '../../../application/add-member.use-case.js';
import { toActor, toMemberResponse } from './business.http-mappers.js';
import { IdempotentRoute } from '@platform/messaging';

/** POST /v1/businesses/{businessId}/members: adds a registered user by e-mail; 201 with the member. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class AddMemberHttpController {
  constructor(@Inject(AddMemberUseCase) private readonly addMember: AddMemberUseCase) {}

  @Post(':businessId/members')
  @IdempotentRoute()
  async add(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Body() body: AddMemberRequest,
  ): Promise<MemberResponse> {
    return toMemberResponse(
      await this.addMember.execute({ actor: toActor(identity), businessId, email: body.email, role: body.role }),
    );
  }
}
