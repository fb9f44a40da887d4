import { type Tree } from '@nx/devkit';
import { DEV_SERVICES, type ServicePorts } from '../ports.js';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

/**
 * `npm start` runs it (tools/dev/src/services.ts): before the gateway, on its ports (moved with
 * `<NAME>_SERVICE_PORT`), with a database of its own (moved with `<NAME>_DATABASE`) and, when it
 * consumes, its own consumer group (moved with `<NAME>_CONSUMER_GROUP`).
 */
export function registerInDevServices(
  tree: Tree,
  service: ServiceNames,
  ports: ServicePorts,
  kafka: { consumes: boolean; publishes: boolean },
  publicRoutes: boolean,
): void {
  const env = [
    ...(kafka.consumes || kafka.publishes ? ["        KAFKA_BROKERS: system.kafkaBrokers.join(','),"] : []),
    ...(kafka.consumes
      ? [
          '        // Its own group, never an inherited KAFKA_CONSUMER_GROUP meant for another service.',
          `        KAFKA_CONSUMER_GROUP: env['${service.constantName}_CONSUMER_GROUP'] ?? '${service.serviceName}',`,
        ]
      : []),
  ];
  const spec = [
    '    {',
    `      name: '${service.serviceName}',`,
    `      main: '${service.root}/src/main.ts',`,
    `      ...ports('${service.serviceName}', ${ports.port}, ${ports.managementPort}),`,
    `      database: env['${service.constantName}_DATABASE'] ?? '${service.database}',`,
    env.length === 0 ? '      env: () => ({}),' : `      env: (system) => ({\n${env.join('\n')}\n      }),`,
    '    },',
    '',
  ].join('\n');
  insertAt(tree, DEV_SERVICES, /^ {4}\{\n {6}name: 'gateway',/m, spec);
  if (publicRoutes) {
    const upstream = `${service.constantName}_SERVICE`;
    insertAt(
      tree,
      DEV_SERVICES,
      /^ {8}IDENTITY_SIGNING_KEY: system\.identitySigningKey,\n {8}\/\/ Revoked sessions/m,
      [
        `        ${upstream}_URL: system.endpointsOf('${service.serviceName}').url,`,
        `        ${upstream}_READY_URL: system.endpointsOf('${service.serviceName}').readyUrl,`,
        '',
      ].join('\n'),
    );
  }
}
