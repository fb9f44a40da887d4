/**
 * The events this service has stored for publication (the outbox: rows still pending and rows kept
 * after publishing until their retention ends).
 *
 * Contract: `anonymiseUser` replaces, inside the stored payloads of events about the user, every
 * field that carries their personal data (e-mail, display name) with `ERASED_USER`, leaving the
 * rest of each event as it was (ids, order, publication state), in the caller's transaction.
 * Resolves the number of rows it changed; a second call for the same user changes none. Records
 * already on Kafka are outside its reach (their topic retention bounds them).
 */
export interface PublishedEvents {
  anonymiseUser(userId: string): Promise<number>;
}
