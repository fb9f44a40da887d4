import type { EventEnvelope } from '@platform/contracts';
import { createTestDatabase, uniqueName, type TestDatabase } from '@platform/infra/testing';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AddMemberUseCase } from '../../src/application/add-member.use-case.js';
import type { Actor } from '../../src/application/business-access.js';
import { ChangeMemberRoleUseCase } from '../../src/application/change-member-role.use-case.js';
import { CreateBusinessUseCase } from '../../src/application/create-business.use-case.js';
import { CreateCustomerUseCase } from '../../src/application/create-customer.use-case.js';
import { GetBusinessUseCase } from '../../src/application/get-business.use-case.js';
import { GetCustomerUseCase } from '../../src/application/get-customer.use-case.js';
import { ListCustomersUseCase } from '../../src/application/list-customers.use-case.js';
import { ListMembersUseCase } from '../../src/application/list-members.use-case.js';
import { ListMyBusinessesUseCase } from '../../src/application/list-my-businesses.use-case.js';
import { RemoveMemberUseCase } from '../../src/application/remove-member.use-case.js';
import { UpdateBusinessUseCase } from '../../src/application/update-business.use-case.js';
import { UpdateCustomerUseCase } from '../../src/application/update-customer.use-case.js';
import type { DirectoryUser } from '../../src/domain/directory-user.js';
import { OutboxUnitOfWork } from '../../src/infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';
import { businessDataSourceOptions } from '../../src/infrastructure/secondary-adapters/persistence/business-data-source.js';

/** The use cases of businesses, members and customers, built on the real adapters. */
export interface BusinessUseCases {
  createBusiness: CreateBusinessUseCase;
  listMyBusinesses: ListMyBusinessesUseCase;
  getBusiness: GetBusinessUseCase;
  updateBusiness: UpdateBusinessUseCase;
  listMembers: ListMembersUseCase;
  addMember: AddMemberUseCase;
  changeMemberRole: ChangeMemberRoleUseCase;
  removeMember: RemoveMemberUseCase;
  createCustomer: CreateCustomerUseCase;
  listCustomers: ListCustomersUseCase;
  getCustomer: GetCustomerUseCase;
  updateCustomer: UpdateCustomerUseCase;
}

/** A row of `messaging_outbox` with its envelope parsed. */
export interface OutboxRecord {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/** The business-service assembled as the composition root does, on a migrated database of the test file's own. */
export interface BusinessTestBed {
  database: TestDatabase;
  dataSource: DataSource;
  unitOfWork: OutboxUnitOfWork;
  useCases: BusinessUseCases;
  /** Puts a user in the members directory, as auth.user.registered would; a unique e-mail by default. */
  registerUser(overrides?: Partial<DirectoryUser>): Promise<DirectoryUser & Actor>;
  /** The outbox rows, oldest first, optionally of one event type. */
  outboxRecords(type?: string): Promise<OutboxRecord[]>;
  /** Closes the DataSource and drops the database. */
  close(): Promise<void>;
}

/** Creates the database (`prefix` names it), migrates it and builds every adapter and use case. */
export async function createBusinessTestBed(prefix: string): Promise<BusinessTestBed> {
  const database = await createTestDatabase(prefix);
  // Room for the concurrency tests' parallel transactions.
  const dataSource = new DataSource({ ...businessDataSourceOptions(database.url), extra: { max: 20 } });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }
  const outbox = new Outbox(dataSource, { source: 'business-service' });
  const unitOfWork = new OutboxUnitOfWork(outbox, dataSource);
  const useCases: BusinessUseCases = {
    createBusiness: new CreateBusinessUseCase(unitOfWork),
    listMyBusinesses: new ListMyBusinessesUseCase(unitOfWork),
    getBusiness: new GetBusinessUseCase(unitOfWork),
    updateBusiness: new UpdateBusinessUseCase(unitOfWork),
    listMembers: new ListMembersUseCase(unitOfWork),
    addMember: new AddMemberUseCase(unitOfWork),
    changeMemberRole: new ChangeMemberRoleUseCase(unitOfWork),
    removeMember: new RemoveMemberUseCase(unitOfWork),
    createCustomer: new CreateCustomerUseCase(unitOfWork),
    listCustomers: new ListCustomersUseCase(unitOfWork),
    getCustomer: new GetCustomerUseCase(unitOfWork),
    updateCustomer: new UpdateCustomerUseCase(unitOfWork),
  };
  return {
    database,
    dataSource,
    unitOfWork,
    useCases,
    async registerUser(overrides = {}) {
      const user: DirectoryUser = {
        userId: uuidv7(),
        email: `${uniqueName('user')}@example.com`.toLowerCase(),
        displayName: 'Test User',
        registeredAt: new Date(),
        ...overrides,
      };
      await unitOfWork.run((tx) => tx.directory.record(user));
      return user;
    },
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
