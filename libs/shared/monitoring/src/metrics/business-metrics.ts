import { Counter, Gauge, Histogram, register } from 'prom-client';
import { MONITORING_ERROR_CODES, MonitoringError } from '../errors.js';
import { assertLabelNames, assertLabelValues, assertMetricName, type LabelValue } from './metric-rules.js';

interface BaseDefinition {
  /** What the metric counts or measures, shown by Prometheus and Grafana. */
  help: string;
  /** Bounded categories only: ids, URLs and e-mails are refused. */
  labelNames?: readonly string[];
}

/** A value that only goes up (events, amounts); its name ends with `_total`. */
export interface CounterDefinition extends BaseDefinition {
  kind: 'counter';
}

/** A value that goes up and down (queue depth, jobs running). */
export interface GaugeDefinition extends BaseDefinition {
  kind: 'gauge';
}

/** A distribution (durations in seconds, amounts); `buckets` are the upper bounds, increasing. */
export interface HistogramDefinition extends BaseDefinition {
  kind: 'histogram';
  buckets?: readonly number[];
}

/** One business metric as a service declares it. */
export type MetricDefinition = CounterDefinition | GaugeDefinition | HistogramDefinition;

/** A service's business metrics, by name. */
export type MetricDefinitions = Readonly<Record<string, MetricDefinition>>;

type NamesOfKind<D extends MetricDefinitions, K extends MetricDefinition['kind']> = {
  [N in keyof D]: D[N]['kind'] extends K ? N : never;
}[keyof D] &
  string;

/** The label values a metric takes: exactly its declared labels. */
export type MetricLabels<Def extends MetricDefinition> = Def extends { labelNames: readonly (infer L extends string)[] }
  ? Record<L, LabelValue>
  : Record<string, never>;

/** The handle `defineMetrics` returns: every operation takes the metric's name and all its labels. */
export interface BusinessMetrics<D extends MetricDefinitions> {
  /** Adds `value` (default 1) to a counter or gauge. */
  inc<N extends NamesOfKind<D, 'counter' | 'gauge'>>(name: N, labels: MetricLabels<D[N]>, value?: number): void;
  /** Subtracts `value` (default 1) from a gauge. */
  dec<N extends NamesOfKind<D, 'gauge'>>(name: N, labels: MetricLabels<D[N]>, value?: number): void;
  /** Sets a gauge. */
  set<N extends NamesOfKind<D, 'gauge'>>(name: N, labels: MetricLabels<D[N]>, value: number): void;
  /** Records one value in a histogram. */
  observe<N extends NamesOfKind<D, 'histogram'>>(name: N, labels: MetricLabels<D[N]>, value: number): void;
  /** Starts timing for a histogram in seconds; calling the result records and returns the seconds. */
  startTimer<N extends NamesOfKind<D, 'histogram'>>(name: N, labels: MetricLabels<D[N]>): () => number;
}

type AnyMetric = Counter<string> | Gauge<string> | Histogram<string>;

interface Declared {
  signature: string;
  metric: AnyMetric;
}

// What this module declared, so that evaluating a declaration twice (tests, hot reload) reuses the
// metric, while a different declaration under the same name fails loudly.
const declared = new Map<string, Declared>();

function assertBuckets(name: string, buckets: readonly number[] | undefined): void {
  if (buckets === undefined) return;
  const increasing = buckets.every((b, i) => Number.isFinite(b) && (i === 0 || b > (buckets[i - 1] as number)));
  if (buckets.length === 0 || !increasing) {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.invalidMetricDefinition,
      `metric "${name}": buckets must be a non-empty list of finite, strictly increasing numbers`,
    );
  }
}

function create(name: string, definition: MetricDefinition): AnyMetric {
  const labelNames = [...(definition.labelNames ?? [])];
  const base = { name, help: definition.help, labelNames };
  switch (definition.kind) {
    case 'counter':
      return new Counter(base);
    case 'gauge':
      return new Gauge(base);
    case 'histogram':
      return new Histogram(definition.buckets ? { ...base, buckets: [...definition.buckets] } : base);
  }
}

function declare(name: string, definition: MetricDefinition): AnyMetric {
  const kind: unknown = definition?.kind;
  if (kind !== 'counter' && kind !== 'gauge' && kind !== 'histogram') {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.invalidMetricDefinition,
      `metric "${name}": kind must be "counter", "gauge" or "histogram"`,
    );
  }
  assertMetricName(name, definition.kind);
  if (typeof definition.help !== 'string' || definition.help.trim() === '') {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.invalidMetricDefinition,
      `metric "${name}": help must say what it measures`,
    );
  }
  assertLabelNames(name, definition.labelNames ?? []);
  if (definition.kind === 'histogram') assertBuckets(name, definition.buckets);

  const signature = JSON.stringify([
    definition.kind,
    definition.help,
    definition.labelNames ?? [],
    'buckets' in definition ? definition.buckets : null,
  ]);
  const previous = declared.get(name);
  if (previous) {
    if (previous.signature === signature) return previous.metric;
    throw new MonitoringError(
      MONITORING_ERROR_CODES.metricAlreadyRegistered,
      `metric "${name}" is already declared with a different kind, help, labels or buckets`,
    );
  }
  if (register.getSingleMetric(name)) {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.metricAlreadyRegistered,
      `metric "${name}" is already registered by another part of the process (a platform metric or another library)`,
    );
  }
  const metric = create(name, definition);
  declared.set(name, { signature, metric });
  return metric;
}

/**
 * Declares a service's business metrics once, checking names and labels, and returns a handle
 * to use them by name; every use checks its labels against the declaration.
 */
export function defineMetrics<const D extends MetricDefinitions>(definitions: D): BusinessMetrics<D> {
  const metrics = new Map<string, { definition: MetricDefinition; metric: AnyMetric }>();
  for (const [name, definition] of Object.entries(definitions)) {
    metrics.set(name, { definition, metric: declare(name, definition) });
  }

  function use(name: string, kinds: readonly MetricDefinition['kind'][], labels: unknown): AnyMetric {
    const entry = metrics.get(name);
    if (!entry) {
      throw new MonitoringError(
        MONITORING_ERROR_CODES.unknownMetric,
        `metric "${name}" is not declared (declared: ${[...metrics.keys()].join(', ') || 'none'})`,
      );
    }
    if (!kinds.includes(entry.definition.kind)) {
      throw new MonitoringError(
        MONITORING_ERROR_CODES.wrongMetricKind,
        `metric "${name}" is a ${entry.definition.kind}; this operation needs a ${kinds.join(' or ')}`,
      );
    }
    assertLabelValues(name, entry.definition.labelNames ?? [], labels as Record<string, unknown> | undefined);
    return entry.metric;
  }

  return {
    inc(name, labels, value = 1) {
      (use(name, ['counter', 'gauge'], labels) as Counter<string>).inc(labels, value);
    },
    dec(name, labels, value = 1) {
      (use(name, ['gauge'], labels) as Gauge<string>).dec(labels, value);
    },
    set(name, labels, value) {
      (use(name, ['gauge'], labels) as Gauge<string>).set(labels, value);
    },
    observe(name, labels, value) {
      (use(name, ['histogram'], labels) as Histogram<string>).observe(labels, value);
    },
    startTimer(name, labels) {
      return (use(name, ['histogram'], labels) as Histogram<string>).startTimer(labels);
    },
  };
}
