import type { Provider } from '@nestjs/common';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { AddMemberUseCase } from './application/add-member.use-case.js';
import { ChangeMemberRoleUseCase } from './application/change-member-role.use-case.js';
import { CreateBusinessUseCase } from './application/create-business.use-case.js';
import { CreateCustomerUseCase } from './application/create-customer.use-case.js';
import { EraseUserUseCase } from './application/erase-user.use-case.js';
import { GetBusinessUseCase } from './application/get-business.use-case.js';
import { GetCustomerUseCase } from './application/get-customer.use-case.js';
import { ListCustomersUseCase } from './application/list-customers.use-case.js';
import { ListMembersUseCase } from './application/list-members.use-case.js';
import { ListMyBusinessesUseCase } from './application/list-my-businesses.use-case.js';
import type { UnitOfWork } from './application/ports/unit-of-work.port.js';
import { RecordRegisteredUserUseCase } from './application/record-registered-user.use-case.js';
import { RemoveMemberUseCase } from './application/remove-member.use-case.js';
import { UpdateBusinessUseCase } from './application/update-business.use-case.js';
import { UpdateCustomerUseCase } from './application/update-customer.use-case.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';

/** The composition root: adapters behind the ports, and the use cases built on them. */
export const businessProviders: Provider[] = [
  {
    provide: OutboxUnitOfWork,
    inject: [Outbox, DataSource],
    useFactory: (outbox: Outbox, dataSource: DataSource) => new OutboxUnitOfWork(outbox, dataSource),
  },
  { provide: RecordRegisteredUserUseCase, useFactory: () => new RecordRegisteredUserUseCase() },
  { provide: EraseUserUseCase, useFactory: () => new EraseUserUseCase() },
  // Businesses, members and customers: each use case needs only the unit of work.
  ...[
    CreateBusinessUseCase,
    ListMyBusinessesUseCase,
    GetBusinessUseCase,
    UpdateBusinessUseCase,
    ListMembersUseCase,
    AddMemberUseCase,
    ChangeMemberRoleUseCase,
    RemoveMemberUseCase,
    CreateCustomerUseCase,
    ListCustomersUseCase,
    GetCustomerUseCase,
    UpdateCustomerUseCase,
  ].map((UseCase: new (unitOfWork: UnitOfWork) => object): Provider => ({
    provide: UseCase,
    inject: [OutboxUnitOfWork],
    useFactory: (unitOfWork: OutboxUnitOfWork) => new UseCase(unitOfWork),
  })),
];
