import {
  createTestDatabase,
  createTestTopic,
  uniqueGroupId,
  type TestDatabase,
  type TestTopic,
} from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChildScript } from './support/child-service.js';
import { exportedSpans, type ExportedSpan } from './support/otlp.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;
const FIXTURE = 'libs/shared/observability/test/fixtures/span-counts/main.ts';
const PG = '@opentelemetry/instrumentation-pg';
const KAFKAJS = '@opentelemetry/instrumentation-kafkajs';
const HTTP = '@opentelemetry/instrumentation-http';

/** The spans under the root span named `root` (its whole subtree, the root excluded). */
function under(root: string, spans: ExportedSpan[]): ExportedSpan[] {
  const top = spans.filter((span) => span.name === root);
  expect(top, `one root span '${root}'`).toHaveLength(1);
  const inside = new Set([top[0]!.spanId]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const span of spans) {
      if (span.parentSpanId && inside.has(span.parentSpanId) && !inside.has(span.spanId)) {
        inside.add(span.spanId);
        grown = true;
      }
    }
  }
  inside.delete(top[0]!.spanId);
  return spans.filter((span) => inside.has(span.spanId));
}

/** `scope name [statement]` of each span, sorted: a doubled span shows up as a repeated line. */
function summary(spans: ExportedSpan[]): string[] {
  return spans
    .map((span) => {
      const statement = span.attributes['db.query.text'];
      return `${span.scope} ${span.name}${statement === undefined ? '' : ` [${String(statement)}]`}`;
    })
    .sort();
}

describe('one span per operation, under the real loaders and with query metrics and Sentry on', () => {
  let collector: RecordingServer;
  let sentry: RecordingServer;
  let database: TestDatabase;
  let topic: TestTopic;
  let spans: ExportedSpan[];
  let httpPort: number;

  beforeAll(async () => {
    collector = await startRecordingServer();
    sentry = await startRecordingServer();
    database = await createTestDatabase('observability_spans');
    topic = await createTestTopic('observability_spans');
    const { SENTRY_DSN: _sentry, NODE_OPTIONS: _options, ...inherited } = process.env;
    const run = await runChildScript(FIXTURE, {
      ...inherited,
      SERVICE_NAME: 'span-counts',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      DATABASE_URL: database.url,
      FIXTURE_TOPIC: topic.name,
      FIXTURE_GROUP: uniqueGroupId('observability_spans'),
      SENTRY_DSN: `http://publickey@127.0.0.1:${sentry.port}/1`,
    });
    expect(run.code, run.output).toBe(0);
    httpPort = Number(/DONE (\d+)/.exec(run.output)![1]);
    spans = exportedSpans(collector.requests);
  });

  afterAll(async () => {
    await topic?.delete();
    await database?.drop();
    await collector?.close();
    await sentry?.close();
  });

  /** A single query inside `root`: its pool checkout, then exactly one pg.query span with its text. */
  function expectOneQuery(root: string, text: string): void {
    // pg.connect (a connection opened for this checkout) comes and goes with the pool's state.
    const inside = under(root, spans).filter((span) => span.name !== 'pg.connect');
    expect(summary(inside)).toEqual([`${PG} pg-pool.connect`, expect.stringMatching(/ pg\.query:SELECT /)]);
    const query = inside.find((span) => span.name.startsWith('pg.query'))!;
    expect(query.kind).toBe(CLIENT);
    expect(query.attributes['db.query.text']).toBe(text);
    expect(under(root, spans).filter((span) => span.name === 'pg.connect').length).toBeLessThanOrEqual(1);
  }

  it('a query through a pg Pool is one pg.query span, after one pg-pool.connect', () => {
    expectOneQuery('via pool', 'SELECT 1 AS via_pool');
  });

  it('a query through a TypeORM DataSource is one pg.query span, after one pg-pool.connect', () => {
    expectOneQuery('via typeorm', 'SELECT 1 AS via_typeorm');
  });

  it('a TypeORM transaction is one span per statement on one checked-out connection', () => {
    const statements = under('via typeorm transaction', spans)
      .filter((span) => span.name.startsWith('pg.query'))
      .map((span) => span.attributes['db.query.text']);
    expect(statements).toEqual(expect.arrayContaining(['START TRANSACTION', 'SELECT 1 AS in_transaction', 'COMMIT']));
    expect(statements).toHaveLength(3);
    expect(under('via typeorm transaction', spans).filter((span) => span.name === 'pg-pool.connect')).toHaveLength(1);
  });

  it('a Kafka send is one producer span, and its message one consumer span in the same trace', () => {
    const sends = under('via kafkajs', spans).filter((span) => span.scope === KAFKAJS && span.kind === PRODUCER);
    expect(sends).toHaveLength(1);
    const processed = spans.filter((span) => span.scope === KAFKAJS && span.kind === CONSUMER);
    expect(processed).toHaveLength(1);
    expect(processed[0]!.traceId).toBe(sends[0]!.traceId);
  });

  it('an outgoing HTTP request is one client span', () => {
    const requests = spans.filter(
      (span) => span.scope === HTTP && span.kind === CLIENT && span.attributes['server.port'] === httpPort,
    );
    expect(requests).toHaveLength(1);
    expect(under('via http', spans)).toEqual(requests);
  });

  it('no span is exported twice over: no two spans share a parent, a name and a statement', () => {
    const keys = spans
      .filter((span) => span.parentSpanId !== undefined)
      .map((span) => `${span.parentSpanId} ${span.scope} ${span.name} ${String(span.attributes['db.query.text'])}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
