import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { context, propagation } from '@opentelemetry/api';
import { EVENT_CONTENT_TYPE } from '@platform/contracts';
import { testInfra } from '@platform/infra/testing';
import { Outbox, OutboxRelay } from '../src/index.js';
import { testBedPerFile } from './support/test-bed.js';
import { currentTraceIds, withSpan } from '@platform/observability';
import { RequestContext } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { startTestTelemetry } from './support/telemetry.js';

const exec = promisify(execFile);
startTestTelemetry('messaging-interop-test');

/** kcat's JSON for one consumed message (-J); headers are a flat [name, value, name, value...] list. */
interface KcatMessage {
  key: string | null;
  payload: string | null;
  headers?: string[];
}

// Our events must be readable by clients that are not kafkajs: here kcat (librdkafka).
describe('an event published by the outbox relay, read by kcat', () => {
  const { contracts, bed } = testBedPerFile(3);

  it('has the documented envelope, key and headers', async () => {
    const outbox = new Outbox(bed().dataSource, { source: 'interop-service', contracts: contracts.registry });
    const relay = new OutboxRelay({ kafka: bed().kafka, dataSource: bed().dataSource });
    const aggregateId = uuidv7();
    const baggage = propagation.createBaggage({ tenant: { value: 'acme' } });
    const traceId = await RequestContext.run({ correlationId: 'corr-interop-7' }, () =>
      context.with(propagation.setBaggage(context.active(), baggage), () =>
        withSpan('register note', {}, async () => {
          await outbox.transaction((tx) =>
            tx.publish(contracts.noteAdded, { aggregateId, payload: { text: 'for kcat', sequence: 3 } }),
          );
          return currentTraceIds()!.traceId;
        }),
      ),
    );
    expect(await relay.publishPending()).toBe(1);
    await relay.stop();

    const { stdout } = await exec('kcat', [
      '-C',
      '-b',
      testInfra().kafkaBrokers.join(','),
      '-t',
      contracts.topic,
      '-o',
      'beginning',
      '-c',
      '1',
      '-e',
      '-J',
      '-q',
    ]);
    const message = JSON.parse(stdout.trim()) as KcatMessage;
    expect(message.key).toBe(aggregateId);
    const list = message.headers ?? [];
    const headers = Object.fromEntries(list.flatMap((_, i) => (i % 2 === 0 ? [[list[i], list[i + 1]]] : [])));
    expect(headers).toMatchObject({
      'content-type': EVENT_CONTENT_TYPE,
      'event-type': contracts.noteAdded.type,
      'event-version': '1',
      'x-correlation-id': 'corr-interop-7',
      baggage: 'tenant=acme',
    });
    expect(headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const envelope = JSON.parse(message.payload!) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(
      ['aggregateId', 'correlationId', 'eventId', 'occurredAt', 'payload', 'source', 'type', 'version'].sort(),
    );
    expect(envelope).toMatchObject({
      type: contracts.noteAdded.type,
      version: 1,
      source: 'interop-service',
      aggregateId,
      correlationId: 'corr-interop-7',
      payload: { text: 'for kcat', sequence: 3 },
    });
    expect(envelope['eventId']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelope['occurredAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
