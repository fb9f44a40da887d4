/** Where a client gets the bearer token of its calls (TokenManager is one). */
export interface AccessTokenProvider {
  /** A token valid for at least a little while. */
  getToken(): Promise<string>;
  /** Forgets the cached token: the upstream answered 401, so it was revoked or rotated. */
  invalidate(): void;
}
