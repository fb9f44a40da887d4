import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KafkaEventTransport, type KafkaEventTransportOptions } from './kafka-event.transport.js';
import { RethrowEventErrors } from './rethrow-event-errors.filter.js';

/**
 * Connects the Kafka event consumer to a Nest app: its `@EventPattern` handlers start receiving
 * events on `app.startAllMicroservices()` and stop, in-flight events finished, on `app.close()`.
 * The DataSource is the app's own unless given.
 */
export function connectEventConsumer(
  app: INestApplication,
  options: Omit<KafkaEventTransportOptions, 'dataSource'> & { dataSource?: KafkaEventTransportOptions['dataSource'] },
): KafkaEventTransport {
  const transport = new KafkaEventTransport({ ...options, dataSource: options.dataSource ?? app.get(DataSource) });
  const microservice = app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
  microservice.useGlobalFilters(new RethrowEventErrors());
  return transport;
}
