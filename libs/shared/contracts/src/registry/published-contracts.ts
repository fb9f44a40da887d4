import { UserPasswordChangedV1Contract } from '../auth/user-password-changed.v1.js';
import { UserRegisteredV1Contract } from '../auth/user-registered.v1.js';
import { UserErasureRequestedV1Contract } from '../auth/user-erasure-requested.v1.js';
import { UserSessionsRevokedV1Contract } from '../auth/user-sessions-revoked.v1.js';
import { BusinessCreatedV1Contract } from '../business/business-created.v1.js';
import { BusinessUpdatedV1Contract } from '../business/business-updated.v1.js';
import { InvoiceIssuedV1Contract } from '../business/invoice-issued.v1.js';
import { InvoiceIssuedV2Contract } from '../business/invoice-issued.v2.js';
import { InvoicePaidV1Contract } from '../business/invoice-paid.v1.js';
import { InvoiceOverdueV1Contract } from '../business/invoice-overdue.v1.js';
import { InvoiceReminderDueV1Contract } from '../business/invoice-reminder-due.v1.js';
import { InvoiceVoidedV1Contract } from '../business/invoice-voided.v1.js';
import { PaymentFailedV1Contract } from '../business/payment-failed.v1.js';
import { BusinessMemberAddedV1Contract } from '../business/member-added.v1.js';
import { BusinessMemberRemovedV1Contract } from '../business/member-removed.v1.js';
import { BusinessMemberRoleChangedV1Contract } from '../business/member-role-changed.v1.js';
import {
  BusinessErasureCompletedV1Contract,
  NotificationErasureCompletedV1Contract,
} from '../erasure/erasure-completed.v1.js';
import { createContractRegistry } from './contract-registry.js';

/**
 * Every contract services may publish. A new contract or version is added here, and the
 * compatibility test then insists it is recorded in contracts.snapshot.json.
 */
export const publishedContracts = createContractRegistry([
  UserRegisteredV1Contract,
  UserPasswordChangedV1Contract,
  UserSessionsRevokedV1Contract,
  UserErasureRequestedV1Contract,
  BusinessCreatedV1Contract,
  BusinessUpdatedV1Contract,
  BusinessMemberAddedV1Contract,
  BusinessMemberRoleChangedV1Contract,
  BusinessMemberRemovedV1Contract,
  InvoiceIssuedV1Contract,
  InvoiceIssuedV2Contract,
  InvoicePaidV1Contract,
  InvoiceVoidedV1Contract,
  InvoiceOverdueV1Contract,
  InvoiceReminderDueV1Contract,
  PaymentFailedV1Contract,
  BusinessErasureCompletedV1Contract,
  NotificationErasureCompletedV1Contract,
]);
