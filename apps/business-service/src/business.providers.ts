import type { Provider } from '@nestjs/common';
import { Outbox } from '@platform/messaging';
import { DataSource } from 'typeorm';
import { RecordRegisteredUserUseCase } from './application/record-registered-user.use-case.js';
import { OutboxUnitOfWork } from './infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';

/** The composition root: adapters behind the ports, and the use cases built on them. */
export const businessProviders: Provider[] = [
  {
    provide: OutboxUnitOfWork,
    inject: [Outbox, DataSource],
    useFactory: (outbox: Outbox, dataSource: DataSource) => new OutboxUnitOfWork(outbox, dataSource),
  },
  { provide: RecordRegisteredUserUseCase, useFactory: () => new RecordRegisteredUserUseCase() },
];
