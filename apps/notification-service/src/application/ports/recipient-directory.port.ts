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

/** A user's membership of a business as a member event states it: `role` held from `at` on (or until, when removed). */
export interface KnownMembership {
  businessId: string;
  userId: string;
  role: string;
}

/**
 * The read models built from events only (never a call to another service), written in the
 * consumer's transaction. Saving what is already there changes nothing older events would undo:
 * each save keeps the newest by the event's time.
 */
export interface RecipientDirectory {
  /**
   * True when the user was erased (a tombstone): nothing about them is recorded or sent any more.
   * Until the transaction ends an erasure of the user waits for it, so what it writes about them
   * after a `false` is either deleted by that erasure or never written.
   */
  isErased(userId: string): Promise<boolean>;
  saveUser(user: KnownUser, at: Date): Promise<void>;
  findUser(userId: string): Promise<KnownUser | undefined>;
  saveBusiness(business: { businessId: string; name: string; ownerUserId: string }, at: Date): Promise<void>;
  /**
   * A member with this role since `at` (added, role changed, or the owner of a new business);
   * ignored when an event of this member no older than `at` is recorded, a removal included.
   */
  saveMember(member: KnownMembership, at: Date): Promise<void>;
  /**
   * The member left at `at`: from then on not a member for any read. The removal is kept, so an
   * older event that arrives later (ties included) does not bring the member back; a newer one does
   * (added again).
   */
  removeMember(member: KnownMembership, at: Date): Promise<void>;
  /**
   * The owner to tell about a business: its creator while still an owner, else its longest-standing
   * owner; only current members with a known address count.
   */
  findOwner(businessId: string): Promise<KnownUser | undefined>;
  saveInvoice(invoice: KnownInvoice, at: Date): Promise<void>;
  findInvoice(invoiceId: string): Promise<KnownInvoice | undefined>;
  markInvoiceVoided(invoiceId: string, at: Date): Promise<void>;
}
