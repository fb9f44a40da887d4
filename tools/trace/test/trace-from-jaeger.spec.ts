import { writeFileSync } from 'node:fs';
import { freePort } from '@platform/infra';
import { startTestJaeger, eventually, type TestJaeger } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTrace, TraceLookupError } from '../src/jaeger-api.js';
import { renderWaterfall } from '../src/waterfall.js';
import { hex, otlpBody } from './support/otlp.js';

// Against a real Jaeger: spans sent over OTLP come back through its query API and render as a waterfall.
describe('npm run trace against Jaeger', () => {
  let jaeger: TestJaeger;
  beforeAll(async () => {
    jaeger = await startTestJaeger();
  }, 900_000);
  afterAll(async () => jaeger?.stop());

  it('fetches a trace of two services and renders it parent before child, with errors and links', async () => {
    const traceId = hex(16);
    const [root, child, send] = [hex(8), hex(8), hex(8)];
    const otherTrace = hex(16);
    const body = otlpBody(traceId, BigInt(Date.now()) * 1_000_000n, [
      { service: 'gateway', name: 'POST /v1/auth/register', spanId: root, kind: 2, startMs: 0, durationMs: 40 },
      {
        service: 'auth-service',
        name: 'POST /auth/register',
        spanId: child,
        parentSpanId: root,
        kind: 2,
        startMs: 5,
        durationMs: 30,
        links: [{ traceId: otherTrace, spanId: hex(8) }],
      },
      {
        service: 'notification-service',
        name: 'smtp send',
        spanId: send,
        parentSpanId: child,
        kind: 3,
        startMs: 20,
        durationMs: 10,
        error: 'mailbox unavailable',
      },
    ]);
    const posted = await fetch(`${jaeger.otlpHttpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(posted.status).toBe(200);

    let trace: Awaited<ReturnType<typeof fetchTrace>> | undefined;
    await eventually('all three spans in Jaeger', async () => {
      trace = await fetchTrace(jaeger.queryUrl, traceId).catch(() => undefined);
      return trace?.spans.length === 3;
    });
    if (process.env['RECORD_TRACE_FIXTURE'])
      writeFileSync(process.env['RECORD_TRACE_FIXTURE'], JSON.stringify(trace, null, 2));
    const lines = renderWaterfall(trace!, { barWidth: 0 }).split('\n');
    expect(lines[0]).toContain(`trace ${traceId}: 3 spans in 3 services (gateway, auth-service, notification-service)`);
    const operations = lines.filter((line) => /(OK|ERROR|UNSET) /.test(line));
    expect(
      operations.map((line) =>
        line
          .trim()
          .split(/\s{2,}/)
          .slice(2),
      ),
    ).toEqual([
      ['UNSET', 'gateway', 'POST /v1/auth/register'],
      ['UNSET', 'auth-service', 'POST /auth/register'],
      ['ERROR', 'notification-service', 'smtp send'],
    ]);
    expect(lines.join('\n')).toContain('! mailbox unavailable');
    expect(lines.join('\n')).toContain(`↪ links to trace ${otherTrace}`);
  });

  it('says that Jaeger has no such trace for an unknown id', async () => {
    await expect(fetchTrace(jaeger.queryUrl, hex(16))).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('says that Jaeger does not answer when nothing listens there', async () => {
    // A free port: nothing listens, the connection is refused.
    const error = await fetchTrace(`http://127.0.0.1:${await freePort()}`, hex(16)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TraceLookupError);
    expect(error).toMatchObject({ reason: 'unreachable' });
    expect((error as Error).message).toContain('npm start');
  });
});
