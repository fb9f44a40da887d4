export { startTelemetry, shutdownTelemetry } from './sdk/telemetry.js';
export type { StartTelemetryOptions } from './sdk/telemetry.js';
export { startTelemetryFromEnvironment } from './sdk/start-from-environment.js';
export { readTelemetryConfig, TelemetryConfigError, SAMPLER_NAMES } from './sdk/telemetry-config.js';
export type { TelemetryConfig, SamplerConfig, SamplerName, BatchConfig } from './sdk/telemetry-config.js';
export { withSpan } from './tracing/with-span.js';
export type { WithSpanOptions } from './tracing/with-span.js';
export { injectTraceContext, extractTraceContext, withExtractedContext } from './tracing/trace-context.js';
export { headerGetter, headerSetter } from './tracing/header-carrier.js';
export type { HeaderCarrier, HeaderValue } from './tracing/header-carrier.js';
export {
  installHttpServerTracing,
  HTTP_SERVER_TRACER_NAME,
  TRACE_RESPONSE_HEADER,
} from './tracing/http-server-tracing.js';
export { currentTraceIds } from './tracing/current-trace.js';
export type { TraceIds } from './tracing/current-trace.js';
export { reportError, reportUnhandledException } from './error-tracking/report-error.js';
export { isErrorTrackingEnabled, flushErrorReports } from './error-tracking/error-tracking.js';
