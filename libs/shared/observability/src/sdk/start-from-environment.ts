import { readTelemetryConfig, TelemetryConfigError } from './telemetry-config.js';
import { startTelemetry } from './telemetry.js';

/**
 * Starts telemetry from the environment, for `register.mjs`. A bad setting ends the process
 * with one line naming it, as every other start-up setting does, rather than a stack trace.
 */
export function startTelemetryFromEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  try {
    startTelemetry(readTelemetryConfig(env));
  } catch (error) {
    if (!(error instanceof TelemetryConfigError)) throw error;
    process.stderr.write(`telemetry: ${error.message}\n`);
    process.exit(1);
  }
}
