import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { MessagingOptionsError } from '../errors/messaging-options.error.js';
import { brokersFromEnv, IsKafkaBrokerList, parseKafkaBrokers } from './kafka-brokers.js';

class Settings {
  @IsKafkaBrokerList()
  KAFKA_BROKERS!: unknown;
}

const errorsFor = (value: unknown): string[] =>
  validateSync(Object.assign(new Settings(), { KAFKA_BROKERS: value })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('parseKafkaBrokers', () => {
  it('turns a comma-separated list into addresses, trimming around the commas', () => {
    expect(parseKafkaBrokers('kafka-0.kafka:9092, 10.0.0.7:19092')).toEqual(['kafka-0.kafka:9092', '10.0.0.7:19092']);
  });

  it('names the setting and the first malformed address', () => {
    expect(() => parseKafkaBrokers('127.0.0.1:9092,localhost', 'EVENTS_BROKERS')).toThrow(
      new MessagingOptionsError('EVENTS_BROKERS has "localhost", which is not host:port'),
    );
    expect(() => parseKafkaBrokers('127.0.0.1:9092,')).toThrow('KAFKA_BROKERS has "", which is not host:port');
  });

  it('refuses an empty list', () => {
    expect(() => parseKafkaBrokers('  ')).toThrow('KAFKA_BROKERS is not set: give at least one broker as host:port');
    expect(() => brokersFromEnv({})).toThrow('KAFKA_BROKERS is not set');
  });
});

describe('IsKafkaBrokerList', () => {
  it('accepts exactly what parseKafkaBrokers accepts', () => {
    for (const value of ['127.0.0.1:9092', 'a:1, b.example:65535']) {
      expect(errorsFor(value)).toEqual([]);
      expect(() => parseKafkaBrokers(value)).not.toThrow();
    }
    for (const value of ['localhost', '127.0.0.1:9092,', 'host:port', '', 'a:1;b:2']) {
      expect(errorsFor(value)).toEqual(['KAFKA_BROKERS must be host:port[,host:port]']);
      expect(() => parseKafkaBrokers(value)).toThrow(MessagingOptionsError);
    }
  });

  it('refuses a value that is not a string', () => {
    expect(errorsFor(9092)).toEqual(['KAFKA_BROKERS must be host:port[,host:port]']);
  });
});
