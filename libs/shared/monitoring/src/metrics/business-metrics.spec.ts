import { Counter } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITORING_ERROR_CODES, MonitoringError } from '../errors.js';
import { startManagementServer, type ManagementServer } from '../management/management-server.js';
import { scrape } from '../testing/http.js';
import { parseExposition, typesOf, valueOf } from '../testing/prometheus-text.js';
import { defineMetrics, type MetricDefinitions } from './business-metrics.js';

function refusal(definitions: MetricDefinitions): MonitoringError {
  try {
    defineMetrics(definitions);
  } catch (error) {
    if (error instanceof MonitoringError) return error;
    throw error;
  }
  throw new Error('the declaration was accepted');
}

const health = {
  liveness: () => ({ httpStatus: 200 as const, body: { status: 'ok' as const, details: {} } }),
  readiness: async () => ({ httpStatus: 200 as const, body: { status: 'ok' as const, details: {} } }),
  detailed: async () => ({ httpStatus: 200 as const, body: { status: 'ok' as const, details: {} } }),
};

describe('business metrics', () => {
  let server: ManagementServer;

  beforeAll(async () => {
    server = await startManagementServer({ host: '127.0.0.1', port: 0, health });
  });

  afterAll(async () => {
    await server.close();
  });

  describe('at declaration', () => {
    it.each([
      ['id', 'id'],
      ['userId', 'userId'],
      ['user_id', 'user_id'],
      ['invoice_ids', 'invoice_ids'],
      ['url', 'url'],
      ['email', 'email'],
      ['traceId', 'traceId'],
    ])('refuses the unbounded label %s, saying why', (_case, label) => {
      const error = refusal({ bm_refused_total: { kind: 'counter', help: 'x', labelNames: [label] } });
      expect(error.code).toBe(MONITORING_ERROR_CODES.invalidLabelName);
      expect(error.message).toContain(`label "${label}" is unbounded`);
    });

    it('refuses labels Prometheus reserves, malformed and repeated labels', () => {
      expect(refusal({ bm_a_seconds: { kind: 'histogram', help: 'x', labelNames: ['le'] } }).message).toContain(
        'label "le" is reserved',
      );
      expect(refusal({ bm_d_total: { kind: 'counter', help: 'x', labelNames: ['job'] } }).message).toContain(
        'label "job" is reserved',
      );
      expect(refusal({ bm_b_total: { kind: 'counter', help: 'x', labelNames: ['Status'] } }).message).toContain(
        'snake_case',
      );
      expect(refusal({ bm_c_total: { kind: 'counter', help: 'x', labelNames: ['kind', 'kind'] } }).message).toContain(
        'declared twice',
      );
    });

    it('refuses invalid metric names and names that break the suffix rules', () => {
      for (const [name, kind, words] of [
        ['Invoices_total', 'counter', 'snake_case'],
        ['invoices-created_total', 'counter', 'snake_case'],
        ['bm__double_total', 'counter', 'snake_case'],
        ['invoices_created', 'counter', 'must end with "_total"'],
        ['queue_depth_total', 'gauge', 'only counters end with "_total"'],
        ['payment_seconds_count', 'histogram', '_count'],
      ] as const) {
        const error = refusal({ [name]: { kind, help: 'x' } });
        expect(error.code).toBe(MONITORING_ERROR_CODES.invalidMetricName);
        expect(error.message).toContain(words);
      }
    });

    it('refuses platform names, names registered elsewhere, and a second, different declaration', () => {
      const platform = refusal({ db_query_duration_seconds: { kind: 'histogram', help: 'mine' } });
      expect(platform.code).toBe(MONITORING_ERROR_CODES.invalidMetricName);
      expect(platform.message).toContain('reserved for platform metrics');
      new Counter({ name: 'bm_from_elsewhere_total', help: 'declared directly with prom-client' });
      expect(refusal({ bm_from_elsewhere_total: { kind: 'counter', help: 'x' } }).code).toBe(
        MONITORING_ERROR_CODES.metricAlreadyRegistered,
      );
      defineMetrics({ bm_redeclared_total: { kind: 'counter', help: 'first', labelNames: ['kind'] } });
      expect(() =>
        defineMetrics({ bm_redeclared_total: { kind: 'counter', help: 'first', labelNames: ['kind'] } }),
      ).not.toThrow();
      expect(refusal({ bm_redeclared_total: { kind: 'counter', help: 'first', labelNames: ['type'] } }).code).toBe(
        MONITORING_ERROR_CODES.metricAlreadyRegistered,
      );
    });

    it('refuses buckets that do not increase, a missing help text and an unknown kind', () => {
      const buckets = refusal({ bm_bad_buckets_seconds: { kind: 'histogram', help: 'x', buckets: [1, 1, 2] } });
      expect(buckets.code).toBe(MONITORING_ERROR_CODES.invalidMetricDefinition);
      expect(buckets.message).toContain('buckets must be a non-empty list of finite, strictly increasing numbers');
      expect(refusal({ bm_no_help_total: { kind: 'counter', help: ' ' } }).message).toContain('help must say');
      expect(refusal({ bm_summary: { kind: 'summary' } as never }).message).toContain('kind must be');
    });
  });

  describe('at use', () => {
    const metrics = defineMetrics({
      bm_invoices_created_total: { kind: 'counter', help: 'Invoices created', labelNames: ['currency'] },
      bm_jobs_running: { kind: 'gauge', help: 'Jobs running', labelNames: ['task'] },
      bm_payment_amount_minor: {
        kind: 'histogram',
        help: 'Payment amounts in minor units',
        labelNames: ['currency'],
        buckets: [100, 1000, 10000],
      },
      bm_unlabelled_total: { kind: 'counter', help: 'A counter without labels' },
    });

    it('shows counters, gauges and histograms on /metrics with the values recorded', async () => {
      metrics.inc('bm_invoices_created_total', { currency: 'EUR' });
      metrics.inc('bm_invoices_created_total', { currency: 'EUR' }, 2);
      metrics.inc('bm_invoices_created_total', { currency: 'USD' });
      metrics.set('bm_jobs_running', { task: 'reminders' }, 3);
      metrics.dec('bm_jobs_running', { task: 'reminders' });
      metrics.observe('bm_payment_amount_minor', { currency: 'EUR' }, 250);
      metrics.observe('bm_payment_amount_minor', { currency: 'EUR' }, 5000);
      metrics.inc('bm_unlabelled_total', {});

      const text = await scrape(server.url);
      const samples = parseExposition(text);
      expect(typesOf(text).get('bm_invoices_created_total')).toBe('counter');
      expect(typesOf(text).get('bm_jobs_running')).toBe('gauge');
      expect(typesOf(text).get('bm_payment_amount_minor')).toBe('histogram');
      expect(valueOf(samples, 'bm_invoices_created_total', { currency: 'EUR' })).toBe(3);
      expect(valueOf(samples, 'bm_invoices_created_total', { currency: 'USD' })).toBe(1);
      expect(valueOf(samples, 'bm_jobs_running', { task: 'reminders' })).toBe(2);
      expect(valueOf(samples, 'bm_payment_amount_minor_bucket', { currency: 'EUR', le: '100' })).toBe(0);
      expect(valueOf(samples, 'bm_payment_amount_minor_bucket', { currency: 'EUR', le: '1000' })).toBe(1);
      expect(valueOf(samples, 'bm_payment_amount_minor_bucket', { currency: 'EUR', le: '10000' })).toBe(2);
      expect(valueOf(samples, 'bm_payment_amount_minor_count', { currency: 'EUR' })).toBe(2);
      expect(valueOf(samples, 'bm_payment_amount_minor_sum', { currency: 'EUR' })).toBe(5250);
      expect(valueOf(samples, 'bm_unlabelled_total')).toBe(1);
    });

    it('records a timer into its histogram', async () => {
      const timing = defineMetrics({
        bm_export_duration_seconds: { kind: 'histogram', help: 'Export duration', labelNames: ['format'] },
      });
      const seconds = timing.startTimer('bm_export_duration_seconds', { format: 'csv' })();
      const samples = parseExposition(await scrape(server.url));
      expect(valueOf(samples, 'bm_export_duration_seconds_count', { format: 'csv' })).toBe(1);
      expect(valueOf(samples, 'bm_export_duration_seconds_sum', { format: 'csv' })).toBe(seconds);
    });

    it('refuses an unknown label name, a missing label and a value of the wrong type', () => {
      const call = (fn: () => void) => {
        try {
          fn();
        } catch (error) {
          return error as MonitoringError;
        }
        throw new Error('the call was accepted');
      };
      const unknown = call(() =>
        metrics.inc('bm_invoices_created_total', { currency: 'EUR', userId: 'u-1' } as unknown as { currency: string }),
      );
      expect(unknown.code).toBe(MONITORING_ERROR_CODES.invalidLabels);
      expect(unknown.message).toBe('metric "bm_invoices_created_total": unknown label "userId" (declared: currency)');

      const missing = call(() => metrics.inc('bm_invoices_created_total', {} as unknown as { currency: string }));
      expect(missing.message).toContain('label "currency" is missing');

      const wrongType = call(() =>
        metrics.set('bm_jobs_running', { task: { name: 'x' } } as unknown as { task: string }, 1),
      );
      expect(wrongType.message).toContain('must be a string or a finite number');
    });

    it('refuses an undeclared metric and the wrong operation for a kind', () => {
      expect(() => metrics.inc('bm_nope_total' as never, {} as never)).toThrowError(
        expect.objectContaining({ code: MONITORING_ERROR_CODES.unknownMetric }),
      );
      expect(() => metrics.observe('bm_jobs_running' as never, { task: 'x' } as never, 1)).toThrowError(
        expect.objectContaining({
          code: MONITORING_ERROR_CODES.wrongMetricKind,
          message: 'metric "bm_jobs_running" is a gauge; this operation needs a histogram',
        }),
      );
    });

    it('records nothing when a use is refused', async () => {
      expect(() =>
        metrics.inc('bm_invoices_created_total', { currency: 'GBP', url: '/x' } as unknown as { currency: string }),
      ).toThrow();
      const samples = parseExposition(await scrape(server.url));
      expect(valueOf(samples, 'bm_invoices_created_total', { currency: 'GBP' })).toBeUndefined();
    });
  });
});
