import { describeDatabaseOverTls } from '@platform/infra/testing';
import { DataSource } from 'typeorm';
import { notificationDataSourceOptions } from '../src/infrastructure/secondary-adapters/persistence/notification-data-source.js';

describeDatabaseOverTls('notification-service', async (url) => {
  const dataSource = new DataSource({ ...notificationDataSourceOptions(url), migrationsRun: true });
  await dataSource.initialize();
  return dataSource;
});
