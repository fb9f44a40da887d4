import { MONITORING_ERROR_CODES, MonitoringError } from '../errors.js';

// Rules for metrics a service declares. Stricter than Prometheus on purpose: one spelling
// (snake_case) everywhere, and no label that can take one value per user, request or URL,
// because every distinct label value is a new time series kept in memory by every scraper.

const METRIC_NAME = /^[a-z][a-z0-9_]*$/;
const LABEL_NAME = /^[a-z][a-z0-9_]*$/;

/** Labels prom-client or Prometheus give a meaning of their own. */
const RESERVED_LABELS = new Map([
  ['le', 'holds the bucket bounds of histograms'],
  ['quantile', 'holds the quantiles of summaries'],
  ['job', 'is set by Prometheus on every scraped series (yours would become exported_job)'],
  ['instance', 'is set by Prometheus on every scraped series (yours would become exported_instance)'],
]);

/** Labels whose values are unbounded by nature, compared without case or underscores. */
const UNBOUNDED_LABELS = new Set([
  'id',
  'ids',
  'uuid',
  'guid',
  'url',
  'uri',
  'path',
  'query',
  'querystring',
  'email',
  'ip',
  'ipaddress',
  'useragent',
  'token',
  'message',
  'errormessage',
  'timestamp',
]);

/** `user_id`, `userId`, `invoice_ids`, `traceId`: an id of something, one value per thing. */
const ID_SUFFIX = /(?:_|[a-z0-9](?=I))(?:id|Id|ID)s?$/;

/**
 * Prefixes of the platform's own metrics (this library's and prom-client's process metrics),
 * refused even before those are registered, so a service cannot take a name first.
 */
const PLATFORM_PREFIXES = ['http_server_', 'http_client_', 'db_query_', 'process_', 'nodejs_'];

/** Refuses a metric name that is not snake_case, breaks the suffix rule of its kind or is the platform's. */
export function assertMetricName(name: string, kind: 'counter' | 'gauge' | 'histogram'): void {
  const fail = (why: string): never => {
    throw new MonitoringError(MONITORING_ERROR_CODES.invalidMetricName, `metric name "${name}" ${why}`);
  };
  if (!METRIC_NAME.test(name) || name.includes('__')) {
    fail('must be snake_case: lower-case letters, digits and single underscores, starting with a letter');
  }
  const prefix = PLATFORM_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) fail(`uses the prefix "${prefix}", which is reserved for platform metrics`);
  if (kind === 'counter' && !name.endsWith('_total')) fail('is a counter and must end with "_total"');
  if (kind !== 'counter' && name.endsWith('_total')) fail(`is a ${kind}; only counters end with "_total"`);
  if (kind === 'histogram' && /_(?:count|sum|bucket)$/.test(name)) {
    fail('must not end with _count, _sum or _bucket: Prometheus adds those to histograms');
  }
}

/** Refuses label names that are malformed, reserved, repeated or unbounded, saying which and why. */
export function assertLabelNames(metric: string, labelNames: readonly string[]): void {
  const fail = (why: string): never => {
    throw new MonitoringError(MONITORING_ERROR_CODES.invalidLabelName, `metric "${metric}": ${why}`);
  };
  const seen = new Set<string>();
  for (const label of labelNames) {
    if (typeof label !== 'string' || label.length === 0) fail('label names must be non-empty strings');
    if (seen.has(label)) fail(`label "${label}" is declared twice`);
    seen.add(label);
    if (UNBOUNDED_LABELS.has(label.toLowerCase().replace(/_/g, '')) || ID_SUFFIX.test(label)) {
      fail(
        `label "${label}" is unbounded (one value per entity, request or URL) and would create a time series per value; ` +
          'use a bounded category instead (a status, a type, a route template) and put ids in logs or traces',
      );
    }
    const reserved = RESERVED_LABELS.get(label) ?? (label.startsWith('__') ? 'is for Prometheus internals' : undefined);
    if (reserved) fail(`label "${label}" is reserved: it ${reserved}`);
    if (!LABEL_NAME.test(label)) {
      fail(`label "${label}" must be snake_case: lower-case letters, digits and underscores, starting with a letter`);
    }
  }
}

/** Label values as prom-client accepts them. */
export type LabelValue = string | number;

/**
 * Refuses label values that name an undeclared label or leave a declared one out: a missing label
 * would start a separate series without it, which dashboards then silently miss.
 */
export function assertLabelValues(
  metric: string,
  labelNames: readonly string[],
  labels: Readonly<Record<string, unknown>> | undefined,
): void {
  const fail = (why: string): never => {
    throw new MonitoringError(MONITORING_ERROR_CODES.invalidLabels, `metric "${metric}": ${why}`);
  };
  const given = labels ?? {};
  if (typeof given !== 'object' || given === null) fail('labels must be an object');
  const declared = labelNames.length ? labelNames.join(', ') : 'none';
  for (const [key, value] of Object.entries(given)) {
    if (!labelNames.includes(key)) fail(`unknown label "${key}" (declared: ${declared})`);
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      fail(`label "${key}" must be a string or a finite number, got ${value === null ? 'null' : typeof value}`);
    }
  }
  for (const name of labelNames) {
    if (!(name in given)) fail(`label "${name}" is missing (declared: ${declared})`);
  }
}
