import { ErasureNotFoundError } from '../domain/auth.errors.js';
import type { ErasureConfirmation, ErasureStatus, ErasureVia } from '../domain/erasure.js';
import { assertPermission, type Actor } from '../domain/role.js';
import type { ErasureOptions } from './erasure-options.js';
import type { AuthPorts } from './ports/auth-ports.js';

export interface GetErasureInput {
  actor: Actor;
  erasureId: string;
}

/** An erasure as admins see it: its request, the confirmations, and what is still awaited. */
export interface ErasureView {
  id: string;
  userId: string;
  requestedAt: Date;
  requestedVia: ErasureVia;
  deadlineAt: Date;
  status: ErasureStatus;
  confirmations: readonly ErasureConfirmation[];
  awaiting: string[];
}

/** Where an erasure stands (`GET /v1/admin/erasures/{id}`), for admins. */
export class GetErasureUseCase {
  constructor(
    private readonly ports: Pick<AuthPorts, 'erasures' | 'clock'>,
    private readonly options: ErasureOptions,
  ) {}

  async execute({ actor, erasureId }: GetErasureInput): Promise<ErasureView> {
    assertPermission(actor, 'users:read');
    const erasure = await this.ports.erasures.findById(erasureId);
    if (!erasure) throw new ErasureNotFoundError(erasureId);
    const { status, awaiting } = erasure.progress(this.ports.clock.now(), this.options.confirmingServices);
    return {
      id: erasure.id,
      userId: erasure.userId,
      requestedAt: erasure.requestedAt,
      requestedVia: erasure.requestedVia,
      deadlineAt: erasure.deadlineAt,
      status,
      confirmations: erasure.confirmations,
      awaiting,
    };
  }
}
