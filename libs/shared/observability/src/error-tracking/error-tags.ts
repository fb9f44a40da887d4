import { RequestContext } from '@platform/logging';
import { currentTraceIds } from '../tracing/current-trace.js';

/**
 * Tags that tie an error report to its trace (Jaeger) and its log lines: the active trace and
 * span ids plus the request context ids (correlationId, requestId, userId...).
 */
export function errorTags(): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(RequestContext.ids())) {
    if (value !== undefined) tags[key] = value;
  }
  const ids = currentTraceIds();
  if (ids) {
    tags['traceId'] = ids.traceId;
    tags['spanId'] = ids.spanId;
  }
  return tags;
}
