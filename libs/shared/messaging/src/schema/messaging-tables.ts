/** Table names of the messaging library, in the service's own database (one service, one database). */
export const MessagingTable = {
  outbox: 'messaging_outbox',
  inbox: 'messaging_inbox',
  parked: 'messaging_parked_event',
  idempotentRequest: 'messaging_idempotent_request',
} as const;

/** Channel the outbox's NOTIFY wake-up uses, when that mechanism is chosen. */
export const OUTBOX_NOTIFY_CHANNEL = 'messaging_outbox';
