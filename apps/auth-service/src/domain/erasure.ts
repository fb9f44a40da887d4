import { v7 as uuidv7 } from 'uuid';

/** How an erasure was asked for: by the user (with their password) or by an admin. */
export const ERASURE_VIAS = ['self', 'admin'] as const;
export type ErasureVia = (typeof ERASURE_VIAS)[number];

/** `completed`: every confirming service confirmed; `overdue`: the deadline passed with one missing. */
export type ErasureStatus = 'pending' | 'completed' | 'overdue';

/** One service's word that it has done its part. */
export interface ErasureConfirmation {
  service: string;
  confirmedAt: Date;
  recordsChanged: number;
}

/** Every field of an erasure, as a repository stores and restores it. */
export interface ErasureState {
  id: string;
  userId: string;
  requestedAt: Date;
  /** The user themselves (`self`) or the admin who erased them. */
  requestedBy: string;
  requestedVia: ErasureVia;
  /** Every confirming service must have confirmed by then. */
  deadlineAt: Date;
  confirmations: ErasureConfirmation[];
}

export interface ErasureRequest {
  userId: string;
  requestedBy: string;
  requestedVia: ErasureVia;
  at: Date;
  /** How long the services have to confirm. */
  deadlineMs: number;
}

/** Where an erasure stands against the services that must confirm it. */
export interface ErasureProgress {
  status: ErasureStatus;
  /** Confirming services that have not confirmed, in the order given. */
  awaiting: string[];
}

/** The request to erase a user everywhere, and the confirmations of the services (docs/decisions/0015). */
export class Erasure {
  private constructor(private readonly state: ErasureState) {}

  /** A new request with a time-ordered (v7) id and no confirmation yet. */
  static request({ userId, requestedBy, requestedVia, at, deadlineMs }: ErasureRequest): Erasure {
    return new Erasure({
      id: uuidv7(),
      userId,
      requestedAt: at,
      requestedBy,
      requestedVia,
      deadlineAt: new Date(at.getTime() + deadlineMs),
      confirmations: [],
    });
  }

  /** An erasure as stored; repositories call this. */
  static restore(state: ErasureState): Erasure {
    return new Erasure({ ...state, confirmations: [...state.confirmations] });
  }

  get id(): string {
    return this.state.id;
  }
  get userId(): string {
    return this.state.userId;
  }
  get requestedAt(): Date {
    return this.state.requestedAt;
  }
  get requestedBy(): string {
    return this.state.requestedBy;
  }
  get requestedVia(): ErasureVia {
    return this.state.requestedVia;
  }
  get deadlineAt(): Date {
    return this.state.deadlineAt;
  }
  get confirmations(): readonly ErasureConfirmation[] {
    return this.state.confirmations;
  }

  /**
   * The status at `now` for the services that must confirm. A confirmation from a service not in
   * the list is shown but counts for nothing: the list, not the confirmations, says what is done.
   */
  progress(now: Date, confirmingServices: readonly string[]): ErasureProgress {
    const confirmed = new Set(this.state.confirmations.map((confirmation) => confirmation.service));
    const awaiting = confirmingServices.filter((service) => !confirmed.has(service));
    if (awaiting.length === 0) return { status: 'completed', awaiting };
    return { status: now >= this.state.deadlineAt ? 'overdue' : 'pending', awaiting };
  }

  toState(): ErasureState {
    return { ...this.state, confirmations: [...this.state.confirmations] };
  }
}
