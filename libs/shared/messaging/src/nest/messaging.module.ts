import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { publishedContracts, type ContractRegistry } from '@platform/contracts';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createKafkaClient } from '../kafka/kafka-client.js';
import { Outbox, type OutboxWakeup } from '../outbox/outbox.js';
import { OutboxRelay, type OutboxRelayOptions } from '../outbox/outbox-relay.js';

/** Injection token of the service's kafkajs client. */
export const MESSAGING_KAFKA = Symbol('messaging.kafka');

/** What a service says about its messaging; the module builds the client, outbox and relay from it. */
export interface MessagingModuleOptions {
  /** The service name: `source` of its events and Kafka client id. */
  service: string;
  brokers: readonly string[];
  contracts?: ContractRegistry;
  wakeup?: OutboxWakeup;
  /** Relay tuning (batch size, poll interval, retention, backoff). */
  relay?: Omit<OutboxRelayOptions, 'kafka' | 'dataSource' | 'wakeup' | 'createTopics'>;
  /** Create the topics of the service's contracts when missing; true except in production by default. */
  createTopics?: boolean;
}

export interface MessagingModuleAsyncOptions {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

const OPTIONS = Symbol('messaging.options');

/** Starts the relay once the app is up and stops it, batch in flight finished, when the app closes. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(OutboxRelay) private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}

/**
 * The publishing side for a Nest service: `Outbox` to inject into secondary adapters, and an
 * `OutboxRelay` running for the app's lifetime. Needs TypeORM's DataSource in the app.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return MessagingModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: MESSAGING_KAFKA,
          inject: [OPTIONS],
          useFactory: (settings: MessagingModuleOptions) =>
            createKafkaClient({ brokers: settings.brokers, clientId: settings.service }),
        },
        {
          provide: Outbox,
          inject: [DataSource, OPTIONS],
          useFactory: (dataSource: DataSource, settings: MessagingModuleOptions) =>
            new Outbox(dataSource, {
              source: settings.service,
              contracts: settings.contracts,
              wakeup: settings.wakeup,
            }),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, MESSAGING_KAFKA, OPTIONS],
          useFactory: (dataSource: DataSource, kafka: Kafka, settings: MessagingModuleOptions) =>
            new OutboxRelay({
              ...settings.relay,
              kafka,
              dataSource,
              wakeup: settings.wakeup,
              createTopics:
                (settings.createTopics ?? process.env['NODE_ENV'] !== 'production')
                  ? [...(settings.contracts ?? publishedContracts).topics]
                  : [],
            }),
        },
        RelayLifecycle,
      ],
      exports: [Outbox, OutboxRelay, MESSAGING_KAFKA],
    };
  }
}
