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
  // Nest builds each handler's exception filters when it registers the listeners, which
  // connectMicroservice does at once unless deferred: a filter added after that is never used, and
  // the default one would hand the consumer `Internal server error` instead of the handler's error
  // (so a PermanentEventError was retried, and dead-lettered with the wrong class). Deferred, the
  // listeners register in startAllMicroservices, after the filter; the app itself runs the
  // modules' init hooks once, so the microservice must not run them again.
  const microservice = app.connectMicroservice(
    { strategy: transport },
    { inheritAppConfig: false, deferInitialization: true },
  );
  microservice.useGlobalFilters(new RethrowEventErrors());
  (microservice as unknown as { setIsInitHookCalled(called: boolean): void }).setIsInitHookCalled(true);
  return transport;
}
