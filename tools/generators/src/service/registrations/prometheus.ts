import { type Tree } from '@nx/devkit';
import type { ServicePorts } from '../ports.js';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const PROMETHEUS_CONFIG = 'deploy/prometheus/prometheus.yml';

/** Prometheus scrapes its management port (the compose network's host name is the service's). */
export function registerInPrometheus(tree: Tree, service: ServiceNames, ports: ServicePorts): void {
  insertAt(
    tree,
    PROMETHEUS_CONFIG,
    /^ {2}- job_name: prometheus$/m,
    [
      `  - job_name: ${service.serviceName}`,
      '    static_configs:',
      `      - targets: ['${service.serviceName}:${ports.managementPort}']`,
      '',
    ].join('\n'),
  );
}
