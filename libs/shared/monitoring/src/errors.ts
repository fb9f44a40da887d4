/** The codes of {@link MonitoringError}: one per mistake a service can make with this library. */
export const MONITORING_ERROR_CODES = {
  /** A metric name that Prometheus or the platform's naming rules refuse. */
  invalidMetricName: 'MONITORING.INVALID_METRIC_NAME',
  /** A metric declaration without a valid kind, help text or buckets. */
  invalidMetricDefinition: 'MONITORING.INVALID_METRIC_DEFINITION',
  /** A label name that is malformed, reserved by Prometheus, or unbounded (ids, URLs, e-mails...). */
  invalidLabelName: 'MONITORING.INVALID_LABEL_NAME',
  /** A metric declared twice with different definitions, or a name another part of the process owns. */
  metricAlreadyRegistered: 'MONITORING.METRIC_ALREADY_REGISTERED',
  /** A metric used by a name that was never declared. */
  unknownMetric: 'MONITORING.UNKNOWN_METRIC',
  /** A metric used through the wrong kind of operation (observe on a counter...). */
  wrongMetricKind: 'MONITORING.WRONG_METRIC_KIND',
  /** Label values that do not match the declared label names. */
  invalidLabels: 'MONITORING.INVALID_LABELS',
  /** A malformed option or environment variable (MANAGEMENT_PORT...). */
  invalidConfiguration: 'MONITORING.INVALID_CONFIGURATION',
  /** The management server could not listen (port taken, address not on this machine). */
  managementServerFailed: 'MONITORING.MANAGEMENT_SERVER_FAILED',
  /** A management route's handler failed (answered as a 500 Problem Details, logged with the cause). */
  managementRouteFailed: 'MONITORING.MANAGEMENT_ROUTE_FAILED',
} as const;

/** One of {@link MONITORING_ERROR_CODES}. */
export type MonitoringErrorCode = (typeof MONITORING_ERROR_CODES)[keyof typeof MONITORING_ERROR_CODES];

/** A programming or configuration mistake in the use of this library; `code` says which. */
export class MonitoringError extends Error {
  override readonly name = 'MonitoringError';

  constructor(
    readonly code: MonitoringErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
