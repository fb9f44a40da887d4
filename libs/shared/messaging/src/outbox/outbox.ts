import {
  EventEnvelope,
  publishedContracts,
  type ContractRegistry,
  type EventContract,
  type EventOf,
} from '@platform/contracts';
import { validateOrThrow } from '@platform/validation';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { checkNewEvent, isValidContractIdentity, isValidSource } from '../events/check-new-event.js';
import { createEvent, type NewEvent } from '../events/create-event.js';
import { eventHeaders } from '../events/event-headers.js';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { MessagingTable } from '../schema/messaging-tables.js';
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
   * PostgreSQL NOTIFY after the commit, coalesced, for relays in other processes; it is sent
   * outside the writing transaction, so the commit does not take the database-wide notification
   * lock (see tools/bench, bench:outbox).
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
  // Contracts whose type and version were checked against the envelope's rules, once each.
  private readonly checkedContracts = new WeakSet<EventContract>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxOptions,
  ) {
    if (!options.source) throw new MessagingOptionsError('Outbox needs `source`, the name of the publishing service');
    if (!isValidSource(options.source)) {
      throw new MessagingOptionsError(
        `Outbox \`source\` must be a lower-case kebab-case service name of at most 64 characters, received "${options.source}"`,
      );
    }
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
    const contracts: EventContract[] = [];
    for (const envelope of list) contracts.push(await this.checked(envelope));
    await this.insert(manager, runner, list, contracts);
  }

  /**
   * Runs `work` in a new transaction whose `publish` adds events to it; commits when `work`
   * resolves (then wakes the relay) and rolls back, events included, when it throws. Each event is
   * checked when it is published; all of them are written in one INSERT when `work` has resolved.
   */
  transaction<T>(work: (transaction: OutboxTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const envelopes: EventEnvelope[] = [];
      const contracts: EventContract[] = [];
      const result = await work({
        manager,
        publish: async (contract, event) => {
          const envelope = this.event(contract, event);
          // The slot is taken before the check, so events are written in the order they were published.
          const index = envelopes.push(envelope as EventEnvelope) - 1;
          contracts[index] = await this.checkedNew(contract, envelope as EventEnvelope);
          return envelope;
        },
      });
      // `dataSource.transaction` gives a manager whose runner is inside the transaction.
      await this.insert(manager, manager.queryRunner!, envelopes, contracts);
      return result;
    });
  }

  private async insert(
    manager: EntityManager,
    runner: QueryRunner,
    envelopes: readonly EventEnvelope[],
    contracts: readonly EventContract[],
  ): Promise<void> {
    if (envelopes.length === 0) return;
    const values: unknown[] = [];
    const rows: string[] = [];
    envelopes.forEach((envelope, index) => {
      const at = values.push(
        envelope.eventId,
        contracts[index]!.topic,
        envelope.aggregateId,
        eventHeaders(envelope),
        JSON.stringify(envelope),
      );
      rows.push(`($${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`);
    });
    await manager.query(
      `INSERT INTO ${MessagingTable.outbox} (event_id, topic, key, headers, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    markOutboxWritten(runner, this.options.wakeup === 'notify' ? 'database' : 'process');
  }

  // An event that breaks its contract is a bug of the producer: it fails the transaction, not the consumers.
  private async checked(envelope: EventEnvelope): Promise<EventContract> {
    const contract = this.declared(envelope);
    await validateOrThrow(EventEnvelope, envelope);
    await validateOrThrow(contract.payload, envelope.payload, { forbidUnknownProperties: true });
    return contract;
  }

  // `checked` for an envelope `createEvent` just built from `contract`: the fields the library made
  // (ids, type, version, source) follow the envelope's rules by construction, so only the
  // caller's fields and the payload are checked (see check-new-event.ts).
  private async checkedNew(contract: EventContract, envelope: EventEnvelope): Promise<EventContract> {
    const declared = this.declared(envelope);
    if (!this.checkedContracts.has(contract)) {
      if (!isValidContractIdentity(contract)) await validateOrThrow(EventEnvelope, envelope);
      this.checkedContracts.add(contract);
    }
    checkNewEvent(envelope);
    await validateOrThrow(declared.payload, envelope.payload, { forbidUnknownProperties: true });
    return declared;
  }

  private declared(envelope: EventEnvelope): EventContract {
    const contract = this.contracts.find(envelope.type, envelope.version);
    if (!contract) {
      throw new MessagingOptionsError(
        `no contract for ${envelope.type} v${envelope.version}: declare it in @platform/contracts`,
      );
    }
    return contract;
  }
}
