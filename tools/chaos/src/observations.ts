import type { Ledger } from './ledger.js';
import type { CapturedEmail } from './mail-archive.js';
import type { ReceivedWebhook } from './receivers.js';

/** Everything the checks look at, read after quiescence from the databases, Kafka, Mailpit, the receivers and the sandbox. */
export interface Observations {
  ledger: Ledger;
  /** auth-service: users. */
  users: { id: string; email: string }[];
  /** business-service. */
  businesses: { id: string }[];
  customers: { id: string }[];
  invoices: {
    id: string;
    businessId: string;
    status: string;
    number: string | null;
    totalMinor: number;
    customerEmail: string;
  }[];
  payments: { id: string; invoiceId: string; status: string; amountMinor: number; providerPaymentId: string | null }[];
  /** The payment provider's view: its payments and their state (the reference is the platform's payment id). */
  providerPayments: { id: string; status: string; reference: string }[];
  /** Rows left in each service's outbox. */
  outboxRows: { service: string; rows: number }[];
  emails: CapturedEmail[];
  webhooks: ReceivedWebhook[];
  badSignatures: number;
  /** business.invoice.v1 records in partition order: the key is the invoice id. */
  invoiceEvents: { partition: number; key: string; eventId: string; type: string }[];
  /** Distinct event ids over every topic (DLQs aside). */
  eventCount: number;
  /** Every record of every dead-letter topic (`<topic>.dlq`): its key and why it was dead-lettered. */
  deadLetters: { topic: string; key: string; reason: string }[];
}
