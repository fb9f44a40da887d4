/** A user as the notification-service knows them, from auth.user.registered and business.member.added. */
export interface KnownUser {
  userId: string;
  email: string;
  displayName: string;
}

/** An invoice's correspondence, from business.invoice.issued (and the dunning events). */
export interface KnownInvoice {
  invoiceId: string;
  businessId: string;
  /** Null only from a business.invoice.issued v1, which carried neither names nor the customer id. */
  businessName: string | null;
  number: string;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string;
}

/**
 * The read models built from events only (never a call to another service), written in the
 * consumer's transaction. Saving what is already there changes nothing older events would undo:
 * each save keeps the newest by the event's time.
 */
export interface RecipientDirectory {
  saveUser(user: KnownUser, at: Date): Promise<void>;
  findUser(userId: string): Promise<KnownUser | undefined>;
  saveBusiness(business: { businessId: string; name: string; ownerUserId: string }, at: Date): Promise<void>;
  saveMember(member: { businessId: string; userId: string; role: string }, at: Date): Promise<void>;
  /** The owner of a business (from business.business.created), with their address when known. */
  findOwner(businessId: string): Promise<KnownUser | undefined>;
  saveInvoice(invoice: KnownInvoice, at: Date): Promise<void>;
  findInvoice(invoiceId: string): Promise<KnownInvoice | undefined>;
  markInvoiceVoided(invoiceId: string, at: Date): Promise<void>;
}
