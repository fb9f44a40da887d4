// Generated from apps/gateway/openapi.json by `npm run api:generate` (openapi-typescript).
// Do not edit: change the gateway's DTOs or routes and generate again.
export interface paths {
  '/v1/admin/erasures/{erasureId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where an erasure stands: each service’s confirmation, and which are awaited
     * @description `overdue`: past the deadline with a service missing (the ErasureNotConfirmed alert fires).
     */
    get: operations['getErasure'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The scheduled jobs: last start, last success, last error, items pending, next run */
    get: operations['listJobs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/jobs/{name}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a run of a job now
     * @description The run goes on in the background; follow it with GET /v1/admin/jobs. One run at a time: 409 while one goes on.
     */
    post: operations['triggerJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users, newest first, a page at a time */
    get: operations['listUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Erase a user (irreversible)
     * @description Not the last admin, and not the caller: an admin erases their own account with DELETE /v1/me (409 here).
     */
    delete: operations['eraseUser'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public keys access tokens are signed with (JWKS) */
    get: operations['getJwks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the signed-in user's password */
    post: operations['changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with e-mail and password */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session (revokes its refresh token) */
    post: operations['logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of the signed-in user */
    post: operations['logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange a refresh token for new tokens
     * @description The refresh token rotates: the old one stops working, and reusing it revokes the whole session.
     */
    post: operations['refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account */
    post: operations['register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the businesses the caller is a member of, a page at a time */
    get: operations['listMyBusinesses'];
    put?: never;
    /**
     * Create a business
     * @description The caller becomes its owner. A user who signed up a moment ago may get a 422 for a few seconds.
     */
    post: operations['createBusiness'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A business the caller is a member of */
    get: operations['getBusiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a business or change its invoice prefix (owners and admins) */
    patch: operations['updateBusiness'];
    trace?: never;
  };
  '/v1/businesses/{businessId}/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the customers of a business, a page at a time */
    get: operations['listCustomers'];
    put?: never;
    /** Add a customer to a business (not viewers) */
    post: operations['createCustomer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/customers/{customerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer of a business */
    get: operations['getCustomer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change or archive a customer (not viewers)
     * @description A customer that invoices name is archived (`archived: true`), never deleted.
     */
    patch: operations['updateCustomer'];
    trace?: never;
  };
  '/v1/businesses/{businessId}/invoices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the invoices of a business, newest first, a page at a time */
    get: operations['listInvoices'];
    put?: never;
    /**
     * Draft an invoice (not viewers)
     * @description A draft has no number; it gets the next one of the business when it is issued.
     */
    post: operations['createInvoice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/invoices/{invoiceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An invoice of a business, with its `ETag` */
    get: operations['getInvoice'];
    put?: never;
    post?: never;
    /** Delete a draft (not viewers); issued invoices are voided instead */
    delete: operations['deleteInvoice'];
    options?: never;
    head?: never;
    /** Change a draft (not viewers); `lines` replaces every line */
    patch: operations['updateInvoice'];
    trace?: never;
  };
  '/v1/businesses/{businessId}/invoices/{invoiceId}/issue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue a draft (not viewers): it gets the next number of the business and becomes immutable
     * @description Numbers are `<prefix>-<year>-<sequence>`, sequential and gapless per business and year.
     */
    post: operations['issueInvoice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/invoices/{invoiceId}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The payments of an invoice, oldest first */
    get: operations['listPayments'];
    put?: never;
    /**
     * Start a payment of an issued invoice through the payment provider (not viewers)
     * @description Answers the payment `pending` with the `checkoutUrl` the payer pays at. The amount is in the invoice currency, at most the open balance (total − succeeded − payments in progress). The provider unreachable: 503, retry with the same `Idempotency-Key`.
     */
    post: operations['startPayment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/invoices/{invoiceId}/payments/manual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a payment received outside the provider, e.g. a bank transfer (not viewers) */
    post: operations['recordManualPayment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/invoices/{invoiceId}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Void an issued invoice (owners and admins); it keeps its number
     * @description The correction of an issued invoice: void it, then issue a new one.
     */
    post: operations['voidInvoice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the members of a business, a page at a time */
    get: operations['listMembers'];
    put?: never;
    /**
     * Add a registered user to a business by e-mail (owners and admins)
     * @description The user must be known to the business-service, which learns registrations from events: one who signed up a moment ago may not be there yet.
     */
    post: operations['addMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member (owners and admins); the last owner cannot be removed */
    delete: operations['removeMember'];
    options?: never;
    head?: never;
    /** Change a member’s role (owners and admins); the last owner stays an owner */
    patch: operations['updateMember'];
    trace?: never;
  };
  '/v1/businesses/{businessId}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The notifications about a business (invoices, receipts, reminders, notes to the owner), newest first
     * @description Statuses: queued → sending → sent; retrying after a transient failure; failed when permanent or out of retries; suppressed when the recipient unsubscribed. Recipients are masked.
     */
    get: operations['listBusinessNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/recurring-invoices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the recurring invoices of a business, newest first, a page at a time */
    get: operations['list'];
    put?: never;
    /** Create a recurring invoice (not viewers) */
    post: operations['create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/recurring-invoices/{recurringInvoiceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A recurring invoice of a business */
    get: operations['get'];
    put?: never;
    post?: never;
    /** End a recurring invoice for good (not viewers); it and its invoices stay */
    delete: operations['end'];
    options?: never;
    head?: never;
    /**
     * Pause, resume or change a recurring invoice (not viewers)
     * @description Resuming skips the periods of the pause. An ended schedule is a 409.
     */
    patch: operations['update'];
    trace?: never;
  };
  '/v1/businesses/{businessId}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Counts and totals of the invoices of a business, by status and currency, and the amount overdue
     * @description Served from a cache: may be a few seconds old (`computedAt`).
     */
    get: operations['getBusinessSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/webhook-endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the webhook endpoints of a business, a page at a time */
    get: operations['listWebhookEndpoints'];
    put?: never;
    /**
     * Register a webhook endpoint (owners and admins)
     * @description The answer carries the signing secret (`whsec_…`) once. Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The URL must be https and resolve to public addresses only.
     */
    post: operations['createWebhookEndpoint'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/webhook-endpoints/{endpointId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook endpoint */
    get: operations['getWebhookEndpoint'];
    put?: never;
    post?: never;
    /** Remove a webhook endpoint; its pending deliveries are dropped */
    delete: operations['deleteWebhookEndpoint'];
    options?: never;
    head?: never;
    /**
     * Change a webhook endpoint: url, events, description, enabled
     * @description `enabled: true` turns a disabled endpoint (410, failing too long) on again.
     */
    patch: operations['updateWebhookEndpoint'];
    trace?: never;
  };
  '/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The deliveries of an endpoint with their attempts, newest first */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again now (the same `webhook-id`) */
    post: operations['redeliverWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{businessId}/webhook-endpoints/{endpointId}/secret/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret
     * @description Deliveries are signed with the new and the previous secret (two `v1,` signatures) until `previousSecretExpiresAt` (24 h).
     */
    post: operations['rotateWebhookSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Erase the signed-in user’s account (confirmed with the password)
     * @description Irreversible. A wrong password answers 401 like a wrong current password does; the last admin gets 409.
     */
    delete: operations['eraseMe'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which optional e-mails reach the caller
     * @description Only payment reminders can be turned off. Transactional e-mails (welcome, security notices, invoices, receipts, notes to business owners) are always sent. 409 while the registration has not reached the notification service yet (a moment after registering).
     */
    get: operations['getNotificationPreferences'];
    /**
     * Turn payment reminders to the caller’s address on or off
     * @description Keyed by the caller’s e-mail address, as one-click unsubscribe links are: either one shows in the other. Transactional e-mails are always sent.
     */
    put: operations['updateNotificationPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The e-mails sent to the caller, newest first, with their delivery status
     * @description Statuses: queued → sending → sent; retrying after a transient failure; failed when permanent or out of retries; suppressed when the recipient unsubscribed. Recipients are masked.
     */
    get: operations['listMyNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What an unsubscribe link would do, and whether it is done (changes nothing)
     * @description A GET never unsubscribes: mail scanners and link previews follow links.
     */
    get: operations['getUnsubscribeStatus'];
    put?: never;
    /**
     * One-click unsubscribe from payment reminders (RFC 8058)
     * @description Mail clients POST `List-Unsubscribe=One-Click` (form-encoded); the token alone decides. Idempotent. A forged or malformed token is a 422 and changes nothing. Transactional e-mails cannot be unsubscribed from.
     */
    post: operations['unsubscribe'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/webhooks/sandbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The payment provider's webhook (Standard Webhooks signature; not for API clients)
     * @description Forged, unsigned or stale (more than 300 s): 401. Each event id is applied once; a replay answers 200.
     */
    post: operations['receiveSandboxWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AddMemberRequest: {
      /**
       * Format: email
       * @description E-mail of a registered user of the platform; 422 when no user has it.
       * @example grace@example.com
       */
      email: string;
      /** @example accountant */
      role: components['schemas']['BusinessRole'];
    };
    AddressRequest: {
      /** @example Berlin */
      city: string;
      /**
       * @description ISO 3166-1 alpha-2 code in upper case.
       * @example DE
       */
      country: string;
      /** @example Friedrichstraße 123 */
      line1: string;
      /** @example 3rd floor */
      line2?: string;
      /** @example 10117 */
      postalCode: string;
    };
    AddressResponse: {
      /** @example Berlin */
      city: string;
      /**
       * @description ISO 3166-1 alpha-2.
       * @example DE
       */
      country: string;
      /** @example Friedrichstraße 123 */
      line1: string;
      /** @example 3rd floor */
      line2: string | null;
      /** @example 10117 */
      postalCode: string;
    };
    BusinessPageResponse: {
      items: components['schemas']['BusinessResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    BusinessResponse: {
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Default currency of its invoices.
       * @example EUR
       */
      currency: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /**
       * @description Prefix of its invoice numbers.
       * @example ACME
       */
      invoicePrefix: string;
      /** @example Acme Consulting GmbH */
      name: string;
      /** @description The caller’s role in this business. */
      role: components['schemas']['BusinessRole'];
    };
    /**
     * @description The caller’s role in this business.
     * @enum {string}
     */
    BusinessRole: 'owner' | 'admin' | 'accountant' | 'viewer';
    BusinessSummaryResponse: {
      /** @description One entry per status and currency that has invoices. */
      byStatus: components['schemas']['InvoiceStatusTotalResponse'][];
      /**
       * Format: date-time
       * @description When these figures were computed.
       */
      computedAt: string;
      /** @description One entry per currency with overdue invoices. */
      overdue: components['schemas']['OverdueTotalResponse'][];
    };
    ChangePasswordRequest: {
      /** Format: password */
      currentPassword: string;
      /**
       * Format: password
       * @description 12 to 128 characters (Unicode code points), no composition rules; refused when it is a common or breached password or contains the e-mail or display name.
       */
      newPassword: string;
    };
    CreateBusinessRequest: {
      /**
       * @description Default currency of its invoices. ISO 4217 code in upper case; a code that is not a currency is refused with 422.
       * @example EUR
       */
      currency: string;
      /**
       * @description Starts every invoice number: `<prefix>-<year>-<sequence>`, e.g. `ACME-2026-0007`. 1 to 10 upper-case letters or digits. When omitted, the service chooses one.
       * @example ACME
       */
      invoicePrefix?: string;
      /**
       * @description 1 to 200 characters (Unicode code points), not only white space, no control characters.
       * @example Acme Consulting GmbH
       */
      name: string;
    };
    CreateCustomerRequest: {
      address?: components['schemas']['AddressRequest'];
      /**
       * Format: email
       * @description Where invoices are sent; an address the service cannot send to is refused with 422.
       * @example billing@customer.example
       */
      email: string;
      /**
       * @description 1 to 200 characters (Unicode code points), not only white space, no control characters.
       * @example Globex Corporation
       */
      name: string;
      /**
       * @description VAT or other tax id: letters, digits, spaces, dots and hyphens.
       * @example DE123456789
       */
      taxId?: string;
    };
    CreateInvoiceRequest: {
      /**
       * @description ISO 4217 code in upper case; defaults to the business’s currency. One currency per invoice.
       * @example EUR
       */
      currency?: string;
      /**
       * Format: uuid
       * @description A customer of this business (UUID v7).
       */
      customerId: string;
      /**
       * Format: date
       * @description Day payment is due (YYYY-MM-DD).
       * @example 2026-03-04
       */
      dueDate: string;
      /** @description 1 to 100 lines, in the order they are printed. */
      lines: components['schemas']['InvoiceLineRequest'][];
    };
    CreateRecurringInvoiceRequest: {
      /** @description true: each invoice is issued (numbered, sent); false: left as a draft to review and issue. */
      autoIssue: boolean;
      /** @description monthly: same day each month (the month’s last day when shorter); weekly: every 7 days. */
      cadence: components['schemas']['RecurringCadence'];
      /**
       * @description ISO 4217; defaults to the business’s currency.
       * @example EUR
       */
      currency?: string;
      /**
       * Format: uuid
       * @description A customer of this business (UUID v7).
       */
      customerId: string;
      /** @description 1 to 100 lines, copied onto every invoice. */
      lines: components['schemas']['InvoiceLineRequest'][];
      /**
       * @description Each invoice is due this many days after its period’s date.
       * @example 14
       */
      paymentTermDays: number;
      /**
       * Format: date
       * @description The first period’s date (YYYY-MM-DD).
       * @example 2026-04-01
       */
      startDate: string;
    };
    CreateWebhookEndpointRequest: {
      /** @example Accounting sync */
      description?: string;
      /** @description The event types this endpoint receives. */
      events: ('invoice.issued' | 'invoice.paid' | 'invoice.overdue' | 'invoice.voided' | 'payment.failed')[];
      /**
       * @description An https URL whose host resolves to public addresses only (loopback, private, link-local, CGNAT, multicast and metadata addresses are refused with 422 WEBHOOK.URL_NOT_PUBLIC). Redirects are not followed.
       * @example https://hooks.example.com/platform
       */
      url: string;
    };
    CustomerPageResponse: {
      items: components['schemas']['CustomerResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    CustomerResponse: {
      address: components['schemas']['AddressResponse'] | null;
      /** @description True once archived: kept, rather than deleted, because invoices name it. */
      archived: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: email */
      email: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /** @example Globex Corporation */
      name: string;
      /** @example DE123456789 */
      taxId: string | null;
    };
    EraseMeRequest: {
      /**
       * Format: password
       * @description The current password.
       */
      password: string;
    };
    ErasureAcceptedResponse: {
      /**
       * Format: uuid
       * @description The erasure; admins follow it with GET /v1/admin/erasures/{erasureId}.
       */
      erasureId: string;
      status: components['schemas']['ErasureStatus'];
    };
    ErasureConfirmationResponse: {
      /**
       * Format: date-time
       * @description When the service committed its part.
       */
      confirmedAt: string;
      /** @description Rows the service deleted or anonymised. */
      recordsChanged: number;
      /** @example business-service */
      service: string;
    };
    /** @enum {string} */
    ErasureRequestedVia: 'self' | 'admin';
    ErasureResponse: {
      /** @description Services that have not confirmed yet. */
      awaiting: string[];
      confirmations: components['schemas']['ErasureConfirmationResponse'][];
      /**
       * Format: date-time
       * @description Every service must have confirmed by then.
       */
      deadlineAt: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      requestedAt: string;
      requestedVia: components['schemas']['ErasureRequestedVia'];
      /** @description `completed`: every service confirmed; `overdue`: past the deadline with a service missing. */
      status: components['schemas']['ErasureStatus'];
      /**
       * Format: uuid
       * @description The erased user (the account keeps only its id).
       */
      userId: string;
    };
    /** @enum {string} */
    ErasureStatus: 'pending' | 'completed' | 'overdue';
    FieldErrorResponse: {
      /**
       * @description The rule that failed.
       * @example isString
       */
      code: string;
      /**
       * @description Path of the field: dots for properties, brackets for items.
       * @example email
       */
      field: string;
      /** @example email must be a string */
      message: string;
    };
    InvoiceLineRequest: {
      /** @example Consulting, January 2026 */
      description: string;
      /** @example 12 */
      quantity: number;
      /**
       * @description Tax rate in basis points: 1900 is 19 %; 0 when omitted.
       * @example 1900
       */
      taxRateBps?: number;
      /**
       * @description Price of one unit before tax, in minor units of the invoice currency.
       * @example 9500
       */
      unitAmountMinor: number;
    };
    InvoiceLineResponse: {
      /** @example Consulting, January 2026 */
      description: string;
      /** @example 12 */
      quantity: number;
      /** @description quantity × unit amount, before tax. */
      subtotal: components['schemas']['MoneyResponse'];
      /** @description Tax of this line. */
      tax: components['schemas']['MoneyResponse'];
      /**
       * @description Basis points: 1900 is 19 %.
       * @example 1900
       */
      taxRateBps: number;
      /** @description subtotal + tax. */
      total: components['schemas']['MoneyResponse'];
      /** @description Price of one unit before tax. */
      unitAmount: components['schemas']['MoneyResponse'];
    };
    InvoicePageResponse: {
      items: components['schemas']['InvoiceResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    InvoiceResponse: {
      /** @description What is still owed: total − paid, never below 0. */
      amountDue: components['schemas']['MoneyResponse'];
      /** Format: uuid */
      businessId: string;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /**
       * Format: date
       * @example 2026-03-04
       */
      dueDate: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /**
       * Format: date-time
       * @description null until issued.
       */
      issuedAt: string | null;
      lines: components['schemas']['InvoiceLineResponse'][];
      /**
       * @description `<prefix>-<year>-<sequence>`, assigned when the invoice is issued; null on a draft.
       * @example ACME-2026-0007
       */
      number: string | null;
      /**
       * Format: date-time
       * @description When the invoice was found past its due date unpaid; it stays `issued`. null otherwise.
       */
      overdueAt: string | null;
      /** @description Sum of the succeeded payments. */
      paid: components['schemas']['MoneyResponse'];
      status: components['schemas']['InvoiceStatus'];
      /** @description Total before tax. */
      subtotal: components['schemas']['MoneyResponse'];
      /** @description Tax of the invoice. */
      tax: components['schemas']['MoneyResponse'];
      /** @description Amount due: subtotal + tax. */
      total: components['schemas']['MoneyResponse'];
      /** Format: date-time */
      updatedAt: string;
      /** @description Grows with every change; the `ETag` is derived from it, and `If-Match` must name it. */
      version: number;
      /**
       * Format: date-time
       * @description null unless voided.
       */
      voidedAt: string | null;
    };
    /** @enum {string} */
    InvoiceStatus: 'draft' | 'issued' | 'paid' | 'void';
    InvoiceStatusTotalResponse: {
      /** @description How many invoices. */
      count: number;
      /** @example EUR */
      currency: string;
      status: components['schemas']['InvoiceStatus'];
      /** @description Sum of their totals. */
      total: components['schemas']['MoneyResponse'];
    };
    JobErrorResponse: {
      /** Format: date-time */
      at: string | null;
      /** @description One line, no stack. */
      message: string | null;
      /**
       * Format: uuid
       * @description The failed run.
       */
      runId: string;
    };
    JobRunAcceptedResponse: {
      /** @example overdue-invoices */
      job: string;
      /**
       * Format: uuid
       * @description The run (job_runs.id, the runId of its logs).
       */
      runId: string;
    };
    JobsStatusResponse: {
      /** Format: date-time */
      checkedAt: string;
      jobs: components['schemas']['JobStatusResponse'][];
    };
    JobStatusResponse: {
      /** @description Period between two scheduled runs, in ms. */
      everyMs: number;
      /** @description Items waiting, when the job can count them. */
      itemsPending: number | null;
      /** @example overdue-invoices */
      job: string;
      lastError: components['schemas']['JobErrorResponse'] | null;
      /** Format: date-time */
      lastStartedAt: string | null;
      /** Format: date-time */
      lastSucceededAt: string | null;
      /** Format: date-time */
      nextRunAt: string | null;
      /** @description A run is going on, on any instance. */
      running: boolean;
      /** @description No success within staleAfterMs. */
      stale: boolean;
      /** @description No success for this long makes the job stale. */
      staleAfterMs: number;
    };
    JsonWebKeyResponse: {
      /** @example ES256 */
      alg?: string;
      /** @example P-256 */
      crv?: string;
      /** @description Key id; access tokens name it in their `kid` header. */
      kid: string;
      /** @example EC */
      kty: string;
      /** @example sig */
      use?: string;
      x?: string;
      y?: string;
    };
    JsonWebKeySetResponse: {
      keys: components['schemas']['JsonWebKeyResponse'][];
    };
    LogInRequest: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
      /** Format: password */
      password: string;
    };
    MemberPageResponse: {
      items: components['schemas']['MemberResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    MemberResponse: {
      /**
       * Format: date-time
       * @description When the user joined the business.
       */
      addedAt: string;
      /** @example Grace Hopper */
      displayName: string;
      /** Format: email */
      email: string;
      role: components['schemas']['BusinessRole'];
      /**
       * Format: uuid
       * @description The user’s id (UUID v7).
       */
      userId: string;
    };
    MoneyResponse: {
      /**
       * @description Amount in the minor unit of the currency (cents for EUR).
       * @example 1250
       */
      amountMinor: number;
      /**
       * @description ISO 4217 code.
       * @example EUR
       */
      currency: string;
    };
    /**
     * @description Only this channel.
     * @enum {string}
     */
    NotificationChannel: 'email' | 'webhook';
    NotificationPageResponse: {
      items: components['schemas']['NotificationResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    NotificationPreferencesResponse: {
      /** @description Whether payment reminders are e-mailed to the caller’s address. */
      reminders: boolean;
    };
    NotificationResponse: {
      /** @description Send attempts so far. */
      attempts: number;
      channel: components['schemas']['NotificationChannel'];
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /** @description Why the last attempt failed, in short. */
      lastError: string | null;
      /**
       * @description Masked: the first character and the domain.
       * @example a***@example.com
       */
      recipient: string;
      /** Format: date-time */
      sentAt: string | null;
      /** @description queued → sending → sent; retrying after a transient failure; failed (permanent, or retries spent); suppressed: the recipient unsubscribed. */
      status: components['schemas']['NotificationStatus'];
      /**
       * @description What was sent (e-mail template).
       * @example invoice-issued
       */
      template: string;
    };
    /**
     * @description Only this status.
     * @enum {string}
     */
    NotificationStatus: 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'suppressed';
    OverdueTotalResponse: {
      /** @description How many invoices. */
      count: number;
      /** @example EUR */
      currency: string;
      /** @description Sum of their totals. */
      total: components['schemas']['MoneyResponse'];
    };
    PaymentAmountRequest: {
      /**
       * @description At least 1 and at most the open balance of the invoice, in minor units.
       * @example 50000
       */
      amountMinor: number;
      /**
       * @description The invoice's currency.
       * @example EUR
       */
      currency: string;
    };
    PaymentListResponse: {
      items: components['schemas']['PaymentResponse'][];
    };
    /** @enum {string} */
    PaymentMethod: 'provider' | 'manual';
    PaymentResponse: {
      amount: components['schemas']['MoneyResponse'];
      /** Format: uuid */
      businessId: string;
      /**
       * Format: uri
       * @description Where the payer pays (provider payments); null for manual payments and before the provider answered.
       */
      checkoutUrl: string | null;
      /**
       * Format: date-time
       * @description When it succeeded.
       */
      confirmedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Why it failed, as the provider said. */
      failureReason: string | null;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /** Format: uuid */
      invoiceId: string;
      method: components['schemas']['PaymentMethod'];
      /** @description A manual payment's reference. */
      reference: string | null;
      status: components['schemas']['PaymentStatus'];
    };
    /** @enum {string} */
    PaymentStatus: 'initiating' | 'pending' | 'succeeded' | 'failed';
    ProblemDetailsResponse: {
      /**
       * @description Stable machine-readable code; branch on it.
       * @example VALIDATION.FAILED
       */
      code: string;
      correlationId: string;
      /** @description This occurrence, in words safe to show. */
      detail: string;
      /** @description One per failed rule. */
      errors?: components['schemas']['FieldErrorResponse'][];
      /**
       * @description The request path, without its query.
       * @example /v1/auth/register
       */
      instance: string;
      /** @example POST */
      method: string;
      /** @description True when sending the same request again may succeed. */
      retryable?: boolean;
      /** @example 400 */
      status: number;
      /** Format: date-time */
      timestamp: string;
      /** @example Validation failed */
      title: string;
      /** @description The W3C trace id, for support requests. */
      traceId?: string;
      /**
       * Format: uri-reference
       * @description Names the problem type; derived from `code`.
       */
      type: string;
    };
    RecordManualPaymentRequest: {
      amount: components['schemas']['PaymentAmountRequest'];
      /**
       * @description The transfer's reference, as the bank statement shows it.
       * @example SEPA transfer 2026-02-10, ref. ACME-2026-0007
       */
      reference: string;
    };
    /** @enum {string} */
    RecurringCadence: 'monthly' | 'weekly';
    RecurringInvoiceLineResponse: {
      /** @example Hosting, monthly */
      description: string;
      /** @example 1 */
      quantity: number;
      /**
       * @description Basis points.
       * @example 1900
       */
      taxRateBps: number;
      /** @description Price of one unit before tax. */
      unitAmount: components['schemas']['MoneyResponse'];
    };
    RecurringInvoicePageResponse: {
      items: components['schemas']['RecurringInvoiceResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    RecurringInvoiceResponse: {
      autoIssue: boolean;
      /** Format: uuid */
      businessId: string;
      cadence: components['schemas']['RecurringCadence'];
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      lines: components['schemas']['RecurringInvoiceLineResponse'][];
      /**
       * Format: date
       * @description The next period to invoice.
       * @example 2026-05-01
       */
      nextDate: string;
      paymentTermDays: number;
      status: components['schemas']['RecurringInvoiceStatus'];
      /** Format: date-time */
      updatedAt: string;
      /** @description Grows with every change. */
      version: number;
    };
    /** @enum {string} */
    RecurringInvoiceStatus: 'active' | 'paused' | 'ended';
    RefreshTokenRequest: {
      /** @description The opaque refresh token a log-in or the previous refresh returned. */
      refreshToken: string;
    };
    RegisterRequest: {
      /** @example Ada Lovelace */
      displayName: string;
      /**
       * Format: email
       * @description Trimmed and lower-cased.
       * @example ada@example.com
       */
      email: string;
      /**
       * Format: password
       * @description 12 to 128 characters (Unicode code points), no composition rules; refused when it is a common or breached password or contains the e-mail or display name.
       * @example analytical engine notes
       */
      password: string;
    };
    StartPaymentRequest: {
      amount: components['schemas']['PaymentAmountRequest'];
    };
    TokenResponse: {
      /** @description A JWT (ES256); send it as `Authorization: Bearer <token>`. */
      accessToken: string;
      /** @description Seconds until the access token expires. */
      expiresIn: number;
      /** @description The opaque refresh token; absent when it was set in the refresh cookie instead. */
      refreshToken?: string;
      /** Format: date-time */
      refreshTokenExpiresAt: string;
      /** @description True when the refresh token travels in the `__Host-refresh_token` cookie (browser apps). */
      refreshTokenInCookie?: boolean;
      /** @enum {string} */
      tokenType: 'Bearer';
    };
    UnsubscribeResponse: {
      /**
       * @description What it no longer receives.
       * @enum {string}
       */
      category: 'reminder';
      /**
       * @description The address unsubscribed, masked.
       * @example a***@example.com
       */
      recipient: string;
      /** @description Always true: a second unsubscribe changes nothing. */
      unsubscribed: boolean;
    };
    UpdateBusinessRequest: {
      /**
       * @description Starts every invoice number: `<prefix>-<year>-<sequence>`, e.g. `ACME-2026-0007`. 1 to 10 upper-case letters or digits. Numbers already issued keep their prefix.
       * @example ACME
       */
      invoicePrefix?: string;
      /**
       * @description 1 to 200 characters (Unicode code points), not only white space, no control characters.
       * @example Acme Consulting GmbH
       */
      name?: string;
    };
    UpdateCustomerRequest: {
      /** @description null removes the address. */
      address?: components['schemas']['AddressRequest'] | null;
      /** @description true archives the customer (kept, rather than deleted, once invoiced); false restores it. */
      archived?: boolean;
      /**
       * Format: email
       * @description Where invoices are sent; an address the service cannot send to is refused with 422.
       * @example billing@customer.example
       */
      email?: string;
      /**
       * @description 1 to 200 characters (Unicode code points), not only white space, no control characters.
       * @example Globex Corporation
       */
      name?: string;
      /**
       * @description VAT or other tax id: letters, digits, spaces, dots and hyphens. null removes it.
       * @example DE123456789
       */
      taxId?: string | null;
    };
    UpdateInvoiceRequest: {
      /**
       * @description ISO 4217 code in upper case. One currency per invoice.
       * @example EUR
       */
      currency?: string;
      /**
       * Format: uuid
       * @description A customer of this business (UUID v7).
       */
      customerId?: string;
      /**
       * Format: date
       * @description Day payment is due (YYYY-MM-DD).
       * @example 2026-03-04
       */
      dueDate?: string;
      /** @description 1 to 100 lines, in the order they are printed. */
      lines?: components['schemas']['InvoiceLineRequest'][];
    };
    UpdateMemberRequest: {
      /**
       * @description The new role; the last owner cannot be demoted (422).
       * @example admin
       */
      role: components['schemas']['BusinessRole'];
    };
    UpdateNotificationPreferencesRequest: {
      /** @description false: no payment reminders are e-mailed to the caller’s address. */
      reminders: boolean;
    };
    UpdateRecurringInvoiceRequest: {
      /** @description true: each invoice is issued (numbered, sent); false: left as a draft to review and issue. */
      autoIssue?: boolean;
      /** @description monthly: same day each month (the month’s last day when shorter); weekly: every 7 days. */
      cadence?: components['schemas']['RecurringCadence'];
      /**
       * Format: uuid
       * @description A customer of this business (UUID v7).
       */
      customerId?: string;
      /** @description 1 to 100 lines, copied onto every invoice. */
      lines?: components['schemas']['InvoiceLineRequest'][];
      /**
       * Format: date
       * @description Moves the next period (and the day a monthly schedule keeps to).
       * @example 2026-05-01
       */
      nextDate?: string;
      /**
       * @description Each invoice is due this many days after its period’s date.
       * @example 14
       */
      paymentTermDays?: number;
      /**
       * @description paused: no invoices until resumed; resuming skips the periods of the pause. End with DELETE.
       * @enum {string}
       */
      status?: 'active' | 'paused';
    };
    UpdateWebhookEndpointRequest: {
      /**
       * @description null removes it.
       * @example Accounting sync
       */
      description?: string | null;
      /** @description false stops deliveries; true enables a disabled endpoint again (and forgets its failures). */
      enabled?: boolean;
      /** @description The event types this endpoint receives. */
      events?: ('invoice.issued' | 'invoice.paid' | 'invoice.overdue' | 'invoice.voided' | 'payment.failed')[];
      /**
       * @description An https URL whose host resolves to public addresses only (loopback, private, link-local, CGNAT, multicast and metadata addresses are refused with 422 WEBHOOK.URL_NOT_PUBLIC). Redirects are not followed.
       * @example https://hooks.example.com/platform
       */
      url?: string;
    };
    UserPageResponse: {
      items: components['schemas']['UserResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    UserResponse: {
      /** Format: date-time */
      createdAt: string;
      displayName: string;
      /** Format: email */
      email: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      roles: components['schemas']['UserRole'][];
    };
    /** @enum {string} */
    UserRole: 'user' | 'admin';
    VoidInvoiceRequest: {
      /** @example Wrong billing address */
      reason?: string;
    };
    WebhookAttemptResponse: {
      attempt: number;
      /** Format: date-time */
      attemptedAt: string;
      error: string | null;
      /** @description Milliseconds. */
      latencyMs: number;
      /**
       * Format: date-time
       * @description When the next attempt was planned.
       */
      nextAttemptAt: string | null;
      /**
       * @description blocked: the URL resolved to an address that is not public at this attempt.
       * @enum {string}
       */
      outcome: 'delivered' | 'http_error' | 'redirect' | 'gone' | 'timeout' | 'network_error' | 'blocked';
      /** @description The start of the answer body (at most 4 KB). */
      responseBody: string | null;
      responseStatus: number | null;
    };
    WebhookDeliveryPageResponse: {
      items: components['schemas']['WebhookDeliveryResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    WebhookDeliveryResponse: {
      /** @description Newest first, at most 20. */
      attemptLog: components['schemas']['WebhookAttemptResponse'][];
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /**
       * Format: uuid
       * @description The event; also the `webhook-id` header (the same on every attempt).
       */
      eventId: string;
      /** @enum {string} */
      eventType: 'invoice.issued' | 'invoice.paid' | 'invoice.overdue' | 'invoice.voided' | 'payment.failed';
      /** Format: uuid */
      id: string;
      lastError: string | null;
      /**
       * Format: date-time
       * @description Null when none is planned.
       */
      nextAttemptAt: string | null;
      /** @enum {string} */
      status: 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';
    };
    WebhookEndpointCreatedResponse: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /**
       * @description manual: turned off; gone: the endpoint answered 410; failing: every attempt failed for too long.
       * @enum {string|null}
       */
      disabledReason: 'manual' | 'gone' | 'failing' | null;
      /** @description False: nothing is delivered (see disabledReason). */
      enabled: boolean;
      events: ('invoice.issued' | 'invoice.paid' | 'invoice.overdue' | 'invoice.voided' | 'payment.failed')[];
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /**
       * Format: date-time
       * @description Until then, deliveries are signed with the previous secret too (after a rotation).
       */
      previousSecretExpiresAt: string | null;
      /** @description Standard Webhooks signing secret. Shown only now: store it. */
      secret: string;
      /** Format: date-time */
      updatedAt: string;
      /** @example https://hooks.example.com/platform */
      url: string;
    };
    WebhookEndpointPageResponse: {
      items: components['schemas']['WebhookEndpointResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    WebhookEndpointResponse: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /**
       * @description manual: turned off; gone: the endpoint answered 410; failing: every attempt failed for too long.
       * @enum {string|null}
       */
      disabledReason: 'manual' | 'gone' | 'failing' | null;
      /** @description False: nothing is delivered (see disabledReason). */
      enabled: boolean;
      events: ('invoice.issued' | 'invoice.paid' | 'invoice.overdue' | 'invoice.voided' | 'payment.failed')[];
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      /**
       * Format: date-time
       * @description Until then, deliveries are signed with the previous secret too (after a rotation).
       */
      previousSecretExpiresAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** @example https://hooks.example.com/platform */
      url: string;
    };
    WebhookReceivedResponse: {
      /** @example true */
      received: boolean;
    };
    WebhookSecretResponse: {
      /**
       * Format: date-time
       * @description The previous secret keeps signing (a second `v1,` signature) until then.
       */
      previousSecretExpiresAt: string;
      /** @description The new signing secret. Shown only now. */
      secret: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getErasure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The erasure. */
        erasureId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The erasure and its confirmations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listJobs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every job of the business-service. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobsStatusResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  triggerJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The job, e.g. `overdue-invoices`. */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run started; its `runId`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobRunAcceptedResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        /** @description Only users created after this instant (RFC 3339). */
        createdAfter?: string;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Only users whose e-mail contains this text. */
        emailContains?: string;
        /** @description Page size. */
        limit?: number;
        /** @description Only users holding this role. */
        role?: components['schemas']['UserRole'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  eraseUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The user to erase. */
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account is erased at the auth-service (every session ended, credentials and personal fields deleted); the other services erase their part and confirm (docs/decisions/0015). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureAcceptedResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getJwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Current and previous keys; cache for up to 5 minutes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JsonWebKeySetResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordRequest'];
      };
    };
    responses: {
      /** @description Changed; every session of the user, this one included, must log in again. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: {
        /** @description Browser apps: `cookie` sets the refresh token in an HttpOnly cookie instead of the body. */
        'X-Refresh-Token-Transport'?: 'cookie';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogInRequest'];
      };
    };
    responses: {
      /** @description A new session: an access token and a refresh token. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Needed when the refresh token comes from the cookie: the value of the `__Host-csrf_token` cookie. */
        'X-CSRF-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description Optional when the cookie carries the token. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['RefreshTokenRequest'];
      };
    };
    responses: {
      /** @description Logged out; the cookies, if any, are cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every refresh token of the user is revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user the access token belongs to. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  refresh: {
    parameters: {
      query?: never;
      header?: {
        /** @description Needed when the refresh token comes from the cookie: the value of the `__Host-csrf_token` cookie. */
        'X-CSRF-Token'?: string;
        /** @description Browser apps: `cookie` sets the refresh token in an HttpOnly cookie instead of the body. */
        'X-Refresh-Token-Transport'?: 'cookie';
      };
      path?: never;
      cookie?: never;
    };
    /** @description Optional when the cookie carries the token. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['RefreshTokenRequest'];
      };
    };
    responses: {
      /** @description New tokens; the refresh token sent is now spent. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  register: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterRequest'];
      };
    };
    responses: {
      /** @description The account was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listMyBusinesses: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  createBusiness: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateBusinessRequest'];
      };
    };
    responses: {
      /** @description The business was created; the caller owns it. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getBusiness: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The business, with the caller’s role in it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  updateBusiness: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    /** @description Left out: nothing changes. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateBusinessRequest'];
      };
    };
    responses: {
      /** @description The business as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listCustomers: {
    parameters: {
      query?: {
        /** @description true: only archived customers; false: only active ones; left out: all. */
        archived?: boolean;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  createCustomer: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCustomerRequest'];
      };
    };
    responses: {
      /** @description The customer was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description A customer of this business; any other id is a 404. */
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The customer. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  updateCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description A customer of this business; any other id is a 404. */
        customerId: string;
      };
      cookie?: never;
    };
    /** @description Left out: nothing changes. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateCustomerRequest'];
      };
    };
    responses: {
      /** @description The customer as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listInvoices: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Only invoices of this customer. */
        customerId?: string;
        /** @description Only invoices due after this day (exclusive). */
        dueAfter?: string;
        /** @description Only invoices due before this day (exclusive). */
        dueBefore?: string;
        /** @description Page size. */
        limit?: number;
        /** @description Only invoices in this status. */
        status?: components['schemas']['InvoiceStatus'];
      };
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvoicePageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  createInvoice: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvoiceRequest'];
      };
    };
    responses: {
      /** @description The draft, with its totals. */
      201: {
        headers: {
          /** @description The version of the invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getInvoice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The invoice. */
      200: {
        headers: {
          /** @description The version of the invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  deleteInvoice: {
    parameters: {
      query?: never;
      header: {
        /** @description The `ETag` of the invoice as last read (GET it first). Missing: 428; the invoice changed since: 412, read it again. */
        'If-Match': string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The draft is gone. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `If-Match` does not name the current version: the resource changed since it was read; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description This change needs `If-Match` with the `ETag` the resource was read with. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  updateInvoice: {
    parameters: {
      query?: never;
      header: {
        /** @description The `ETag` of the invoice as last read (GET it first). Missing: 428; the invoice changed since: 412, read it again. */
        'If-Match': string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    /** @description Left out: nothing changes. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateInvoiceRequest'];
      };
    };
    responses: {
      /** @description The draft as it is now. */
      200: {
        headers: {
          /** @description The version of the invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `If-Match` does not name the current version: the resource changed since it was read; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description This change needs `If-Match` with the `ETag` the resource was read with. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  issueInvoice: {
    parameters: {
      query?: never;
      header: {
        /** @description The `ETag` of the invoice as last read (GET it first). Missing: 428; the invoice changed since: 412, read it again. */
        'If-Match': string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The issued invoice, with its number. */
      200: {
        headers: {
          /** @description The version of the invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `If-Match` does not name the current version: the resource changed since it was read; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description This change needs `If-Match` with the `ETag` the resource was read with. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listPayments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every payment, in any status. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentListResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  startPayment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartPaymentRequest'];
      };
    };
    responses: {
      /** @description The payment, pending at the provider. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  recordManualPayment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordManualPaymentRequest'];
      };
    };
    responses: {
      /** @description The payment, succeeded. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  voidInvoice: {
    parameters: {
      query?: never;
      header: {
        /** @description The `ETag` of the invoice as last read (GET it first). Missing: 428; the invoice changed since: 412, read it again. */
        'If-Match': string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description An invoice of this business; any other id is a 404. */
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['VoidInvoiceRequest'];
      };
    };
    responses: {
      /** @description The void invoice. */
      200: {
        headers: {
          /** @description The version of the invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `If-Match` does not name the current version: the resource changed since it was read; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description This change needs `If-Match` with the `ETag` the resource was read with. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listMembers: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  addMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMemberRequest'];
      };
    };
    responses: {
      /** @description The user is now a member. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  removeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description The member’s user id. */
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user is no longer a member. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  updateMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description The member’s user id. */
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMemberRequest'];
      };
    };
    responses: {
      /** @description The member with the new role. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listBusinessNotifications: {
    parameters: {
      query?: {
        /** @description Only this channel. */
        channel?: components['schemas']['NotificationChannel'];
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
        /** @description Only this status. */
        status?: components['schemas']['NotificationStatus'];
      };
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  list: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringInvoicePageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRecurringInvoiceRequest'];
      };
    };
    responses: {
      /** @description The schedule, active. */
      201: {
        headers: {
          /** @description The version of the recurring invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringInvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description A recurring invoice of this business; any other id is a 404. */
        recurringInvoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The schedule. */
      200: {
        headers: {
          /** @description The version of the recurring invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringInvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description A recurring invoice of this business; any other id is a 404. */
        recurringInvoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  update: {
    parameters: {
      query?: never;
      header: {
        /** @description The `ETag` of the recurring invoice as last read (GET it first). Missing: 428; the recurring invoice changed since: 412, read it again. */
        'If-Match': string;
      };
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
        /** @description A recurring invoice of this business; any other id is a 404. */
        recurringInvoiceId: string;
      };
      cookie?: never;
    };
    /** @description Left out: nothing changes. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateRecurringInvoiceRequest'];
      };
    };
    responses: {
      /** @description The schedule as it is now. */
      200: {
        headers: {
          /** @description The version of the recurring invoice in this answer; send it as `If-Match` to change it. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecurringInvoiceResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `If-Match` does not name the current version: the resource changed since it was read; read it again. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description This change needs `If-Match` with the `ETag` the resource was read with. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getBusinessSummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is a member of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The figures and when they were computed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessSummaryResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listWebhookEndpoints: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  createWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookEndpointRequest'];
      };
    };
    responses: {
      /** @description The endpoint, with its secret. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointCreatedResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
        /** @description A webhook endpoint of this business; any other id is a 404. */
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint (never its secret). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  deleteWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
        /** @description A webhook endpoint of this business; any other id is a 404. */
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint is gone. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  updateWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
        /** @description A webhook endpoint of this business; any other id is a 404. */
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookEndpointRequest'];
      };
    };
    responses: {
      /** @description The endpoint as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
        /** @description A webhook endpoint of this business; any other id is a 404. */
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  redeliverWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
        /** @description A delivery to this endpoint; any other id is a 404. */
        deliveryId: string;
        /** @description A webhook endpoint of this business; any other id is a 404. */
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued; the deliveries list shows the outcome. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A business the caller is an owner or admin of; any other id is a 404. */
        businessId: string;
        /** @description A webhook endpoint of this business; any other id is a 404. */
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The new secret, shown once. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookSecretResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  eraseMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EraseMeRequest'];
      };
    };
    responses: {
      /** @description The account is erased at the auth-service (every session ended, credentials and personal fields deleted); the other services erase their part and confirm (docs/decisions/0015). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureAcceptedResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No such resource for this caller: it does not exist, or belongs to a business the caller is not a member of. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getNotificationPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The preferences. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  updateNotificationPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateNotificationPreferencesRequest'];
      };
    };
    responses: {
      /** @description The preferences as they are now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  listMyNotifications: {
    parameters: {
      query?: {
        /** @description Only this channel. */
        channel?: components['schemas']['NotificationChannel'];
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Page size. */
        limit?: number;
        /** @description Only this status. */
        status?: components['schemas']['NotificationStatus'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getUnsubscribeStatus: {
    parameters: {
      query: {
        /** @description The signed token of the `List-Unsubscribe` link of an e-mail. */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The address (masked) and its state. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnsubscribeResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  unsubscribe: {
    parameters: {
      query: {
        /** @description The signed token of the `List-Unsubscribe` link of an e-mail. */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/x-www-form-urlencoded': {
          /** @enum {string} */
          'List-Unsubscribe'?: 'One-Click';
        };
      };
    };
    responses: {
      /** @description Unsubscribed (or already was). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnsubscribeResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Well formed, but breaks a rule the schema cannot state (`code` says which), or the `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  receiveSandboxWebhook: {
    parameters: {
      query?: never;
      header: {
        'webhook-id': string;
        'webhook-signature': string;
        'webhook-timestamp': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Recorded. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookReceivedResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
}
