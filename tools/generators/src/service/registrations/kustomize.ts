import { type Tree } from '@nx/devkit';
import type { ServicePorts } from '../ports.js';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const KUSTOMIZE_BASE = 'deploy/k8s/base';
const KUSTOMIZATION = `${KUSTOMIZE_BASE}/kustomization.yaml`;

/**
 * The kustomize base deploys it: its manifest (written from the template beside the service's
 * files) among the resources, and a ConfigMap of its settings; with public routes the gateway's
 * ConfigMap gets its URLs.
 */
export function registerInKustomize(
  tree: Tree,
  service: ServiceNames,
  ports: ServicePorts,
  publicRoutes: boolean,
): void {
  insertAt(tree, KUSTOMIZATION, /^ {2}- db-backup\.yaml$/m, `  - ${service.serviceName}.yaml\n`);
  // Its ConfigMap goes last, after the others of configMapGenerator (the file's last section).
  tree.write(
    KUSTOMIZATION,
    `${(tree.read(KUSTOMIZATION, 'utf-8') ?? '').trimEnd()}\n  - name: ${service.serviceName}\n    literals:\n      - SERVICE_NAME=${service.serviceName}\n      - PORT=${ports.port}\n      - MANAGEMENT_PORT=${ports.managementPort}\n`,
  );
  if (publicRoutes) {
    const upstream = `${service.constantName}_SERVICE`;
    insertAt(
      tree,
      KUSTOMIZATION,
      /^ {6}- NOTIFICATION_SERVICE_READY_URL=.*\n/m,
      [
        `      - ${upstream}_URL=http://${service.serviceName}:${ports.port}`,
        `      - ${upstream}_READY_URL=http://${service.serviceName}:${ports.managementPort}/health/ready`,
        '',
      ].join('\n'),
      'after',
    );
  }
}
