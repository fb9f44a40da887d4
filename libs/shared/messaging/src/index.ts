// Schema: spread into a service's migrations.
export { messagingMigrations, MessagingSchema1795000000000 } from './schema/messaging-schema.migration.js';
export { MessagingTable } from './schema/messaging-tables.js';
export { anonymiseOutboxEvents } from './outbox/anonymise-outbox.js';
export type { PersonalEventFields } from './outbox/anonymise-outbox.js';

// Idempotent HTTP routes: an inbox of requests, keyed by Idempotency-Key, recorded with their effect.
export {
  IdempotentRoute,
  IdempotentRequestInterceptor,
  IDEMPOTENT_REQUEST_ERROR_CODES,
} from './idempotency/idempotent-route.js';
export { IdempotentRequestsModule } from './idempotency/idempotent-requests.module.js';
export type { IdempotentRequestsModuleOptions } from './idempotency/idempotent-requests.js';
export {
  IdempotentRequestSubscriber,
  idempotentRequestSubscribers,
} from './idempotency/idempotent-request.subscriber.js';
export {
  forgetIdempotentRequests,
  purgeIdempotentRequests,
  IDEMPOTENT_REQUEST_RETENTION_MS,
} from './idempotency/idempotent-requests.js';

// Kafka client.
export { createKafkaClient } from './kafka/kafka-client.js';
export { brokersFromEnv, IsKafkaBrokerList, parseKafkaBrokers } from './kafka/kafka-brokers.js';
export { IsKafkaSessionTimeout, KAFKA_SESSION_TIMEOUT_BOUNDS_MS } from './kafka/kafka-session-timeout.js';
export type { KafkaClientOptions } from './kafka/kafka-client.js';
export { RELIABLE_PRODUCER } from './kafka/reliable-producer.js';

// Publishing: the transactional outbox and its relay.
export { Outbox } from './outbox/outbox.js';
export type { OutboxOptions, OutboxTransaction, OutboxWakeup } from './outbox/outbox.js';
export { OutboxRelay } from './outbox/outbox-relay.js';
export type { OutboxRelayOptions, OutboxRelayStatus } from './outbox/outbox-relay.js';
export { createEvent } from './events/create-event.js';
export type { NewEvent } from './events/create-event.js';

// Consuming: Nest transport, engine, retry policy.
export { connectEventConsumer } from './transport/connect-event-consumer.js';
export { eventServiceOptions, publishingServiceOptions } from './transport/event-service-options.js';
export { EventServiceConfig, PublishingServiceConfig } from './transport/event-service-config.js';
export type { EventServiceOptions, PublishingServiceOptions } from './transport/event-service-options.js';
export { KafkaEventTransport, KAFKA_EVENT_TRANSPORT } from './transport/kafka-event.transport.js';
export type { KafkaEventTransportOptions, EventPatternExtras } from './transport/kafka-event.transport.js';
export { EventContext } from './transport/event-context.js';
export { EventConsumer } from './consumer/event-consumer.js';
export type { EventConsumerOptions, ConsumerState, ConsumerStatus } from './consumer/event-consumer.js';
export type { EventHandler, DeliveredEvent } from './consumer/event-handler.js';
export { isRetryable, retryPolicy } from './consumer/retry-policy.js';
export type { RetryPolicyOptions } from './consumer/retry-policy.js';

// Broadcast: every event of some types to every instance, for state each keeps for itself.
/** Reads whole topics in every instance from a lookback, validated and traced, and says how fresh it is. */
export { EventFeed } from './feed/event-feed.js';
export type { EventFeedHandler, EventFeedOptions, EventFeedState, EventFeedStatus } from './feed/event-feed.js';

// Dead letters.
export {
  DeadLetterHeader,
  deadLetterTopicOf,
  DEAD_LETTER_ERROR_MESSAGE_LIMIT,
} from './dead-letter/dead-letter-headers.js';
export type { DeadLetterReason, DeadLetterHistoryEntry } from './dead-letter/dead-letter-headers.js';

// Health.
export { eventConsumerCheck } from './health/event-consumer.check.js';
export type { EventConsumerCheckOptions } from './health/event-consumer.check.js';
export { eventFeedCheck } from './health/event-feed.check.js';
export type { EventFeedCheckOptions } from './health/event-feed.check.js';
export { outboxBacklogCheck } from './health/outbox-backlog.check.js';
export type { OutboxBacklogCheckOptions } from './health/outbox-backlog.check.js';

// Errors.
export { MessagingError, MESSAGING_ERROR_CODES } from './errors/messaging-error.js';
export type { MessagingErrorCode } from './errors/messaging-error.js';
export { MalformedEventError } from './errors/malformed-event.error.js';
export { PermanentEventError } from './errors/permanent-event.error.js';
export { MessagingOptionsError } from './errors/messaging-options.error.js';
export type { TextHeaders } from './events/event-headers.js';

// Nest wiring of the publishing side.
export { MessagingModule, MESSAGING_KAFKA } from './nest/messaging.module.js';
export type { MessagingModuleOptions, MessagingModuleAsyncOptions } from './nest/messaging.module.js';
