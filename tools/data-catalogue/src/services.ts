/**
 * The services that own a database, each with the module and function that give its TypeORM
 * data-source options (the same pair the migration Jobs of deploy/k8s run). A tool may not
 * import an application (@nx/enforce-module-boundaries), so the migrations run in a child
 * process by these paths, through deploy/k8s/base/migrate.mjs.
 */
export interface ServiceDatabase {
  service: string;
  /** The data-source module, from the repository root. */
  dataSourceModule: string;
  /** Its exported `(url) => DataSourceOptions`. */
  optionsFunction: string;
}

const persistence = (service: string, file: string) =>
  `apps/${service}/src/infrastructure/secondary-adapters/persistence/${file}`;

export const SERVICE_DATABASES: readonly ServiceDatabase[] = [
  {
    service: 'auth-service',
    dataSourceModule: persistence('auth-service', 'auth-data-source.ts'),
    optionsFunction: 'authDataSourceOptions',
  },
  {
    service: 'business-service',
    dataSourceModule: persistence('business-service', 'business-data-source.ts'),
    optionsFunction: 'businessDataSourceOptions',
  },
  {
    service: 'notification-service',
    dataSourceModule: persistence('notification-service', 'notification-data-source.ts'),
    optionsFunction: 'notificationDataSourceOptions',
  },
];
