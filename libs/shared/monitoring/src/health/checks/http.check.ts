import type { ReadinessCheck } from '../readiness-check.js';

/** Options of {@link httpCheck}. */
export interface HttpCheckOptions {
  /** Key in health bodies, e.g. the downstream's name (`auth-service`). */
  name: string;
  /** URL to GET, typically the downstream's own readiness endpoint. */
  url: string;
  /** Milliseconds before the check counts as down; default 3000. */
  timeoutMs?: number;
}

/**
 * Readiness of a downstream HTTP service: a GET that must answer 2xx. Redirects count as failures,
 * so a health URL that bounces to a login page never passes for healthy.
 */
export function httpCheck(options: HttpCheckOptions): ReadinessCheck {
  const url = new URL(options.url);
  return {
    name: options.name,
    timeoutMs: options.timeoutMs,
    async check({ signal }) {
      const response = await fetch(url, { signal, redirect: 'manual', headers: { accept: 'application/json' } });
      // The body is not needed; cancelling it frees the connection for the next probe.
      await response.body?.cancel();
      if (response.status < 200 || response.status > 299) {
        throw new Error(`GET ${url.origin}${url.pathname} answered ${response.status}`);
      }
      return { statusCode: response.status };
    },
  };
}
