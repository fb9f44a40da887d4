import type { EventEnvelope } from '@platform/contracts';
import { createTestDatabase, type TestDatabase } from '@platform/infra/testing';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { CreateInvoiceUseCase } from '../../src/application/create-invoice.use-case.js';
import { DeleteInvoiceUseCase } from '../../src/application/delete-invoice.use-case.js';
import { GetInvoiceUseCase } from '../../src/application/get-invoice.use-case.js';
import type { InvoiceUseCaseDeps } from '../../src/application/invoice-changes.js';
import { IssueInvoiceUseCase } from '../../src/application/issue-invoice.use-case.js';
import { ListInvoicesUseCase } from '../../src/application/list-invoices.use-case.js';
import { UpdateInvoiceUseCase } from '../../src/application/update-invoice.use-case.js';
import { VoidInvoiceUseCase } from '../../src/application/void-invoice.use-case.js';
import { OutboxUnitOfWork } from '../../src/infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';
import { businessDataSourceOptions } from '../../src/infrastructure/secondary-adapters/persistence/business-data-source.js';
import { seedBusiness, seedCustomer, type SeededBusiness, type Sql } from './invoice-seeds.js';
import { RecordingSummaryCache } from './recording-summary-cache.js';

export type { SeededBusiness } from './invoice-seeds.js';

/** What the database holds for a business when its summary is invalidated: committed invoices only. */
export interface CommittedInvoices {
  /** `id:status:version` of every invoice of the business, sorted. */
  invoices: string[];
}

/** Every invoice use case, built on the real adapters. */
export interface InvoiceUseCases {
  create: CreateInvoiceUseCase;
  list: ListInvoicesUseCase;
  get: GetInvoiceUseCase;
  update: UpdateInvoiceUseCase;
  delete: DeleteInvoiceUseCase;
  issue: IssueInvoiceUseCase;
  void: VoidInvoiceUseCase;
}

/** A row of `messaging_outbox` with its envelope parsed. */
export interface OutboxRecord {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/** The invoice use cases as the composition root builds them, on a migrated database of the test file's own. */
export interface InvoiceTestBed {
  database: TestDatabase;
  dataSource: DataSource;
  useCases: InvoiceUseCases;
  /** Records every summary invalidation with the invoices committed at that moment. */
  summaryCache: RecordingSummaryCache<CommittedInvoices>;
  /** The instant the use cases see; undefined means the real clock. */
  clock: { now?: Date };
  /** A business (rows written with SQL, as the businesses use cases would) with an owner, admin, accountant and viewer. */
  seedBusiness(overrides?: { name?: string; prefix?: string; currency?: string }): Promise<SeededBusiness>;
  /** A customer of `businessId`; `email` may be anything (the table takes what it is given). */
  seedCustomer(businessId: string, overrides?: { name?: string; email?: string; archived?: boolean }): Promise<string>;
  /** The outbox rows, oldest first, optionally of one event type. */
  outboxRecords(type?: string): Promise<OutboxRecord[]>;
  close(): Promise<void>;
}

/** Creates the database (`prefix` names it), migrates it and builds every invoice use case. */
export async function createInvoiceTestBed(prefix: string): Promise<InvoiceTestBed> {
  const database = await createTestDatabase(prefix);
  // Room for the concurrency tests: 20 transactions at once, plus the observer's connection.
  const dataSource = new DataSource(Object.assign(businessDataSourceOptions(database.url), { poolSize: 25 }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }

  const clock: { now?: Date } = {};
  const summaryCache = new RecordingSummaryCache<CommittedInvoices>(async (businessId) => {
    // The DataSource's own pool, not the use case's transaction: only committed rows are seen.
    const rows: { key: string }[] = await dataSource.query(
      `SELECT id || ':' || status || ':' || version AS key FROM invoices WHERE business_id = $1 ORDER BY 1`,
      [businessId],
    );
    return { invoices: rows.map((row) => row.key) };
  });
  const deps: InvoiceUseCaseDeps = {
    unitOfWork: new OutboxUnitOfWork(new Outbox(dataSource, { source: 'business-service' }), dataSource),
    summaryCache,
    now: () => clock.now ?? new Date(),
  };
  const useCases: InvoiceUseCases = {
    create: new CreateInvoiceUseCase(deps),
    list: new ListInvoicesUseCase(deps),
    get: new GetInvoiceUseCase(deps),
    update: new UpdateInvoiceUseCase(deps),
    delete: new DeleteInvoiceUseCase(deps),
    issue: new IssueInvoiceUseCase(deps),
    void: new VoidInvoiceUseCase(deps),
  };

  const sql: Sql = (text, values) => dataSource.query(text, values);
  return {
    database,
    dataSource,
    useCases,
    summaryCache,
    clock,
    seedBusiness: (overrides) => seedBusiness(sql, overrides),
    seedCustomer: (businessId, overrides) => seedCustomer(sql, businessId, overrides),
    async outboxRecords(type) {
      const rows: { topic: string; key: string; payload: string }[] = await dataSource.query(
        `SELECT topic, key, payload FROM messaging_outbox ORDER BY id`,
      );
      return rows
        .map((row) => ({ topic: row.topic, key: row.key, envelope: JSON.parse(row.payload) as EventEnvelope }))
        .filter((record) => type === undefined || record.envelope.type === type);
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
