import { type Tree } from '@nx/devkit';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const DATA_CATALOGUE_SERVICES = 'tools/data-catalogue/src/services.ts';

/**
 * The personal-data catalogue reads its migrations (`npm run data:catalogue` then rewrites
 * docs/data/personal-data.md, which `npm test` compares).
 */
export function registerInDataCatalogue(tree: Tree, service: ServiceNames): void {
  insertAt(
    tree,
    DATA_CATALOGUE_SERVICES,
    /^\];/m,
    [
      '  {',
      `    service: '${service.serviceName}',`,
      `    dataSourceModule: persistence('${service.serviceName}', '${service.name}-data-source.ts'),`,
      `    optionsFunction: '${service.propertyName}DataSourceOptions',`,
      '  },',
      '',
    ].join('\n'),
  );
}
