import { randomBytes } from 'node:crypto';

/** A span to send over OTLP/JSON: times in ms from `base`, parent/links by span id. */
export interface SpanSpec {
  service: string;
  name: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  startMs: number;
  durationMs: number;
  error?: string;
  links?: { traceId: string; spanId: string }[];
}

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The OTLP/JSON body an SDK would export for these spans of one trace. */
export function otlpBody(traceId: string, base: bigint, spans: SpanSpec[]) {
  const ns = (ms: number) => String(base + BigInt(Math.round(ms * 1_000_000)));
  return {
    resourceSpans: spans.map((span) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: span.service } }] },
      scopeSpans: [
        {
          scope: { name: 'trace.spec' },
          spans: [
            {
              traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              name: span.name,
              kind: span.kind,
              startTimeUnixNano: ns(span.startMs),
              endTimeUnixNano: ns(span.startMs + span.durationMs),
              ...(span.links ? { links: span.links } : {}),
              ...(span.error
                ? {
                    status: { code: 2, message: span.error },
                    events: [
                      {
                        name: 'exception',
                        timeUnixNano: ns(span.startMs),
                        attributes: [
                          { key: 'exception.type', value: { stringValue: 'SmtpError' } },
                          { key: 'exception.message', value: { stringValue: span.error } },
                        ],
                      },
                    ],
                  }
                : {}),
            },
          ],
        },
      ],
    })),
  };
}
