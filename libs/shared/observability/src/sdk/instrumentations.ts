import type { InstrumentationBase } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { NestCoreInstrumentation } from './nest-core-instrumentation.js';
import { SinglePatchPgInstrumentation } from './pg-instrumentation.js';
import { sentryIngestFilter } from './untraced-requests.js';

/** What the instrumentations need to know about the service's own outgoing traffic. */
export interface InstrumentationOptions {
  sentryDsn?: string;
}

/**
 * The instrumentations every service gets. The modules they patch must also be listed in
 * `instrumented-modules.json`, which tells the ESM loader hook what to intercept.
 */
export function createInstrumentations(options: InstrumentationOptions = {}): InstrumentationBase[] {
  return [
    // Outgoing requests only: the server span of an incoming request is made by the Fastify hooks
    // of `installHttpServerTracing`, which know the route and cost a fraction of this
    // instrumentation's `Server.prototype.emit` patch (it bound every request and response emitter,
    // wrapping each listener Node and Fastify add).
    new HttpInstrumentation({
      disableIncomingRequestInstrumentation: true,
      ignoreOutgoingRequestHook: sentryIngestFilter(options.sentryDsn),
    }),
    // Query spans only inside a traced operation: pool housekeeping and polling loops (the outbox
    // relay) would otherwise start a new trace per query. Background work opens its span with withSpan.
    // One pg.query span per query even under @platform/monitoring's query metrics (see the class);
    // pg-pool.connect (waiting for a pooled connection) and pg.connect (opening one) stay, as upstream.
    new SinglePatchPgInstrumentation({ requireParentSpan: true }),
    new KafkaJsInstrumentation(),
    new NestCoreInstrumentation(),
  ];
}
