/**
 * The requests this service answered under an `Idempotency-Key`, kept with their answers for a
 * day so that a retry is answered again without running again (@platform/messaging).
 *
 * Contract: `forgetUser` deletes, in the caller's transaction, the stored requests the user made and
 * those whose stored answer names them, and resolves how many it deleted; a second call deletes
 * none. A retry of a forgotten request runs again.
 */
export interface StoredRequests {
  forgetUser(userId: string): Promise<number>;
}
