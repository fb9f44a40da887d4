import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@platform/infra';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE_FILE,
  malformedMarks,
  renderCatalogue,
  unmarkedPersonalColumns,
  type ServiceColumns,
} from '../src/catalogue.js';
import { readAllServices } from '../src/schema.js';
import { SERVICE_DATABASES } from '../src/services.js';

// Each service's real migrations, run on a scratch database of the run's PostgreSQL.
describe('the personal data catalogue', () => {
  let services: ServiceColumns[];

  beforeAll(async () => {
    services = await readAllServices();
  }, 300_000);

  it('covers every service that has a database', () => {
    const dataSources = readdirSync(path.join(repoRoot, 'apps')).flatMap((app) => {
      const dir = `apps/${app}/src/infrastructure/secondary-adapters/persistence`;
      try {
        return readdirSync(path.join(repoRoot, dir))
          .filter((file) => file.endsWith('-data-source.ts'))
          .map((file) => `${dir}/${file}`);
      } catch {
        return [];
      }
    });
    expect(SERVICE_DATABASES.map((d) => d.dataSourceModule).sort()).toEqual(dataSources.sort());
  });

  it('marks every column that looks personal', () => {
    const unmarked = unmarkedPersonalColumns(services);
    expect(unmarked, `\n${unmarked.join('\n')}\n`).toEqual([]);
  });

  it('has marks that all parse', () => {
    const malformed = malformedMarks(services);
    expect(malformed, `\n${malformed.join('\n')}\n`).toEqual([]);
  });

  it(`is committed as ${CATALOGUE_FILE}, as the marks say now`, async () => {
    const committed = readFileSync(path.join(repoRoot, CATALOGUE_FILE), 'utf8');
    expect(committed, `${CATALOGUE_FILE} differs from the marks: run \`npm run data:catalogue\` and commit it`).toBe(
      await renderCatalogue(services),
    );
  });
});
