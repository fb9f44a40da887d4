import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** A header value as HTTP servers and kafkajs hand them over. */
export type HeaderValue = string | Buffer | ReadonlyArray<string | Buffer> | undefined;

/** Headers of any transport: HTTP (strings), kafkajs `IHeaders` (Buffers or strings), AMQP... */
export type HeaderCarrier = Record<string, HeaderValue>;

function asText(value: string | Buffer): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

function isList(value: HeaderValue): value is ReadonlyArray<string | Buffer> {
  return Array.isArray(value);
}

function lookup(carrier: HeaderCarrier, key: string): HeaderValue {
  if (carrier[key] !== undefined) return carrier[key];
  const lower = key.toLowerCase();
  const name = Object.keys(carrier).find((candidate) => candidate.toLowerCase() === lower);
  return name === undefined ? undefined : carrier[name];
}

/** Reads headers whatever their type: Buffers are UTF-8 decoded; names match regardless of case. */
export const headerGetter: TextMapGetter<HeaderCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const value = lookup(carrier, key);
    if (value === undefined) return undefined;
    return isList(value) ? value.map(asText) : asText(value);
  },
};

/** Writes headers as strings, which every transport (including kafkajs) accepts. */
export const headerSetter: TextMapSetter<HeaderCarrier> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};
