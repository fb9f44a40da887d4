import { randomBytes, randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import {
  Catch,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  Module,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { RequestContext } from '@platform/logging';
import { reportError, reportUnhandledException, shutdownTelemetry, withSpan } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { startTestTelemetry, type RecordedSpans } from './support/test-telemetry.js';

// Made at run time, so they cannot reach Sentry through the source lines it attaches to frames.
const password = `pw-${randomBytes(6).toString('hex')}`;
const token = `tk${randomBytes(16).toString('hex')}`;
const email = `someone.${randomBytes(4).toString('hex')}@example.com`;
const secrets = { password, token, email };

function leakyError(): Error {
  return new Error(
    `connecting postgres://app:${password}@db:5432/app for ${email} failed (Authorization: Bearer ${token})`,
  );
}

const leakyExtra = { password, headers: { authorization: `Bearer ${token}` }, contact: email };

interface SentryEvent {
  event_id: string;
  tags: Record<string, string>;
  extra: Record<string, unknown>;
  contexts: { trace?: { trace_id: string; span_id: string } };
  exception: { values: { type: string; value: string }[] };
}

/** The raw envelope that carried `eventId`, and the event in it. */
async function envelopeOf(sentry: RecordingServer, eventId: string): Promise<{ raw: string; event: SentryEvent }> {
  const raw = await eventually(
    () =>
      sentry.requests.find((request) => request.path.startsWith('/api/1/envelope/') && request.body.includes(eventId))
        ?.body,
  );
  const event = raw
    .split('\n')
    .map((line) => JSON.parse(line) as Partial<SentryEvent>)
    .find((item) => item.exception !== undefined) as SentryEvent;
  return { raw, event };
}

function expectNoSecret(raw: string): void {
  for (const [kind, secret] of Object.entries(secrets)) expect(raw.includes(secret), `${kind} leaked`).toBe(false);
}

@Controller()
class FailingController {
  @Get('boom')
  boom(): never {
    throw leakyError();
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException('not yours');
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

/** Stands in for the validation library's global filter, which calls the reporting hook. */
@Catch()
class ReportingFilter implements ExceptionFilter {
  constructor(private readonly outcomes: Map<string, string | undefined>) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ url: string }>();
    this.outcomes.set(request.url, reportUnhandledException(exception, host));
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    http.getResponse<{ status(code: number): { send(body: unknown): void } }>().status(status).send({ status });
  }
}

describe('error tracking with Sentry', () => {
  let sentry: RecordingServer;
  let spans: RecordedSpans;
  let app: TestApp;
  const outcomes = new Map<string, string | undefined>();

  beforeAll(async () => {
    sentry = await startRecordingServer();
    spans = startTestTelemetry({ sentryDsn: `http://publickey@127.0.0.1:${sentry.port}/1` });
    app = await startTestApp(FailingModule, (nest) => nest.useGlobalFilters(new ReportingFilter(outcomes)));
  });

  afterAll(async () => {
    await app?.close();
    await shutdownTelemetry();
    await sentry?.close();
  });

  it('reports a failed background job with its trace and correlation ids and without its secrets', async () => {
    const correlationId = randomUUID();
    const { eventId, traceId } = await RequestContext.run({ correlationId }, () =>
      withSpan('nightly-reconciliation', {}, async (span) => {
        await new Promise((resolve) => setImmediate(resolve));
        return { eventId: reportError(leakyError(), leakyExtra), traceId: span.spanContext().traceId };
      }),
    );
    expect(eventId).toMatch(/^[0-9a-f]{32}$/);

    const { raw, event } = await envelopeOf(sentry, eventId!);
    expectNoSecret(raw);
    expect(event.tags).toMatchObject({ traceId, correlationId, service: 'observability-test' });
    expect(event.contexts.trace?.trace_id).toBe(traceId);
    expect(event.extra).toMatchObject({ password: '[REDACTED]', headers: { authorization: '[REDACTED]' } });
    expect(event.extra['contact']).toMatch(/^s\*\*\*@example\.com$/);
    expect(event.exception.values[0]!.value).toContain('postgres://app:[REDACTED]@db:5432/app');
  });

  it('reports a request that failed with a 5xx, tied to its server span and correlation id', async () => {
    const correlationId = randomUUID();
    const response = await fetch(`${app.url}/boom`, { headers: { 'x-correlation-id': correlationId } });
    expect(response.status).toBe(500);

    const server = await spans.waitFor(
      (span) => span.kind === SpanKind.SERVER && span.attributes['url.path'] === '/boom',
    );
    const eventId = outcomes.get('/boom');
    expect(eventId).toMatch(/^[0-9a-f]{32}$/);
    const { raw, event } = await envelopeOf(sentry, eventId!);
    expectNoSecret(raw);
    expect(event.tags).toMatchObject({ traceId: server.spanContext().traceId, correlationId });
    expect(event.extra).toMatchObject({ status: 500, method: 'GET', route: '/boom', contextType: 'http' });
  });

  it('does not report client errors (4xx)', async () => {
    const response = await fetch(`${app.url}/forbidden`);
    expect(response.status).toBe(403);
    expect(outcomes.has('/forbidden')).toBe(true);
    expect(outcomes.get('/forbidden')).toBeUndefined();
  });
});
