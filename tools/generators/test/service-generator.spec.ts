import { FsTree } from 'nx/src/generators/tree.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { GeneratorError, serviceGenerator, type ServiceGeneratorSchema } from '../src/index.js';
import { repoRoot } from './support/scratch-workspace.js';

// The generator on a tree of this repository held in memory: its changes are never flushed to disk,
// so these tests cannot touch the working tree.
describe('service generator refusals', () => {
  const refusal = async (schema: ServiceGeneratorSchema, tree = new FsTree(repoRoot, false)) => {
    const before = tree.listChanges().length;
    const error = await serviceGenerator(tree, schema).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect(tree.listChanges()).toHaveLength(before);
    return (error as GeneratorError).message;
  };

  it.each(['Orders', 'orders_v2', '2fa', 'orders--x', '-orders', ''])(
    'refuses "%s", which is not kebab-case',
    async (name) => {
      expect(await refusal({ name })).toContain('is not a valid service name');
    },
  );

  it.each(['gateway', 'auth', 'business-service', 'notification'])('refuses the reserved name "%s"', async (name) => {
    expect(await refusal({ name })).toMatch(/is reserved/);
  });

  it('refuses a name longer than 30 characters', async () => {
    expect(await refusal({ name: 'a'.repeat(31) })).toContain('is too long');
  });

  it('refuses a name whose folder exists', async () => {
    const tree = new FsTree(repoRoot, false);
    tree.write('apps/ledger-service/README.md', '# ledger\n');
    expect(await refusal({ name: 'ledger' }, tree)).toContain('ledger-service already exists (apps/ledger-service)');
  });

  it('refuses an unknown event type and lists the known ones', async () => {
    const message = await refusal({ name: 'ledger', consumes: 'business.invoice.paid,business.invoice.lost' });
    expect(message).toContain('--consumes: unknown event type "business.invoice.lost"');
    expect(message).toContain('business.invoice.paid@v1');
    expect(message).toContain('auth.user.registered@v1');
    expect(await refusal({ name: 'ledger', publishes: 'business.invoice.issued@v9' })).toContain(
      '--publishes: unknown event type "business.invoice.issued@v9"',
    );
  });

  it("refuses a port another service's defaults hold", async () => {
    expect(await refusal({ name: 'ledger', port: 3002 })).toContain('--port 3002 is taken');
  });

  it('refuses the same name a second time', async () => {
    const tree = new FsTree(repoRoot, false);
    await serviceGenerator(tree, { name: 'ledger' });
    expect(tree.exists('apps/ledger-service/src/main.ts')).toBe(true);
    const changes = tree.listChanges().length;
    const error = await serviceGenerator(tree, { name: 'ledger' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toContain('ledger-service already exists');
    expect(tree.listChanges()).toHaveLength(changes);
  });
});

describe('service generator registrations', () => {
  it('registers the service in every place a service is known, on the next free ports', async () => {
    const tree = new FsTree(repoRoot, false);
    await serviceGenerator(tree, { name: 'ledger', consumes: 'business.invoice.paid', publicRoutes: true });
    const read = (file: string) => tree.read(file, 'utf-8') ?? '';
    expect(read('tools/dev/src/services.ts')).toContain("...ports('ledger-service', 3004, 9004)");
    expect(read('tools/dev/src/services.ts')).toContain("LEDGER_SERVICE_URL: system.endpointsOf('ledger-service').url");
    expect(read('deploy/prometheus/prometheus.yml')).toContain("- targets: ['ledger-service:9004']");
    expect(read('docker-compose.yml')).toMatch(/^ {2}ledger-service:\n {4}build:/m);
    expect(read('docker-compose.yml')).toContain('LEDGER_SERVICE_READY_URL: http://ledger-service:9004/health/ready');
    expect(read('deploy/compose/postgres/create-service-databases.sh')).toMatch(/for service in .* ledger;/);
    expect(read('deploy/k8s/base/kustomization.yaml')).toContain('  - ledger-service.yaml');
    expect(read('deploy/k8s/base/kustomization.yaml')).toContain(
      '      - LEDGER_SERVICE_URL=http://ledger-service:3004',
    );
    expect(tree.exists('deploy/k8s/base/ledger-service.yaml')).toBe(true);
    // Each overlay names its image as it names the gateway's; the scheduled backup dumps its database.
    expect(read('deploy/k8s/overlays/dev/kustomization.yaml')).toContain(
      '  - { name: platform/ledger-service, newTag: dev }',
    );
    expect(read('deploy/k8s/overlays/prod/kustomization.yaml')).toContain(
      "  - { name: platform/ledger-service, newName: registry.platform.example/platform/ledger-service, newTag: '0.1.0' }",
    );
    expect(read('deploy/k8s/base/db-backup.yaml')).toContain(
      [
        '                  - secret:',
        '                      name: ledger-service',
        '                      items: [{ key: database-url, path: ledger-service/database-url }]',
        '            - name: backups',
      ].join('\n'),
    );
    // The Secret to create before applying an overlay: a row of deploy/README.md's table, realigned.
    expect(read('deploy/README.md')).toMatch(/^\| `ledger-service` +\| `database-url` +\|$/m);
    expect(read('deploy/README.md')).toMatch(/^\| `notification-service` \| `database-url`, /m);
    expect(read('tools/scripts/build-service.mjs')).toContain("'ledger-service': { root: 'apps/ledger-service'");
    expect(read('apps/gateway/src/infrastructure/secondary-adapters/upstreams.ts')).toContain(
      "service: 'ledger-service'",
    );
    expect(read('apps/gateway/src/gateway.config.ts')).toContain("LEDGER_SERVICE_URL = 'http://127.0.0.1:3004'");
    expect(read('tools/data-catalogue/src/services.ts')).toContain("optionsFunction: 'ledgerDataSourceOptions'");
    expect(read('apps/ledger-service/project.json')).toContain('"tags": ["type:app"]');
    expect(
      tree.exists(
        'apps/ledger-service/src/infrastructure/primary-adapters/events/business-invoice-paid.event.controller.ts',
      ),
    ).toBe(true);
  });

  it('writes a kustomize manifest that parses, with its objects on its ports and a migration Job in its image', async () => {
    const tree = new FsTree(repoRoot, false);
    await serviceGenerator(tree, { name: 'ledger' });
    const objects = parseAllDocuments(tree.read('deploy/k8s/base/ledger-service.yaml', 'utf-8')!).map((document) => {
      expect(document.errors).toEqual([]);
      return document.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    });
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      'Deployment/ledger-service',
      'Service/ledger-service',
      'HorizontalPodAutoscaler/ledger-service',
      'PodDisruptionBudget/ledger-service',
      'NetworkPolicy/ledger-service',
      'Job/ledger-service-migrate',
    ]);
    expect(objects[1]!.spec['ports'].map((port: { port: number }) => port.port)).toEqual([3004, 9004]);
    const job = objects[5]!.spec['template'].spec.containers[0];
    expect(job.image).toBe('platform/ledger-service');
    expect(job.command).toContain('ledgerDataSourceOptions');
  });

  it('leaves the gateway alone without --public-routes', async () => {
    const tree = new FsTree(repoRoot, false);
    await serviceGenerator(tree, { name: 'ledger', port: 3100 });
    const changed = tree.listChanges().map((change) => change.path);
    expect(changed.some((file) => file.startsWith('apps/gateway/'))).toBe(false);
    expect(tree.read('tools/dev/src/services.ts', 'utf-8')).toContain("...ports('ledger-service', 3100, 9004)");
    // No Kafka without events: no broker setting, no consumer.
    expect(tree.read('apps/ledger-service/src/ledger.config.ts', 'utf-8')).not.toContain('KAFKA_BROKERS');
  });
});
