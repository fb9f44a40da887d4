import { describe, expect, it } from 'vitest';
import { familyOf, metricNamesOf } from './promql-names.js';

describe('metricNamesOf', () => {
  it('finds the series of an expression, not its functions, labels, values or durations', () => {
    const expr =
      'sum by (job, le) (rate(http_server_request_duration_seconds_bucket{job="gateway",le="0.5"}[5m])) / on (job) group_left sum(rate(up[1h] offset 5m)) > 14.4 * 0.001';
    expect(metricNamesOf(expr)).toEqual(['http_server_request_duration_seconds_bucket', 'up']);
  });

  it('counts recording rule names with colons as names', () => {
    expect(metricNamesOf('slo:sli_error:ratio_rate1h{slo="x"} > (6 * 0.001) and bool job:up:sum')).toEqual([
      'job:up:sum',
      'slo:sli_error:ratio_rate1h',
    ]);
  });

  it('maps the series of a histogram to its family', () => {
    expect(['a_bucket', 'a_count', 'a_sum', 'a_total'].map(familyOf)).toEqual(['a', 'a', 'a', 'a_total']);
  });
});
