import { register } from 'prom-client';

/** The value of one series of a metric on the default registry (0 when the series does not exist). */
export async function metricValue(name: string, labels: Record<string, string>, suffix = ''): Promise<number> {
  const metric = register.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const series = values.find(
    (value) =>
      (suffix === '' || (value as { metricName?: string }).metricName === `${name}${suffix}`) &&
      Object.entries(labels).every(
        ([key, expected]) => String((value.labels as Record<string, unknown>)[key]) === expected,
      ),
  );
  return series?.value ?? 0;
}
