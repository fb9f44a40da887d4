import type { RecordedRequest } from './recording-server.js';

/** An OTLP/JSON attribute value (only the kinds our spans use). */
interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}

interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

/** A span as an OTLP/HTTP JSON export carries it, with its resource's and scope's attributes flattened on. */
export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer */
  kind: number;
  scope: string;
  attributes: Record<string, string | number | boolean | undefined>;
  resource: Record<string, string | number | boolean | undefined>;
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: {
      scope: { name: string };
      spans: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

function flatten(attributes: OtlpAttribute[] = []): ExportedSpan['attributes'] {
  return Object.fromEntries(
    attributes.map(({ key, value }) => [
      key,
      value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.boolValue),
    ]),
  );
}

/** Every span in the OTLP/HTTP JSON trace exports a collector received. */
export function exportedSpans(requests: RecordedRequest[]): ExportedSpan[] {
  return requests
    .filter((request) => request.method === 'POST' && request.path === '/v1/traces')
    .flatMap((request) => (JSON.parse(request.body) as OtlpExport).resourceSpans)
    .flatMap((resourceSpans) =>
      resourceSpans.scopeSpans.flatMap((scopeSpans) =>
        scopeSpans.spans.map((span) => ({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          kind: span.kind,
          scope: scopeSpans.scope.name,
          attributes: flatten(span.attributes),
          resource: flatten(resourceSpans.resource.attributes),
        })),
      ),
    );
}
