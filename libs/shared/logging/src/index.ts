export { RequestContext } from './request-context.js';
export type { ContextIds, ContextTimings } from './request-context.js';
export { redact, redactText, isSecretKey, isPersonalNameKey, maskName, REDACTED } from './redaction.js';
export {
  configureLogging,
  currentLoggingOptions,
  getLogger,
  addTransport,
  closeLogging,
  LOG_LEVELS,
} from './logger.js';
export type { AppLogger, LoggingOptions, LogLevel, LogRecord } from './logger.js';
export { loggingOptionsFromEnv } from './logging-env.js';
export type { ServiceIdentity } from './logging-env.js';
export { NestLogger } from './nest-logger.js';
export { installHttpLogging } from './http/install-http-logging.js';
export type { HttpLoggingOptions } from './http/install-http-logging.js';
export {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  RESPONSE_TIME_HEADER,
  isSafeCorrelationId,
} from './http/correlation-ids.js';
export { newRequestId } from './http/request-id.js';
