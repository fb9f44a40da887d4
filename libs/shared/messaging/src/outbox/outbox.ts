import {
  EventEnvelope,
  publishedContracts,
  type ContractRegistry,
  type EventContract,
  type EventOf,
} from '@platform/contracts';
import { validateOrThrow } from '@platform/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { createEvent, type NewEvent } from '../events/create-event.js';
import { eventHeaders } from '../events/event-headers.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { MessagingTable, OUTBOX_NOTIFY_CHANNEL } from '../schema/messaging-tables.js';
import { markOutboxWritten, outboxSignal } from './outbox-signal.js';

/** How the relay learns that rows were committed, besides polling. */
export type OutboxWakeup = 'signal' | 'notify';

export interface OutboxOptions {
  /** The publishing service, written as every envelope's `source`. */
  source: string;
  /** Contracts events are checked against before they are written; the published ones by default. */
  contracts?: ContractRegistry;
  /**
   * `signal` (default): an in-process wake-up after commit, free for writers. `notify`: also a
   * PostgreSQL NOTIFY in the writing transaction, which wakes relays in other processes but
   * serialises commits on a database-wide lock (see tools/bench, bench:outbox).
   */
  wakeup?: OutboxWakeup;
}

/** A transaction that can publish events: they are written with the state change and committed with it. */
export interface OutboxTransaction {
  /** The transaction's EntityManager: repositories taken from it write in this transaction. */
  readonly manager: EntityManager;
  /** Adds an event of `contract` to the transaction and returns its envelope. */
  publish<TContract extends EventContract>(
    contract: TContract,
    event: NewEvent<TContract>,
  ): Promise<EventOf<TContract>>;
}

/**
 * The publishing side of the transactional outbox. Events are rows of `messaging_outbox`, inserted
 * in the caller's transaction: rolled back, they never existed; committed, the relay publishes
 * them, however long Kafka is away.
 */
export class Outbox {
  private readonly contracts: ContractRegistry;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxOptions,
  ) {
    if (!options.source) throw new MessagingOptionsError('Outbox needs `source`, the name of the publishing service');
    this.contracts = options.contracts ?? publishedContracts;
    outboxSignal(dataSource);
  }

  /** Builds the envelope of a new event (ids, time, correlation) without writing it. */
  event<TContract extends EventContract>(contract: TContract, event: NewEvent<TContract>): EventOf<TContract> {
    return createEvent(contract, this.options.source, event);
  }

  /**
   * Writes events in the transaction of `manager` (which must be inside one, e.g. the manager
   * `dataSource.transaction` gives). Each event is checked against its contract first.
   */
  async add(manager: EntityManager, events: EventEnvelope | readonly EventEnvelope[]): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new MessagingOptionsError('Outbox.add needs the EntityManager of an open transaction');
    }
    const list = Array.isArray(events) ? events : [events as EventEnvelope];
    if (list.length === 0) return;
    const values: unknown[] = [];
    const rows: string[] = [];
    for (const envelope of list) {
      const contract = await this.checked(envelope);
      const at = values.push(
        envelope.eventId,
        contract.topic,
        envelope.aggregateId,
        eventHeaders(envelope),
        JSON.stringify(envelope),
      );
      rows.push(`($${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`);
    }
    await manager.query(
      `INSERT INTO ${MessagingTable.outbox} (event_id, topic, key, headers, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    const firstInTransaction = markOutboxWritten(runner);
    if (firstInTransaction && this.options.wakeup === 'notify') {
      await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_NOTIFY_CHANNEL]);
    }
  }

  /**
   * Runs `work` in a new transaction whose `publish` writes events into it; commits when `work`
   * resolves (then wakes the relay) and rolls back, events included, when it throws.
   */
  transaction<T>(work: (transaction: OutboxTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work({
        manager,
        publish: async (contract, event) => {
          const envelope = this.event(contract, event);
          await this.add(manager, envelope as EventEnvelope);
          return envelope;
        },
      }),
    );
  }

  // An event that breaks its contract is a bug of the producer: it fails the transaction, not the consumers.
  private async checked(envelope: EventEnvelope): Promise<EventContract> {
    const contract = this.contracts.find(envelope.type, envelope.version);
    if (!contract) {
      throw new MessagingOptionsError(
        `no contract for ${envelope.type} v${envelope.version}: declare it in @platform/contracts`,
      );
    }
    await validateOrThrow(EventEnvelope, envelope);
    await validateOrThrow(contract.payload, envelope.payload, { forbidUnknownProperties: true });
    return contract;
  }
}
