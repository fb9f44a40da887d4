/**
 * The claim condition that keeps a key's notifications in order (AddNotificationOrderKey1799200000000):
 * the row `alias` is claimable only when no earlier notification of the same channel, recipient and
 * order key is still queued, retrying or being sent. Earlier is by the event's time, then by id
 * (UUID v7, in the order the consumer applied the key's events). A notification without a key
 * waits for nothing. One failing delivery holds back only the later ones of its own key.
 */
export function noUnfinishedPredecessor(alias: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM notifications earlier
     WHERE ${alias}.order_key IS NOT NULL
       AND earlier.channel = ${alias}.channel
       AND earlier.recipient = ${alias}.recipient
       AND earlier.order_key = ${alias}.order_key
       AND earlier.order_key IS NOT NULL
       AND earlier.status IN ('queued', 'retrying', 'sending')
       AND (earlier.occurred_at, earlier.id) < (${alias}.occurred_at, ${alias}.id))`;
}
