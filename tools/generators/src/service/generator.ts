import { formatFiles, generateFiles, getProjects, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import path from 'node:path';
import { knownEventContracts, pickContracts, type EventContractRef } from './event-contracts.js';
import { payloadImports, planNewContract, type NewContract } from './own-contracts.js';
import { choosePorts } from './ports.js';
import { registerAsDeployable } from './registrations/build-service.js';
import { registerNewContract } from './registrations/contracts.js';
import { registerInDataCatalogue } from './registrations/data-catalogue.js';
import { registerInDbBackup } from './registrations/db-backup.js';
import { registerInDeployReadme } from './registrations/deploy-readme.js';
import { registerInDevServices } from './registrations/dev-services.js';
import { registerInCompose } from './registrations/docker-compose.js';
import { registerGatewayUpstream } from './registrations/gateway.js';
import { registerInOverlays } from './registrations/k8s-overlays.js';
import { KUSTOMIZE_BASE, registerInKustomize } from './registrations/kustomize.js';
import { registerInPrometheus } from './registrations/prometheus.js';
import type { ServiceGeneratorSchema } from './schema.js';
import { serviceNames } from './service-name.js';

/**
 * The templates, found from the workspace root rather than from this module's own location, so the
 * generator runs the same as CommonJS (Nx's loader) and as an ES module (the tests).
 */
export const TEMPLATES = 'tools/generators/src/service/files';

/**
 * `nx g @platform/generators:service <name>`: apps/<name>-service in the shape of the other
 * services, and every place a service must be known. A published type of the service's own
 * namespace that does not exist yet (`ledger.entry.recorded` for `ledger`) is added to
 * @platform/contracts; when the service also consumes, its consumer publishes it for each event.
 * Refuses (throws GeneratorError, writing nothing) on an invalid or taken name, a taken port, an
 * unknown event type of another service or a new one that breaks the contracts' naming rules.
 */
export async function serviceGenerator(tree: Tree, schema: ServiceGeneratorSchema): Promise<GeneratorCallback> {
  const service = serviceNames(tree, schema.name, new Set(getProjects(tree).keys()));
  const known = knownEventContracts(tree);
  const consumes = pickContracts(known, schema.consumes, '--consumes');
  const newContracts: NewContract[] = [];
  const publishes = pickContracts(known, schema.publishes, '--publishes', {
    namespace: service.name,
    add: (type) => {
      // The first new one is what the consumers publish (one per consumed event), when there are consumers.
      const contract = planNewContract(tree, service, type, '--publishes', newContracts.length === 0 ? consumes : []);
      newContracts.push(contract);
      return contract.ref;
    },
  });
  const reaction = newContracts.find((contract) => contract.reaction !== undefined);
  const ports = choosePorts(tree, schema.port);
  const publicRoutes = schema.publicRoutes === true;
  const kafka = { consumes: consumes.length > 0, publishes: publishes.length > 0 };

  const templates = path.join(tree.root, TEMPLATES);
  const variables = {
    ...service,
    ...ports,
    consumes,
    publishes,
    kafka: kafka.consumes || kafka.publishes,
    /** The published types added to @platform/contracts by this run. */
    newContracts: newContracts.map((contract) => contract.ref),
    /** The new contract the consumed events' use case publishes, or null. */
    reaction: reaction
      ? { type: reaction.ref.type, contractName: reaction.ref.contractName, timeField: reaction.reaction?.timeField }
      : null,
    // A TypeORM migration's name ends in its timestamp; it orders the service's migrations.
    migrationTimestamp: String(Date.now()),
    contractImports: (contracts: readonly EventContractRef[]) => contracts.map((c) => c.contractName).join(', '),
    tmpl: '',
  };
  generateFiles(tree, path.join(templates, 'app'), service.root, variables);
  if (kafka.consumes) {
    generateFiles(tree, path.join(templates, 'consumes'), service.root, variables);
    for (const contract of consumes) {
      generateFiles(tree, path.join(templates, 'consumer'), service.root, {
        ...variables,
        contract,
        contractFile: contract.fileName,
      });
    }
  }
  if (kafka.publishes) generateFiles(tree, path.join(templates, 'publishes'), service.root, variables);
  generateFiles(tree, path.join(templates, 'k8s'), KUSTOMIZE_BASE, variables);
  for (const contract of newContracts) {
    generateFiles(tree, path.join(templates, 'contract'), path.posix.dirname(contract.file), {
      ...contract,
      imports: payloadImports(contract),
      tmpl: '',
    });
    registerNewContract(tree, service, contract);
  }

  registerInDevServices(tree, service, ports, kafka, publicRoutes);
  registerInPrometheus(tree, service, ports);
  registerInCompose(tree, service, ports, variables.kafka, publicRoutes);
  registerInKustomize(tree, service, ports, publicRoutes);
  registerInOverlays(tree, service);
  registerInDbBackup(tree, service);
  registerInDeployReadme(tree, service);
  registerAsDeployable(tree, service);
  registerInDataCatalogue(tree, service);
  if (publicRoutes) registerGatewayUpstream(tree, service, ports);

  await formatFiles(tree);
  return () => {
    logger.info(
      [
        `${service.serviceName}: http://127.0.0.1:${ports.port} (management http://127.0.0.1:${ports.managementPort})`,
        ...newContracts.map(
          (contract) =>
            `  contract:  ${contract.ref.type}@v1 added to @platform/contracts (${contract.file}), recorded in its snapshot`,
        ),
        `  check it:  npx nx run-many -t lint typecheck build test -p ${service.serviceName}${newContracts.length > 0 ? ' contracts' : ''}`,
        '  run it:    npm start (it starts with the others, ready on /health/ready)',
        '  then:      npm run data:catalogue (docs/data/personal-data.md lists its tables; npm test compares)',
        `  read:      ${service.root}/README.md`,
      ].join('\n'),
    );
  };
}

export default serviceGenerator;
