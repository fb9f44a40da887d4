import { describeDatabaseOverTls } from '@platform/infra/testing';
import { DataSource } from 'typeorm';
import { authDataSourceOptions } from '../src/infrastructure/secondary-adapters/persistence/auth-data-source.js';

describeDatabaseOverTls('auth-service', async (url) => {
  const dataSource = new DataSource({ ...authDataSourceOptions(url), migrationsRun: true });
  await dataSource.initialize();
  return dataSource;
});
