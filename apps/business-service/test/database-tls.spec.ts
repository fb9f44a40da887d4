import { describeDatabaseOverTls } from '@platform/infra/testing';
import { DataSource } from 'typeorm';
import { businessDataSourceOptions } from '../src/infrastructure/secondary-adapters/persistence/business-data-source.js';

describeDatabaseOverTls('business-service', async (url) => {
  const dataSource = new DataSource({ ...businessDataSourceOptions(url), migrationsRun: true });
  await dataSource.initialize();
  return dataSource;
});
