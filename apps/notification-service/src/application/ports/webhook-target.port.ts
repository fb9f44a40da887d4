/** A webhook URL resolved to the one address that was checked and will be connected to. */
export interface ResolvedWebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a webhook URL and checks it against the SSRF policy: https (unless allowed), every
 * address the host resolves to public (loopback only when allowed). Throws WebhookUrlRefusedError.
 * Callers connect to `address`, never resolve the host again (no DNS rebinding in between).
 */
export interface WebhookTargetResolver {
  resolve(url: string): Promise<ResolvedWebhookTarget>;
}
