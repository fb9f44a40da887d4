import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from '@platform/resilience';
import type { ResolvedWebhookTarget, WebhookTargetResolver } from '../../../application/ports/webhook-target.port.js';
import { WebhookErrorCode, WebhookUrlRefusedError } from '../../../domain/webhook.errors.js';

/** What the SSRF policy lets through besides public https URLs (both refused in production by the config). */
export interface WebhookTargetPolicy {
  /** http:// URLs (development and tests). */
  allowHttp: boolean;
  /** Loopback addresses (tests with receivers on 127.0.0.1). */
  allowLoopback: boolean;
  /** Longest URL accepted. */
  maxUrlLength?: number;
}

/**
 * The SSRF guard of webhook URLs (Svix's NonLocalDnsResolver idea): resolves the host once,
 * refuses the URL when ANY address it resolves to is not public (a host with one private
 * address among public ones is refused: the connection could pick it), and gives the checked
 * address to connect to.
 */
export class DnsWebhookTargetResolver implements WebhookTargetResolver {
  constructor(private readonly policy: WebhookTargetPolicy) {}

  async resolve(text: string): Promise<ResolvedWebhookTarget> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new WebhookUrlRefusedError(WebhookErrorCode.INVALID_URL, 'The webhook URL is not a valid absolute URL.');
    }
    if (text.length > (this.policy.maxUrlLength ?? 2048)) {
      throw new WebhookUrlRefusedError(WebhookErrorCode.INVALID_URL, 'The webhook URL is longer than 2048 characters.');
    }
    if (url.username || url.password) {
      throw new WebhookUrlRefusedError(WebhookErrorCode.INVALID_URL, 'The webhook URL must not carry credentials.');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.policy.allowHttp)) {
      throw new WebhookUrlRefusedError(WebhookErrorCode.URL_NOT_HTTPS, 'The webhook URL must use https.', {
        protocol: url.protocol,
      });
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: { address: string; family: number }[];
    try {
      addresses = isIP(host)
        ? [{ address: host, family: isIP(host) }]
        : await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new WebhookUrlRefusedError(WebhookErrorCode.URL_UNRESOLVABLE, "The webhook URL's host does not resolve.", {
        host,
        error: (error as { code?: string }).code,
      });
    }
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind === 'public' || (kind === 'loopback' && this.policy.allowLoopback)) continue;
      throw new WebhookUrlRefusedError(
        WebhookErrorCode.URL_NOT_PUBLIC,
        `The webhook URL leads to a ${kind} address; only public addresses can receive webhooks.`,
        { host, addressClass: kind },
      );
    }
    const first = addresses[0];
    if (!first) {
      throw new WebhookUrlRefusedError(WebhookErrorCode.URL_UNRESOLVABLE, "The webhook URL's host does not resolve.", {
        host,
      });
    }
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }
}
