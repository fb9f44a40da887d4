import { statfs } from 'node:fs/promises';
import { Gauge, register } from 'prom-client';

/** Something that reports its readiness checks as `{ name: up }` when Prometheus scrapes. */
export type HealthStatusSource = () => Promise<Record<string, boolean>>;

// Every HealthService of the process (tests run several applications in one) adds its source here;
// one gauge serves them all, because prom-client refuses a second metric of the same name.
const sources = new Set<HealthStatusSource>();

function gauge(name: string, help: string, labelNames: readonly string[], collect: (g: Gauge) => Promise<void>): void {
  if (register.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    async collect() {
      await collect(this);
    },
  });
}

/**
 * Registers `health_check_status{check}` (1 up, 0 down: what /health/ready checks, evaluated on each
 * scrape so an alert sees a database outage without a probe asking) and the free space of the
 * file system holding the working directory, `filesystem_avail_bytes` / `filesystem_size_bytes`
 * (a service has no node exporter beside it under `npm start`). Returns the function removing `source`.
 */
export function exportHealthStatus(source: HealthStatusSource): () => void {
  gauge(
    'health_check_status',
    'Readiness checks of the service, evaluated at scrape time: 1 up, 0 down',
    ['check'],
    async (metric) => {
      metric.reset();
      for (const read of sources) {
        for (const [check, up] of Object.entries(await read())) metric.set({ check }, up ? 1 : 0);
      }
    },
  );
  const space = async (field: 'avail' | 'size', metric: Gauge) => {
    const fs = await statfs(process.cwd());
    metric.set({ path: process.cwd() }, (field === 'avail' ? fs.bavail : fs.blocks) * fs.bsize);
  };
  gauge(
    'filesystem_avail_bytes',
    'Space available to the service on the file system of its working directory',
    ['path'],
    (m) => space('avail', m),
  );
  gauge('filesystem_size_bytes', 'Size of the file system of the working directory', ['path'], (m) => space('size', m));
  sources.add(source);
  return () => sources.delete(source);
}
