import type { IncomingMessage, RequestOptions } from 'node:http';

/** Paths polled every few seconds by Prometheus and Kubernetes: a trace each would bury the real ones. */
const PROBE_PATHS = [/^\/metrics(?:[/?]|$)/, /^\/health(?:[/?]|$)/];

/** True for scrapes and probes, which get no server span. */
export function isProbeRequest(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  // Asked twice per request: only paths starting `/m` or `/h` can be probes, the rest skip the patterns.
  const second = url.charCodeAt(1);
  if (second !== 0x6d && second !== 0x68) return false;
  return PROBE_PATHS.some((path) => path.test(url));
}

/**
 * A filter for outgoing requests that carry error reports to Sentry's ingest endpoint. Sentry
 * marks them "do not trace" in its own context, which our instrumentation does not read, so each
 * report would otherwise show up as a client span inside the trace of the failed request.
 */
export function sentryIngestFilter(dsn: string | undefined): (request: RequestOptions) => boolean {
  if (!dsn) return () => false;
  const { hostname, pathname } = new URL(dsn);
  const projectId = pathname.split('/').filter(Boolean).pop();
  const ingestPath = `/api/${projectId}/`;
  return (request) => (request.hostname ?? request.host) === hostname && (request.path ?? '').startsWith(ingestPath);
}
