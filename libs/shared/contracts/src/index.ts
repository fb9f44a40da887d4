// Envelope and transport conventions: the same for every event.
export { EventEnvelope, MAX_SOURCE_LENGTH } from './envelope/event-envelope.js';
export type { EventOf } from './envelope/event-of.js';
export { KafkaHeader, EVENT_CONTENT_TYPE, MESSAGE_KEY_FIELD } from './envelope/kafka-headers.js';
export type { KafkaHeaderName } from './envelope/kafka-headers.js';

// Declaring contracts and naming them.
export { defineEvent } from './define/define-event.js';
export type { EventContract, EventContractDefinition, PayloadClass, PayloadOf } from './define/define-event.js';
export { ContractDefinitionError } from './define/contract-definition.error.js';
export { EVENT_TYPE_PATTERN, TOPIC_PATTERN, SERVICE_NAME_PATTERN } from './naming/event-naming.js';
export { createContractRegistry, contractKey } from './registry/contract-registry.js';
export type { ContractRegistry } from './registry/contract-registry.js';
export { publishedContracts } from './registry/published-contracts.js';

// Building blocks of payloads.
export { Money } from './common/money.js';
export { ID_UUID_VERSION, MAX_TRACE_ID_LENGTH, SAFE_ID_PATTERN } from './common/ids.js';
export { IsUtcTimestamp, IS_UTC_TIMESTAMP, isUtcTimestamp } from './common/is-utc-timestamp.js';
export { IsRfc3339DateTime, IS_RFC3339_DATE_TIME, parseRfc3339 } from './common/rfc3339.js';
export { IsCalendarDate, IS_CALENDAR_DATE, isCalendarDate } from './common/calendar-date.js';
export { CodePointLength, CODE_POINT_LENGTH, codePointLength } from './common/code-point-length.js';

// auth-service events.
export { AUTH_USER_TOPIC_V1 } from './auth/topics.js';
export { UserRegisteredV1, UserRegisteredV1Contract } from './auth/user-registered.v1.js';
export { UserPasswordChangedV1, UserPasswordChangedV1Contract } from './auth/user-password-changed.v1.js';
export {
  SESSIONS_REVOKED_REASONS,
  UserSessionsRevokedV1,
  UserSessionsRevokedV1Contract,
} from './auth/user-sessions-revoked.v1.js';
export type { SessionsRevokedReason } from './auth/user-sessions-revoked.v1.js';
export { UserErasureRequestedV1, UserErasureRequestedV1Contract } from './auth/user-erasure-requested.v1.js';
export { ERASED_PERSON } from './erasure/erased-person.js';

// Erasure confirmations, one contract per confirming service, one payload.
export {
  BUSINESS_ERASURE_TOPIC_V1,
  BusinessErasureCompletedV1Contract,
  ErasureCompletedV1,
  NOTIFICATION_ERASURE_TOPIC_V1,
  NotificationErasureCompletedV1Contract,
} from './erasure/erasure-completed.v1.js';

// business-service events.
export {
  BUSINESS_BUSINESS_TOPIC_V1,
  BUSINESS_INVOICE_TOPIC_V1,
  BUSINESS_MEMBER_TOPIC_V1,
  BUSINESS_PAYMENT_TOPIC_V1,
} from './business/topics.js';
export { BusinessCreatedV1, BusinessCreatedV1Contract } from './business/business-created.v1.js';
export { BusinessUpdatedV1, BusinessUpdatedV1Contract } from './business/business-updated.v1.js';
export { BusinessMemberAddedV1, BusinessMemberAddedV1Contract } from './business/member-added.v1.js';
export { BusinessMemberRemovedV1, BusinessMemberRemovedV1Contract } from './business/member-removed.v1.js';
export { BusinessMemberRoleChangedV1, BusinessMemberRoleChangedV1Contract } from './business/member-role-changed.v1.js';
export { InvoiceIssuedV1, InvoiceIssuedV1Contract } from './business/invoice-issued.v1.js';
export { InvoiceIssuedV2, InvoiceIssuedV2Contract, InvoiceIssuedV2Line } from './business/invoice-issued.v2.js';
export { InvoicePaidV1, InvoicePaidV1Contract } from './business/invoice-paid.v1.js';
export { InvoiceVoidedV1, InvoiceVoidedV1Contract } from './business/invoice-voided.v1.js';
export { InvoiceOverdueV1, InvoiceOverdueV1Contract } from './business/invoice-overdue.v1.js';
export { InvoiceReminderDueV1, InvoiceReminderDueV1Contract } from './business/invoice-reminder-due.v1.js';
export { PaymentFailedV1, PaymentFailedV1Contract } from './business/payment-failed.v1.js';
export { InvoiceCorrespondence } from './business/invoice-correspondence.js';

// The `Idempotency-Key` header of routes that create resources.
export { IDEMPOTENCY_KEY_PATTERN } from './http/common/idempotency-key.js';

// The public HTTP API of the auth-service (through the gateway): bodies, queries and answers.
export { USER_ROLES } from './http/auth/user-roles.js';
export type { UserRole } from './http/auth/user-roles.js';
export {
  ChangePasswordRequest,
  EraseMeRequest,
  ListUsersQuery,
  LogInRequest,
  RefreshTokenRequest,
  RegisterRequest,
} from './http/auth/auth.requests.js';
export {
  ERASURE_REQUESTED_VIA,
  ERASURE_STATUSES,
  ErasureAcceptedResponse,
  ErasureConfirmationResponse,
  ErasureResponse,
  JsonWebKeyResponse,
  JsonWebKeySetResponse,
  TokenResponse,
  UserPageResponse,
  UserResponse,
} from './http/auth/auth.responses.js';
export type { ErasureRequestedVia, ErasureStatus } from './http/auth/auth.responses.js';

// Errors over HTTP (RFC 9457), as @platform/validation writes them.
export { FieldErrorResponse, ProblemDetailsResponse } from './http/problem/problem-details.response.js';

// The public HTTP API of the business-service (through the gateway): bodies, queries and answers.
export { BUSINESS_ROLES } from './business/business-roles.js';
export type { BusinessRole } from './business/business-roles.js';
export { INVOICE_STATUSES } from './business/invoice-statuses.js';
export type { InvoiceStatus } from './business/invoice-statuses.js';
export { MoneyResponse } from './http/common/money.response.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuery } from './http/common/page.query.js';
export {
  AddMemberRequest,
  CreateBusinessRequest,
  UpdateBusinessRequest,
  UpdateMemberRequest,
} from './http/business/business.requests.js';
export {
  BusinessPageResponse,
  BusinessResponse,
  BusinessSummaryResponse,
  InvoiceStatusTotalResponse,
  MemberPageResponse,
  MemberResponse,
  OverdueTotalResponse,
} from './http/business/business.responses.js';
export {
  AddressRequest,
  CreateCustomerRequest,
  ListCustomersQuery,
  UpdateCustomerRequest,
} from './http/business/customer.requests.js';
export { AddressResponse, CustomerPageResponse, CustomerResponse } from './http/business/customer.responses.js';
export {
  CreateInvoiceRequest,
  InvoiceLineRequest,
  ListInvoicesQuery,
  MAX_INVOICE_LINES,
  MAX_LINE_QUANTITY,
  MAX_TAX_RATE_BPS,
  MAX_UNIT_AMOUNT_MINOR,
  UpdateInvoiceRequest,
  VoidInvoiceRequest,
} from './http/business/invoice.requests.js';
export { InvoiceLineResponse, InvoicePageResponse, InvoiceResponse } from './http/business/invoice.responses.js';
export {
  CreateRecurringInvoiceRequest,
  MAX_PAYMENT_TERM_DAYS,
  RECURRING_CADENCES,
  UpdateRecurringInvoiceRequest,
} from './http/business/recurring-invoice.requests.js';
export type { RecurringCadence } from './http/business/recurring-invoice.requests.js';
export {
  RECURRING_INVOICE_STATUSES,
  RecurringInvoiceLineResponse,
  RecurringInvoicePageResponse,
  RecurringInvoiceResponse,
} from './http/business/recurring-invoice.responses.js';
export type { RecurringInvoiceStatus } from './http/business/recurring-invoice.responses.js';
export {
  JobErrorResponse,
  JobRunAcceptedResponse,
  JobStatusResponse,
  JobsStatusResponse,
} from './http/business/admin-jobs.responses.js';
export {
  PaymentAmountRequest,
  RecordManualPaymentRequest,
  StartPaymentRequest,
} from './http/business/payment.requests.js';
export {
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PaymentListResponse,
  PaymentResponse,
  WebhookReceivedResponse,
} from './http/business/payment.responses.js';
export type { PaymentMethod, PaymentStatus } from './http/business/payment.responses.js';
export {
  CreateWebhookEndpointRequest,
  ListWebhookDeliveriesQuery,
  ListWebhookEndpointsQuery,
  UpdateWebhookEndpointRequest,
  WEBHOOK_EVENT_TYPES,
} from './http/notification/webhook-endpoint.requests.js';
export type { WebhookEventTypeName } from './http/notification/webhook-endpoint.requests.js';
export {
  WebhookAttemptResponse,
  WebhookDeliveryPageResponse,
  WebhookDeliveryResponse,
  WebhookEndpointCreatedResponse,
  WebhookEndpointPageResponse,
  WebhookEndpointResponse,
  WebhookSecretResponse,
} from './http/notification/webhook-endpoint.responses.js';
export {
  ListNotificationsQuery,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  UpdateNotificationPreferencesRequest,
} from './http/notification/notification.requests.js';
export type { NotificationChannelName, NotificationStatusName } from './http/notification/notification.requests.js';
export {
  NotificationPageResponse,
  NotificationPreferencesResponse,
  NotificationResponse,
  UnsubscribeResponse,
} from './http/notification/notification.responses.js';
