import 'reflect-metadata';
import { loadConfig, ServiceConfig } from '@platform/bootstrap';
import { describe, expect, it } from 'vitest';
import { IsKafkaSessionTimeout } from './kafka-session-timeout.js';

class ConsumingConfig extends ServiceConfig {
  @IsKafkaSessionTimeout()
  KAFKA_SESSION_TIMEOUT_MS = 30_000;
}

describe('IsKafkaSessionTimeout', () => {
  it('reads whole milliseconds from the environment, and keeps the default when unset', () => {
    expect(loadConfig(ConsumingConfig, { KAFKA_SESSION_TIMEOUT_MS: '6000' }).KAFKA_SESSION_TIMEOUT_MS).toBe(6_000);
    expect(loadConfig(ConsumingConfig, { KAFKA_SESSION_TIMEOUT_MS: '1800000' }).KAFKA_SESSION_TIMEOUT_MS).toBe(
      1_800_000,
    );
    expect(loadConfig(ConsumingConfig, {}).KAFKA_SESSION_TIMEOUT_MS).toBe(30_000);
  });

  it.each(['5999', '1800001', '7500.5', 'ten seconds'])(
    'stops the start on %s, which a broker would refuse at the join, naming the setting',
    (value) => {
      expect(() => loadConfig(ConsumingConfig, { KAFKA_SESSION_TIMEOUT_MS: value })).toThrow(
        /KAFKA_SESSION_TIMEOUT_MS/,
      );
    },
  );
});
