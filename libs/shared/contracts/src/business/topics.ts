/** Topic of the invoice family: an invoice's life from issue to payment. */
export const BUSINESS_INVOICE_TOPIC_V1 = 'business.invoice.v1';

/** Topic of the business family (the tenant itself): creation and changes of a business. */
export const BUSINESS_BUSINESS_TOPIC_V1 = 'business.business.v1';

/** Topic of the member family: who belongs to a business, with which role. */
export const BUSINESS_MEMBER_TOPIC_V1 = 'business.member.v1';

/** Topic of the payment family: a payment's outcome at the provider. */
export const BUSINESS_PAYMENT_TOPIC_V1 = 'business.payment.v1';
