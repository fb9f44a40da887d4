import { kafkaSecurity } from '@platform/tls';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { MONITORING_ERROR_CODES, MonitoringError } from '../../errors.js';
import type { ReadinessCheck } from '../readiness-check.js';

/** Options of {@link kafkaCheck}: the service's own Kafka client, or brokers to build one from. */
export interface KafkaCheckOptions {
  /** Key in health bodies; default `kafka`. */
  name?: string;
  /** The service's kafkajs client; when absent one is built from `brokers`. */
  kafka?: Kafka;
  /** `host:port` list; default the `KAFKA_BROKERS` environment variable, comma-separated. */
  brokers?: readonly string[];
  /** Milliseconds before the check counts as down; default 3000. */
  timeoutMs?: number;
}

function clientFromBrokers(brokers: readonly string[] | undefined): Kafka {
  const list = brokers ?? (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  if (list.length === 0) {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.invalidConfiguration,
      'kafkaCheck needs a kafka client, a brokers list or the KAFKA_BROKERS environment variable',
    );
  }
  // Quiet and without retries: a probe reports the broker as it is now, it does not wait for it.
  // TLS and SASL as the service's own clients (KAFKA_SSL*, KAFKA_SASL*).
  return new Kafka({
    ...kafkaSecurity(),
    clientId: 'readiness-check',
    brokers: [...list],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  });
}

/** Readiness of Kafka: the cluster answers a metadata request (admin `describeCluster`). */
export function kafkaCheck(options: KafkaCheckOptions = {}): ReadinessCheck {
  const kafka = options.kafka ?? clientFromBrokers(options.brokers);
  // One admin connection kept between probes; dropped after a failure so the next probe reconnects.
  let admin: Admin | undefined;

  const drop = async (): Promise<void> => {
    const current = admin;
    admin = undefined;
    await current?.disconnect().catch(() => undefined);
  };

  return {
    name: options.name ?? 'kafka',
    timeoutMs: options.timeoutMs,
    async check() {
      try {
        if (!admin) {
          admin = kafka.admin({ retry: { retries: 0 } });
          await admin.connect();
        }
        const cluster = await admin.describeCluster();
        return { brokers: cluster.brokers.length, controller: cluster.controller, clusterId: cluster.clusterId };
      } catch (error) {
        await drop();
        throw error;
      }
    },
    close: drop,
  };
}
