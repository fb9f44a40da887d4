import { ServiceConfig } from '@platform/bootstrap';
import { Matches } from 'class-validator';
import { IsKafkaBrokerList } from '../kafka/kafka-brokers.js';
import { IsKafkaSessionTimeout } from '../kafka/kafka-session-timeout.js';

/**
 * The settings of a service that publishes events (`publishingServiceOptions`). Its configuration
 * class extends this instead of ServiceConfig and adds its own settings.
 */
export class PublishingServiceConfig extends ServiceConfig {
  /** Comma-separated host:port list. */
  @IsKafkaBrokerList()
  KAFKA_BROKERS!: string;
}

/**
 * The settings of a service that consumes events (`eventServiceOptions`). Its configuration class
 * extends this and names its default group: `override KAFKA_CONSUMER_GROUP = 'orders-service'`.
 */
export class EventServiceConfig extends PublishingServiceConfig {
  /** Consumer group of the event consumer: its inbox rows, offsets and parked events belong to it. */
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_CONSUMER_GROUP must be 1 to 100 of A-Z a-z 0-9 . _ -' })
  KAFKA_CONSUMER_GROUP!: string;

  /** Ms before the broker hands a silent consumer's partitions to the others (6,000 to 1,800,000). */
  @IsKafkaSessionTimeout()
  KAFKA_SESSION_TIMEOUT_MS = 30_000;
}
