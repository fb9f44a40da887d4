import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isProbeRequest, sentryIngestFilter } from './untraced-requests.js';

const request = (url: string) => ({ url }) as IncomingMessage;

describe('isProbeRequest', () => {
  it('leaves Prometheus scrapes and health probes untraced, and nothing else', () => {
    expect(
      ['/metrics', '/health', '/health/live', '/health?verbose=1'].map((url) => isProbeRequest(request(url))),
    ).toEqual([true, true, true, true]);
    expect(['/metricsx', '/v1/health-records', '/healthz', '/'].map((url) => isProbeRequest(request(url)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('sentryIngestFilter', () => {
  it("matches the uploads to the DSN's ingest endpoint only", () => {
    const isIngest = sentryIngestFilter('https://key@o1.ingest.sentry.io/4505');
    expect(isIngest({ hostname: 'o1.ingest.sentry.io', path: '/api/4505/envelope/?sentry_version=7' })).toBe(true);
    expect(isIngest({ hostname: 'o1.ingest.sentry.io', path: '/api/999/envelope/' })).toBe(false);
    expect(isIngest({ hostname: 'billing.internal', path: '/api/4505/envelope/' })).toBe(false);
  });

  it('matches nothing without a DSN', () => {
    expect(sentryIngestFilter(undefined)({ hostname: 'o1.ingest.sentry.io', path: '/api/4505/envelope/' })).toBe(false);
  });
});
