/**
 * Slow, salted password hashing (argon2id).
 *
 * Contract:
 * - Passwords arrive normalised by the use case (`normalisePassword`, NFKC); the hasher may
 *   normalise again (NFKC is idempotent) but never truncates or trims them.
 * - `hash` resolves a self-describing string (algorithm, parameters, salt and hash: the PHC
 *   format), so parameters can be raised later without breaking stored hashes.
 * - `verify` resolves false for a wrong password, compared in constant time, and also for a
 *   stored hash it cannot use (after costing a dummy verification, and reporting it for logs).
 * - `dummyVerify` costs the same time and memory as a `verify` of a real hash with the current
 *   parameters and resolves false: used for unknown e-mail addresses, so the response time
 *   does not reveal whether an account exists.
 * - `needsRehash` is true when a stored hash was made with other parameters than the current
 *   ones; the log-in use case then stores a new hash of the password the user just proved.
 * - When saturated, `hash`, `verify` and `dummyVerify` may reject at once with the adapter's own
 *   busy error, which the HTTP adapter answers with 503 and `Retry-After`.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  dummyVerify(password: string): Promise<false>;
  needsRehash(hash: string): boolean;
}
