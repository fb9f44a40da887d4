/** Where an invoice is in its life: `draft` → `issued` → `paid` or `void`. */
export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
