import { randomUUID } from 'node:crypto';
import {
  eventually,
  makeTestCertificates,
  startPrivateKafka,
  type PrivateKafka,
  type TestCertificates,
} from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaClient } from '../src/index.js';

// A broker of this file's own with a mutual-TLS listener: the shared test broker is plain.
let certificates: TestCertificates;
let broker: PrivateKafka;

beforeAll(async () => {
  certificates = await makeTestCertificates({ hosts: ['127.0.0.1'] });
  broker = await startPrivateKafka({
    ssl: {
      certFile: certificates.serverCertFile,
      keyFile: certificates.serverKeyFile,
      caFile: certificates.caFile,
      requireClientCertificate: true,
    },
  });
}, 180_000);

afterAll(async () => {
  await broker?.destroy();
  certificates?.remove();
});

/** A client as a service builds it, with these settings as its environment; `failFast` for connections meant to fail. */
function clientWith(env: Record<string, string>, failFast = false) {
  return createKafkaClient({
    brokers: broker.sslBrokers,
    clientId: `ssl-test-${randomUUID()}`,
    env,
    ...(failFast && { extra: { connectionTimeout: 3_000, retry: { retries: 1, initialRetryTime: 100 } } }),
  });
}

const mutualTls = () => ({
  KAFKA_SSL: 'true',
  KAFKA_SSL_CA_FILE: certificates.caFile,
  KAFKA_SSL_CERT_FILE: certificates.clientCertFile,
  KAFKA_SSL_KEY_FILE: certificates.clientKeyFile,
});

describe('Kafka over TLS (KAFKA_SSL, KAFKA_SSL_CA_FILE, client certificate)', () => {
  it('produces and consumes through the TLS listener with the CA and a client certificate', async () => {
    const kafka = clientWith(mutualTls());
    const topic = `ssl-${randomUUID()}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `ssl-${randomUUID()}` });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: 'over TLS' }] });
      const received: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void received.push(String(message.value)) });
      await eventually('the message was consumed', async () => received.length === 1, 60_000);
      expect(received).toEqual(['over TLS']);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.disconnect();
    }
  });

  it('refuses a broker whose certificate another CA signed', async () => {
    const admin = clientWith({ ...mutualTls(), KAFKA_SSL_CA_FILE: certificates.otherCaFile }, true).admin();
    try {
      await expect(admin.connect()).rejects.toThrow(/certificate/i);
    } finally {
      await admin.disconnect();
    }
  });

  it('is refused by the broker without a client certificate (mutual TLS)', async () => {
    const admin = clientWith({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: certificates.caFile }, true).admin();
    try {
      // The broker ends the handshake with a TLS alert (42 bad certificate: none was presented).
      await expect(admin.connect()).rejects.toThrow(/bad certificate|certificate required/i);
    } finally {
      await admin.disconnect();
    }
  });

  it('stops at construction on contradictory settings, naming them', () => {
    expect(() => clientWith({ KAFKA_SSL_CA_FILE: certificates.caFile })).toThrow(
      'KAFKA_SSL_CA_FILE, KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE need KAFKA_SSL=true',
    );
    expect(() => clientWith({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: certificates.clientCertFile })).toThrow(
      'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together',
    );
    expect(() =>
      clientWith({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' }),
    ).toThrow('KAFKA_SASL_MECHANISM=plain needs KAFKA_SSL=true');
  });
});
