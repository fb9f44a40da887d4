export { fetchTrace, parseTraceId, TraceLookupError } from './jaeger-api.js';
export type { JaegerSpan, JaegerTag, JaegerTrace } from './jaeger-api.js';
export { formatMicros, placeSpans, renderWaterfall } from './waterfall.js';
export type { PlacedSpan, WaterfallOptions } from './waterfall.js';
