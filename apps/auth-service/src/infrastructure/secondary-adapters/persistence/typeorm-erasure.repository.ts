import { validate as isUuid } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { ErasureRepository } from '../../../application/ports/erasure-repository.port.js';
import { Erasure, type ErasureConfirmation, type ErasureVia } from '../../../domain/erasure.js';
import type { TypeOrmRepositoryOptions } from './typeorm-repository-options.js';

interface ErasureRow {
  id: string;
  user_id: string;
  requested_at: Date;
  requested_by: string;
  requested_via: ErasureVia;
  deadline_at: Date;
  confirmations: { service: string; confirmed_at: string; records_changed: number }[];
}

/**
 * ErasureRepository on PostgreSQL (`erasures`, `erasure_confirmations`). Inside a unit of work
 * (`lock: true`) `findById` locks the erasure row, so that confirmations of one erasure queue.
 */
export class TypeOrmErasureRepository implements ErasureRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly options: TypeOrmRepositoryOptions,
  ) {}

  async add(erasure: Erasure): Promise<void> {
    const state = erasure.toState();
    await this.manager.query(
      `INSERT INTO erasures (id, user_id, requested_at, requested_by, requested_via, deadline_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [state.id, state.userId, state.requestedAt, state.requestedBy, state.requestedVia, state.deadlineAt],
    );
  }

  async findById(id: string): Promise<Erasure | undefined> {
    if (!isUuid(id)) return undefined;
    const lock = this.options.lock ? 'FOR UPDATE OF e' : '';
    const [row] = (await this.manager.query(
      `SELECT e.*,
              COALESCE((SELECT json_agg(json_build_object('service', c.service, 'confirmed_at', c.confirmed_at,
                                                          'records_changed', c.records_changed)
                                        ORDER BY c.confirmed_at, c.service)
                          FROM erasure_confirmations c WHERE c.erasure_id = e.id), '[]'::json) AS confirmations
         FROM erasures e WHERE e.id = $1 ${lock}`,
      [id],
    )) as ErasureRow[];
    return row ? toErasure(row) : undefined;
  }

  async recordConfirmation(erasureId: string, confirmation: ErasureConfirmation): Promise<boolean> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO erasure_confirmations (erasure_id, service, confirmed_at, records_changed)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (erasure_id, service) DO NOTHING
       RETURNING 1`,
      [erasureId, confirmation.service, confirmation.confirmedAt, confirmation.recordsChanged],
    );
    return inserted.length > 0;
  }

  async countOverdue(now: Date, confirmingServices: readonly string[]): Promise<number> {
    if (confirmingServices.length === 0) return 0;
    const [{ overdue }] = (await this.manager.query(
      `SELECT count(*)::int AS overdue FROM erasures e
        WHERE e.deadline_at <= $1
          AND (SELECT count(*) FROM erasure_confirmations c
                WHERE c.erasure_id = e.id AND c.service = ANY($2::text[])) < $3`,
      [now, confirmingServices, confirmingServices.length],
    )) as [{ overdue: number }];
    return overdue;
  }
}

function toErasure(row: ErasureRow): Erasure {
  return Erasure.restore({
    id: row.id,
    userId: row.user_id,
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    requestedVia: row.requested_via,
    deadlineAt: row.deadline_at,
    confirmations: row.confirmations.map((c) => ({
      service: c.service,
      // json_build_object renders timestamptz as ISO-8601 with its offset, to the microsecond.
      confirmedAt: new Date(c.confirmed_at),
      recordsChanged: c.records_changed,
    })),
  });
}
