import * as Sentry from '@sentry/node';
import { scrubEvent } from './scrub-event.js';
import { errorTags } from './error-tags.js';

/** Where error reports go and how this service is named in them. */
export interface ErrorTrackingOptions {
  dsn: string;
  serviceName: string;
  serviceVersion: string;
  environment: string;
}

/** Request headers worth seeing next to an error and never secret. */
const SAFE_REQUEST_HEADERS = [
  'user-agent',
  'content-type',
  'accept',
  'x-correlation-id',
  'x-request-id',
  'traceparent',
];

/** How long shutdown waits for queued reports to reach Sentry. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Starts Sentry for errors only. Tracing stays with our OpenTelemetry SDK: Sentry registers no
 * tracer provider, adds no loader hooks and no `sentry-trace`/`baggage` headers of its own, and
 * each event carries our trace and correlation ids as tags.
 */
export function initErrorTracking(options: ErrorTrackingOptions): void {
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    release: `${options.serviceName}@${options.serviceVersion}`,
    initialScope: { tags: { service: options.serviceName } },
    // Our NodeSDK owns the global tracer provider and propagator (the v11 default, stated here
    // because turning it on would replace them).
    enableOpenTelemetrySetup: false,
    // These runtime hooks would add a third module loader after import-in-the-middle and
    // swc-node, for Sentry's own tracing, which we do not use.
    enableRuntimeChannelInjection: false,
    // No performance integrations even if SENTRY_TRACES_SAMPLE_RATE is set: spans go to OTLP.
    defaultIntegrations: Sentry.getDefaultIntegrationsWithoutPerformance(),
    tracePropagationTargets: [],
    // Collect less in the first place; beforeSend then scrubs what remains. Bodies, local variables
    // and query strings are where passwords and tokens sit; headers are kept to a harmless few.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: { request: { allow: SAFE_REQUEST_HEADERS }, response: false },
      httpBodies: [],
      urlQueryParams: false,
      stackFrameVariables: false,
      databaseQueryData: false,
      queues: false,
    },
    beforeSend: (event) => scrubEvent(withErrorTags(event)),
  });
}

/** Fills in trace and correlation tags on events Sentry captured itself (uncaught errors). */
function withErrorTags(event: Sentry.ErrorEvent): Sentry.ErrorEvent {
  return { ...event, tags: { ...errorTags(), ...event.tags } };
}

/** True once error tracking is running (a DSN was configured). */
export function isErrorTrackingEnabled(): boolean {
  return Sentry.isEnabled();
}

/** Sends what is queued and stops error tracking; resolves even if Sentry cannot be reached. */
export async function closeErrorTracking(): Promise<void> {
  if (Sentry.isInitialized()) await Sentry.close(CLOSE_TIMEOUT_MS);
}

/**
 * Waits until the reports queued so far have been sent (or `timeoutMs` passed), for short-lived
 * processes such as a CLI job that reports and exits. Resolves false on timeout.
 */
export async function flushErrorReports(timeoutMs = CLOSE_TIMEOUT_MS): Promise<boolean> {
  if (!Sentry.isEnabled()) return true;
  return Sentry.flush(timeoutMs);
}
