import type { EntityManager } from 'typeorm';
import { validate as isUuid } from 'uuid';
import type { PaymentRepository } from '../../../application/ports/payment-repository.port.js';
import { Payment, type PaymentMethod, type PaymentState, type PaymentStatus } from '../../../domain/payment.js';

interface PaymentRow {
  id: string;
  business_id: string;
  invoice_id: string;
  // bigint comes back as text: converted once here.
  amount_minor: string;
  currency: string;
  method: PaymentMethod;
  provider: string | null;
  provider_payment_id: string | null;
  status: PaymentStatus;
  checkout_url: string | null;
  reference: string | null;
  failure_reason: string | null;
  request_key: string | null;
  start_traceparent: string | null;
  created_at: Date;
  confirmed_at: Date | null;
  updated_at: Date;
}

const COLUMNS = `id, business_id, invoice_id, amount_minor, currency, method, provider, provider_payment_id, status,
  checkout_url, reference, failure_reason, request_key, start_traceparent, created_at, confirmed_at, updated_at`;

/** PaymentRepository on `payments`, in the transaction of `manager`. */
export class PostgresPayments implements PaymentRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(payment: Payment): Promise<void> {
    const s = payment.toState();
    await this.manager.query(
      `INSERT INTO payments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        s.id,
        s.businessId,
        s.invoiceId,
        s.amountMinor,
        s.currency,
        s.method,
        s.provider,
        s.providerPaymentId,
        s.status,
        s.checkoutUrl,
        s.reference,
        s.failureReason,
        s.requestKey,
        s.startTraceparent,
        s.createdAt,
        s.confirmedAt,
        s.updatedAt,
      ],
    );
  }

  async update(payment: Payment): Promise<void> {
    const s = payment.toState();
    await this.manager.query(
      `UPDATE payments SET provider_payment_id = $2, status = $3, checkout_url = $4, failure_reason = $5,
         confirmed_at = $6, updated_at = $7
       WHERE id = $1`,
      [s.id, s.providerPaymentId, s.status, s.checkoutUrl, s.failureReason, s.confirmedAt, s.updatedAt],
    );
  }

  async findById(paymentId: string, options: { forUpdate?: boolean } = {}): Promise<Payment | undefined> {
    if (!isUuid(paymentId)) return undefined;
    const [row]: PaymentRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM payments WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [paymentId],
    );
    return row && fromRow(row);
  }

  async findByProviderPaymentId(provider: string, providerPaymentId: string): Promise<Payment | undefined> {
    const [row]: PaymentRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM payments WHERE provider = $1 AND provider_payment_id = $2`,
      [provider, providerPaymentId],
    );
    return row && fromRow(row);
  }

  async findByRequestKey(invoiceId: string, requestKey: string): Promise<Payment | undefined> {
    const [row]: PaymentRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM payments WHERE invoice_id = $1 AND request_key = $2`,
      [invoiceId, requestKey],
    );
    return row && fromRow(row);
  }

  async listOfInvoice(businessId: string, invoiceId: string): Promise<Payment[]> {
    if (!isUuid(businessId) || !isUuid(invoiceId)) return [];
    const rows: PaymentRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM payments WHERE business_id = $1 AND invoice_id = $2 ORDER BY id`,
      [businessId, invoiceId],
    );
    return rows.map(fromRow);
  }

  async reservedMinor(invoiceId: string): Promise<number> {
    const [row]: { reserved: string }[] = await this.manager.query(
      `SELECT COALESCE(sum(amount_minor), 0) AS reserved FROM payments
       WHERE invoice_id = $1 AND status IN ('initiating', 'pending')`,
      [invoiceId],
    );
    return Number(row?.reserved ?? 0);
  }

  async listUnsettled(after: string | undefined, limit: number, olderThan: Date): Promise<Payment[]> {
    const rows: PaymentRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM payments
       WHERE status IN ('initiating', 'pending') AND method = 'provider' AND created_at < $1
         AND ($2::uuid IS NULL OR id > $2::uuid)
       ORDER BY id LIMIT $3`,
      [olderThan, after ?? null, limit],
    );
    return rows.map(fromRow);
  }
}

function fromRow(row: PaymentRow): Payment {
  const state: PaymentState = {
    id: row.id,
    businessId: row.business_id,
    invoiceId: row.invoice_id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    method: row.method,
    provider: row.provider,
    providerPaymentId: row.provider_payment_id,
    status: row.status,
    checkoutUrl: row.checkout_url,
    reference: row.reference,
    failureReason: row.failure_reason,
    requestKey: row.request_key,
    startTraceparent: row.start_traceparent,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    updatedAt: row.updated_at,
  };
  return Payment.restore(state);
}
