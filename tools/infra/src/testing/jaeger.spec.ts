import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { startTestJaeger, type TestJaeger } from './jaeger.js';

/** One span as OTLP/JSON, the way an SDK exports it. */
function otlpSpan(traceId: string, spanId: string, service: string, name: string) {
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            scope: { name: 'jaeger.spec' },
            spans: [
              {
                traceId,
                spanId,
                name,
                kind: 2,
                startTimeUnixNano: String(now),
                endTimeUnixNano: String(now + 5_000_000n),
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('startTestJaeger', () => {
  let jaeger: TestJaeger;
  beforeAll(async () => {
    jaeger = await startTestJaeger();
  }, 900_000); // a first run builds Jaeger (minutes)
  afterAll(async () => jaeger?.stop());

  it('takes a span over OTLP/HTTP and returns its trace from the query API', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${jaeger.otlpHttpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(otlpSpan(traceId, randomBytes(8).toString('hex'), 'jaeger-spec', 'GET /things')),
    });
    expect(response.status).toBe(200);
    // Jaeger batches what it receives before storing it: poll until the trace is there.
    let trace: { data: { spans: { operationName: string }[] }[] } | undefined;
    await eventually(`trace ${traceId} in Jaeger`, async () => {
      const found = await fetch(`${jaeger.queryUrl}/api/traces/${traceId}`);
      if (found.status !== 200) return false;
      trace = (await found.json()) as typeof trace;
      return true;
    });
    expect(trace?.data[0]?.spans.map((s) => s.operationName)).toEqual(['GET /things']);
  });

  it('answers 404 for a trace it never saw', async () => {
    const response = await fetch(`${jaeger.queryUrl}/api/traces/${randomBytes(16).toString('hex')}`);
    expect(response.status).toBe(404);
  });
});
