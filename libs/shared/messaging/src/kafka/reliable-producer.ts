import { Partitioners, type ProducerConfig } from 'kafkajs';

/**
 * Producer settings for events: idempotent with one request in flight, so a retried send can
 * neither duplicate nor reorder a key's messages; the Java client's partitioner (murmur2 of the
 * key), so other clients put a key on the same partition; never creating topics by accident.
 */
export const RELIABLE_PRODUCER: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
};
