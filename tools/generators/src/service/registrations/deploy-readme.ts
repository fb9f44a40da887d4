import { type Tree } from '@nx/devkit';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const DEPLOY_README = 'deploy/README.md';

/**
 * deploy/README.md's table of the Secrets to create before applying an overlay gets its row (its
 * manifest mounts `database-url` from the Secret named after it); formatFiles realigns the table.
 */
export function registerInDeployReadme(tree: Tree, service: ServiceNames): void {
  insertAt(
    tree,
    DEPLOY_README,
    /^\| Secret +\| keys +\|\n(?:\|.*\n)+/m,
    `| \`${service.serviceName}\` | \`database-url\` |\n`,
    'after',
  );
}
