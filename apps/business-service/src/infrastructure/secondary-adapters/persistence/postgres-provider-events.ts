import type { EntityManager } from 'typeorm';
import type { ProviderEvent, ProviderEventLog } from '../../../application/ports/payment-repository.port.js';

/** ProviderEventLog on `payment_provider_events`, in the transaction of `manager`. */
export class PostgresProviderEvents implements ProviderEventLog {
  constructor(private readonly manager: EntityManager) {}

  async record(event: ProviderEvent): Promise<{ isNew: boolean; applied: boolean }> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO payment_provider_events (provider, event_id, received_at, type, provider_payment_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (provider, event_id) DO NOTHING
       RETURNING event_id`,
      [
        event.provider,
        event.eventId,
        event.receivedAt,
        event.type,
        event.providerPaymentId,
        JSON.stringify(event.payload),
      ],
    );
    if (inserted.length === 1) return { isNew: true, applied: false };
    const [row]: { applied_at: Date | null }[] = await this.manager.query(
      `SELECT applied_at FROM payment_provider_events WHERE provider = $1 AND event_id = $2`,
      [event.provider, event.eventId],
    );
    return { isNew: false, applied: row !== undefined && row.applied_at !== null };
  }

  async markApplied(provider: string, eventId: string, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE payment_provider_events SET applied_at = $3 WHERE provider = $1 AND event_id = $2 AND applied_at IS NULL`,
      [provider, eventId, at],
    );
  }
}
