import { diag, type DiagLogLevel } from '@opentelemetry/api';
import { getLogger } from '@platform/logging';

/**
 * Sends the SDK's own messages (a failed export, a dropped span, a bad setting) to the service's
 * JSON log. NodeSDK otherwise discards them, or prints them to the console when OTEL_LOG_LEVEL is set.
 */
export function routeDiagnosticsToLogs(level: DiagLogLevel): void {
  const logger = getLogger('opentelemetry');
  const meta = (args: unknown[]) => (args.length > 0 ? { details: args } : undefined);
  diag.setLogger(
    {
      error: (message, ...args) => logger.error(message, meta(args)),
      warn: (message, ...args) => logger.warn(message, meta(args)),
      info: (message, ...args) => logger.info(message, meta(args)),
      debug: (message, ...args) => logger.debug(message, meta(args)),
      verbose: (message, ...args) => logger.debug(message, meta(args)),
    },
    { logLevel: level, suppressOverrideMessage: true },
  );
}
