import { type Tree } from '@nx/devkit';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const BUILD_SERVICE = 'tools/scripts/build-service.mjs';

/** The Dockerfile's build stage (`SERVICE=<name>`) can build it: one more deployable. */
export function registerAsDeployable(tree: Tree, service: ServiceNames): void {
  insertAt(
    tree,
    BUILD_SERVICE,
    /^ {2}'payment-sandbox': \{/m,
    `  '${service.serviceName}': { root: '${service.root}', entry: 'src/main.js', assets: [] },\n`,
  );
}
