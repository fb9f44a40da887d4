import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FsTree } from 'nx/src/generators/tree.js';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { GeneratorError, serviceGenerator, type ServiceGeneratorSchema } from '../src/index.js';
import { knownEventContracts } from '../src/service/event-contracts.js';
import { repoRoot } from './support/scratch-workspace.js';

/** contracts.snapshot.json, as far as these tests read it. */
interface Snapshot {
  contracts: Record<string, unknown>;
}

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

describe('service generator: a published type of its own', () => {
  const CONTRACT = 'libs/shared/contracts/src/ledger/entry-recorded.v1.ts';
  const TOPICS = 'libs/shared/contracts/src/ledger/topics.ts';
  const REGISTRY = 'libs/shared/contracts/src/registry/published-contracts.ts';
  const INDEX = 'libs/shared/contracts/src/index.ts';
  const README = 'libs/shared/contracts/README.md';
  const SNAPSHOT = 'libs/shared/contracts/contracts.snapshot.json';
  const ledger: ServiceGeneratorSchema = {
    name: 'ledger',
    consumes: 'business.invoice.paid',
    publishes: 'ledger.entry.recorded',
  };
  const generated = async (schema: ServiceGeneratorSchema, tree = new FsTree(repoRoot, false)) => {
    await serviceGenerator(tree, schema);
    return { tree, read: (file: string) => tree.read(file, 'utf-8') ?? '' };
  };

  it('adds the contract to @platform/contracts, in the shape of the others', async () => {
    const { tree, read } = await generated(ledger);
    const contract = read(CONTRACT);
    expect(contract).toContain('export class LedgerEntryRecordedV1 {');
    expect(contract).toMatch(/@IsUUID\(ID_UUID_VERSION\)\n {2}receivedEventId!: string;/);
    expect(contract).toMatch(/@IsString\(\)\n {2}@Matches\(EVENT_TYPE_PATTERN\)\n {2}receivedEventType!: string;/);
    expect(contract).toMatch(/@IsUtcTimestamp\(\)\n {2}recordedAt!: string;/);
    expect(contract).toContain(
      [
        'export const LedgerEntryRecordedV1Contract = defineEvent({',
        "  type: 'ledger.entry.recorded',",
        '  version: 1,',
        '  topic: LEDGER_ENTRY_TOPIC_V1,',
        '  payload: LedgerEntryRecordedV1,',
      ].join('\n'),
    );
    // The example is the one of the consumed type it is built from.
    expect(contract).toContain("receivedEventType: 'business.invoice.paid',");
    expect(read(TOPICS)).toContain("export const LEDGER_ENTRY_TOPIC_V1 = 'ledger.entry.v1';");
    expect(read(REGISTRY)).toContain("import { LedgerEntryRecordedV1Contract } from '../ledger/entry-recorded.v1.js';");
    expect(read(REGISTRY)).toMatch(/ {2}LedgerEntryRecordedV1Contract,\n\]\);/);
    expect(read(INDEX)).toContain(
      [
        '// ledger-service events.',
        "export { LEDGER_ENTRY_TOPIC_V1 } from './ledger/topics.js';",
        "export { LedgerEntryRecordedV1, LedgerEntryRecordedV1Contract } from './ledger/entry-recorded.v1.js';",
      ].join('\n'),
    );
    expect(read(README)).toMatch(
      /^ {2}\| `ledger\.entry\.recorded@v1` +\| `LedgerEntryRecordedV1` +\| `ledger\.entry\.v1` +\|$/m,
    );
    // Registered as the generator reads the registry: a later run knows it.
    expect(knownEventContracts(tree)).toContainEqual(
      expect.objectContaining({
        type: 'ledger.entry.recorded',
        version: 1,
        contractName: 'LedgerEntryRecordedV1Contract',
      }),
    );
  });

  it('records it in contracts.snapshot.json as UPDATE_CONTRACT_SNAPSHOT=1 would, the other entries untouched', async () => {
    const { read } = await generated(ledger);
    const before = JSON.parse(readFileSync(path.join(repoRoot, SNAPSHOT), 'utf8')) as Snapshot;
    const after = JSON.parse(read(SNAPSHOT)) as Snapshot;
    expect(after.contracts['ledger.entry.recorded@v1']).toEqual({
      type: 'ledger.entry.recorded',
      version: 1,
      topic: 'ledger.entry.v1',
      payload: {
        receivedEventId: { type: 'uuid', required: true },
        receivedEventType: { type: 'string', required: true },
        recordedAt: { type: 'timestamp', required: true },
      },
    });
    const { ['ledger.entry.recorded@v1']: _, ...others } = after.contracts;
    expect(others).toEqual(before.contracts);
    // Keys in the order and text in the format the test's writeSnapshot gives (sorted, then Prettier).
    expect(Object.keys(after.contracts)).toEqual(Object.keys(after.contracts).sort((a, b) => a.localeCompare(b)));
    const file = path.join(repoRoot, SNAPSHOT);
    expect(read(SNAPSHOT)).toBe(
      await format(JSON.stringify(after), { ...((await resolveConfig(file)) ?? {}), filepath: file }),
    );
  });

  it("publishes it from each consumed event, in the consumer's transaction, and its tests say so", async () => {
    const { read } = await generated(ledger);
    const useCase = read('apps/ledger-service/src/application/record-received-event.use-case.ts');
    expect(useCase).toContain('await tx.receivedEvents.record(event);');
    expect(useCase).toContain('await tx.events.publish(LedgerEntryRecordedV1Contract, {');
    expect(useCase).toContain('receivedEventId: event.eventId');
    const consumedTest = read('apps/ledger-service/test/consumed-events.spec.ts');
    expect(consumedTest).toContain('FROM messaging_outbox WHERE key = $1');
    expect(consumedTest).toContain("it('records and publishes once when the same event arrives twice'");
    expect(consumedTest).toContain("it('records and publishes nothing when the transaction rolls back'");
    expect(read('apps/ledger-service/README.md')).toContain(
      "`ledger.entry.recorded`: the service's own, added to `@platform/contracts`",
    );
  });

  it('lists the contract files in a dry run', async () => {
    const { tree } = await generated(ledger);
    const changes = tree.listChanges().map((change) => `${change.type} ${change.path}`);
    expect(changes).toEqual(
      expect.arrayContaining([
        `CREATE ${CONTRACT}`,
        `CREATE ${TOPICS}`,
        `UPDATE ${REGISTRY}`,
        `UPDATE ${INDEX}`,
        `UPDATE ${README}`,
        `UPDATE ${SNAPSHOT}`,
      ]),
    );
  });

  it('refuses a second run, and adds the contract once', async () => {
    const { tree, read } = await generated(ledger);
    const changes = tree.listChanges().map((change) => [change.path, change.content?.toString()]);
    const error = await serviceGenerator(tree, ledger).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toContain('ledger-service already exists');
    expect(tree.listChanges().map((change) => [change.path, change.content?.toString()])).toEqual(changes);
    expect(read(REGISTRY).match(/LedgerEntryRecordedV1Contract/g)).toHaveLength(2);
  });

  it('reuses a type of its own that exists already, and rewrites none of its files', async () => {
    const tree = new FsTree(repoRoot, false);
    // A contract someone declared by hand, with a payload of their own.
    tree.write(TOPICS, "export const LEDGER_ENTRY_TOPIC_V1 = 'ledger.entry.v1';\n");
    tree.write(
      CONTRACT,
      [
        "import { IsUUID } from 'class-validator';",
        "import { defineEvent } from '../define/define-event.js';",
        "import { LEDGER_ENTRY_TOPIC_V1 } from './topics.js';",
        'export class LedgerEntryRecordedV1 {',
        "  @IsUUID('7')",
        '  entryId!: string;',
        '}',
        'export const LedgerEntryRecordedV1Contract = defineEvent({',
        "  type: 'ledger.entry.recorded',",
        '  version: 1,',
        '  topic: LEDGER_ENTRY_TOPIC_V1,',
        '  payload: LedgerEntryRecordedV1,',
        "  description: 'An entry was recorded.',",
        "  example: { entryId: '01964f58-2a3b-7c4d-8e5f-6a7b8c9d0e1f' },",
        '});',
        '',
      ].join('\n'),
    );
    const registry = (tree.read(REGISTRY, 'utf-8') ?? '')
      .replace(
        'import { createContractRegistry }',
        "import { LedgerEntryRecordedV1Contract } from '../ledger/entry-recorded.v1.js';\nimport { createContractRegistry }",
      )
      .replace(/\n\]\);/, '\n  LedgerEntryRecordedV1Contract,\n]);');
    tree.write(REGISTRY, registry);
    const before = [CONTRACT, TOPICS, REGISTRY, INDEX, README, SNAPSHOT].map((file) => tree.read(file, 'utf-8'));

    const { read } = await generated(ledger, tree);
    expect([CONTRACT, TOPICS, REGISTRY, INDEX, README, SNAPSHOT].map((file) => tree.read(file, 'utf-8'))).toEqual(
      before,
    );
    // Published through the outbox as any existing type; the consumer does not guess its payload.
    expect(read('apps/ledger-service/test/outbox.spec.ts')).toContain(
      "import { LedgerEntryRecordedV1Contract } from '@platform/contracts';",
    );
    expect(read('apps/ledger-service/src/application/record-received-event.use-case.ts')).not.toContain('publish');
  });

  it('without consumers, gives a new type the id of its aggregate and the instant of its verb', async () => {
    const { read } = await generated({ name: 'tax-rates', publishes: 'tax-rates.rate.changed' });
    const contract = read('libs/shared/contracts/src/tax-rates/rate-changed.v1.ts');
    expect(contract).toContain('export class TaxRatesRateChangedV1 {');
    expect(contract).toMatch(/@IsUUID\(ID_UUID_VERSION\)\n {2}rateId!: string;/);
    expect(contract).toMatch(/@IsUtcTimestamp\(\)\n {2}changedAt!: string;/);
    expect(contract).not.toContain('receivedEvent');
    expect(read('libs/shared/contracts/src/tax-rates/topics.ts')).toContain(
      "export const TAX_RATES_RATE_TOPIC_V1 = 'tax-rates.rate.v1';",
    );
    expect(read('apps/tax-rates-service/test/outbox.spec.ts')).toContain('TaxRatesRateChangedV1Contract');
  });

  it("keeps publishing another service's existing type as it is", async () => {
    const { tree, read } = await generated({ ...ledger, publishes: 'business.invoice.voided' });
    expect(tree.listChanges().some((change) => change.path.startsWith('libs/shared/contracts/'))).toBe(false);
    expect(read('apps/ledger-service/test/outbox.spec.ts')).toContain('InvoiceVoidedV1Contract');
  });

  it('accepts a participle the naming rules list, as defineEvent does', async () => {
    const { read } = await generated({ ...ledger, publishes: 'ledger.entry.written' });
    expect(read('libs/shared/contracts/src/ledger/entry-written.v1.ts')).toContain("type: 'ledger.entry.written',");
  });

  it.each([
    ['ledger.entry.record', 'the verb "record" must be in the past tense'],
    ['ledger.entry', 'a type is <domain>.<aggregate>.<past-tense-verb>'],
    ['ledger.Entry.recorded', 'a type is <domain>.<aggregate>.<past-tense-verb>'],
  ])('refuses the new type "%s", which breaks the naming rules, and writes nothing', async (type, why) => {
    const tree = new FsTree(repoRoot, false);
    const error = await serviceGenerator(tree, { ...ledger, publishes: type }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toContain(`--publishes: "${type}" cannot be a new event type: ${why}`);
    expect(tree.listChanges()).toEqual([]);
  });

  it('refuses an unknown type of another namespace, or a new one past v1, with the known ones', async () => {
    for (const type of ['billing.entry.recorded', 'ledger.entry.recorded@v2']) {
      const tree = new FsTree(repoRoot, false);
      const error = await serviceGenerator(tree, { ...ledger, publishes: type }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(GeneratorError);
      const message = (error as Error).message;
      expect(message).toContain(`--publishes: unknown event type "${type}"`);
      expect(message).toContain('business.invoice.voided@v1');
      expect(message).toContain("A new type of the service's own (ledger.<aggregate>.<past-tense-verb>)");
      expect(tree.listChanges()).toEqual([]);
    }
  });
});
