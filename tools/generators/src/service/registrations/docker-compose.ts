import { type Tree } from '@nx/devkit';
import type { ServicePorts } from '../ports.js';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const COMPOSE_FILE = 'docker-compose.yml';
/** Creates one role and database per service on the compose stack's first start. */
export const COMPOSE_DATABASES = 'deploy/compose/postgres/create-service-databases.sh';

/**
 * `docker compose up` builds and runs it before the gateway, with a database and role of its own;
 * with public routes the gateway gets its URLs and waits for it.
 */
export function registerInCompose(
  tree: Tree,
  service: ServiceNames,
  ports: ServicePorts,
  kafka: boolean,
  publicRoutes: boolean,
): void {
  const block = [
    `  ${service.serviceName}:`,
    '    build:',
    '      <<: *service-build',
    '      args:',
    `        SERVICE: ${service.serviceName}`,
    '    <<: *platform-service',
    '    environment:',
    '      <<: *platform-environment',
    `      PORT: ${ports.port}`,
    `      MANAGEMENT_PORT: ${ports.managementPort}`,
    `      DATABASE_URL: postgres://${service.database}:\${POSTGRES_PASSWORD}@postgres:5432/${service.database}`,
    '    depends_on:',
    '      postgres:',
    '        condition: service_healthy',
    ...(kafka ? ['      kafka:', '        condition: service_healthy'] : []),
    '',
    '',
  ].join('\n');
  insertAt(tree, COMPOSE_FILE, /^ {2}gateway:\n {4}build:/m, block);
  insertAt(tree, COMPOSE_DATABASES, /^for service in [a-z_ ]+/m, ` ${service.database}`, 'after');
  if (publicRoutes) {
    const upstream = `${service.constantName}_SERVICE`;
    insertAt(
      tree,
      COMPOSE_FILE,
      /^ {6}REDIS_URL: redis:\/\/redis:6379\n {4}ports:\n {6}- '127\.0\.0\.1:3000:3000'/m,
      [
        `      ${upstream}_URL: http://${service.serviceName}:${ports.port}`,
        `      ${upstream}_READY_URL: http://${service.serviceName}:${ports.managementPort}/health/ready`,
        '',
      ].join('\n'),
    );
    insertAt(
      tree,
      COMPOSE_FILE,
      /^ {6}redis:\n {8}condition: service_healthy\n\nvolumes:/m,
      `      ${service.serviceName}:\n        condition: service_healthy\n`,
    );
  }
}
