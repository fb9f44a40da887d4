import { BaseHttpClient } from '../http/base-http-client.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import { TokenResponse } from './token-response.js';

/** Where and how to ask for client-credentials tokens. */
export interface TokenManagerOptions {
  /** The token endpoint, `https://auth.example.com/oauth/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
  /** Refresh this long before expiry (at most half the lifetime). Default 60 000 ms. */
  refreshBeforeExpiryMs?: number;
  /** The lifetime assumed when the server sends no `expires_in`. Default 300 000 ms. */
  defaultLifetimeMs?: number;
  /** `basic` (HTTP Basic, RFC 6749 §2.3.1, the default) or `body` (client_secret_post). */
  clientAuthentication?: 'basic' | 'body';
  /** Names the token endpoint's breaker, metrics and spans. Default `oauth:<host>`. */
  upstream?: string;
  /** Time limit of each attempt. Default 5 000 ms. */
  timeoutMs?: number;
  /** The clock, in epoch milliseconds; tests move it instead of waiting. */
  now?: () => number;
}

interface CachedToken {
  token: string;
  refreshAt: number;
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before they are joined for Basic. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64');
}

/**
 * OAuth 2.0 client-credentials tokens for calls to third parties: cached until shortly before
 * they expire, and refreshed by one request however many callers need a token at that moment.
 */
export class TokenManager implements AccessTokenProvider {
  private cached?: CachedToken;
  private pending?: Promise<string>;
  private readonly http: BaseHttpClient;
  private readonly path: string;
  private readonly now: () => number;

  constructor(private readonly options: TokenManagerOptions) {
    const url = new URL(options.tokenUrl);
    this.path = `${url.pathname}${url.search}`;
    this.now = options.now ?? Date.now;
    this.http = new BaseHttpClient({
      upstream: options.upstream ?? `oauth:${url.host}`,
      baseUrl: url.origin,
      timeoutMs: options.timeoutMs,
    });
  }

  /** A valid access token: the cached one, or the one being fetched for everybody. */
  getToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets the cached token; the next `getToken` fetches a new one. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret, scope, audience } = this.options;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope) form.set('scope', scope);
    if (audience) form.set('audience', audience);
    const headers: Record<string, string> = {};
    if (this.options.clientAuthentication === 'body') {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    } else {
      headers['authorization'] = `Basic ${basicCredentials(clientId, clientSecret)}`;
    }
    const requestedAt = this.now();
    // A token request changes nothing on the server but the tokens it issued: safe to repeat.
    const response = await this.http.post(this.path, {
      body: form,
      headers,
      response: TokenResponse,
      idempotent: true,
    });
    const lifetimeMs =
      response.expires_in !== undefined ? response.expires_in * 1000 : (this.options.defaultLifetimeMs ?? 300_000);
    const marginMs = Math.min(this.options.refreshBeforeExpiryMs ?? 60_000, lifetimeMs / 2);
    // Counted from the request, not the answer: the server's clock started before ours stopped.
    this.cached = { token: response.access_token, refreshAt: requestedAt + lifetimeMs - marginMs };
    return response.access_token;
  }
}
