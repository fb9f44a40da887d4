/** Topic of the invoice family: an invoice's life from issue to payment. */
export const BUSINESS_INVOICE_TOPIC_V1 = 'business.invoice.v1';
