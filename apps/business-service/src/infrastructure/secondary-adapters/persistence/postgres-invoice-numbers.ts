import type { EntityManager } from 'typeorm';
import type { InvoiceNumberSequence } from '../../../application/ports/invoice-repository.port.js';

/**
 * InvoiceNumberSequence on `invoice_number_sequences`, in the transaction of `manager`. The upsert
 * takes the (business, year) row's lock and keeps it until the issuing transaction ends: a
 * concurrent issue of the same business waits on it and then reads the committed number, and a
 * rollback restores the previous one, so numbers are gapless and never reused.
 */
export class PostgresInvoiceNumbers implements InvoiceNumberSequence {
  constructor(private readonly manager: EntityManager) {}

  async next(businessId: string, year: number): Promise<number> {
    const [row]: { last_number: number }[] = await this.manager.query(
      `INSERT INTO invoice_number_sequences (business_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (business_id, year) DO UPDATE SET last_number = invoice_number_sequences.last_number + 1
       RETURNING last_number`,
      [businessId, year],
    );
    if (!row) throw new Error('the invoice number upsert returned no row');
    return row.last_number;
  }
}
