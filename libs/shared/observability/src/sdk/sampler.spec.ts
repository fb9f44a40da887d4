import { context, SpanKind, trace, TraceFlags, ROOT_CONTEXT } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { createSampler } from './sampler.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function decide(sampler: ReturnType<typeof createSampler>, parentSampled?: boolean): SamplingDecision {
  const parent =
    parentSampled === undefined
      ? ROOT_CONTEXT
      : trace.setSpanContext(context.active(), {
          traceId: TRACE_ID,
          spanId: '00f067aa0ba902b7',
          traceFlags: parentSampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
          isRemote: true,
        });
  return sampler.shouldSample(parent, TRACE_ID, 'GET /', SpanKind.SERVER, {}, []).decision;
}

describe('createSampler', () => {
  it('keeps or drops root traces as the ratio says', () => {
    expect(decide(createSampler({ name: 'traceidratio', ratio: 1 }))).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(createSampler({ name: 'traceidratio', ratio: 0 }))).toBe(SamplingDecision.NOT_RECORD);
    expect(decide(createSampler({ name: 'always_off', ratio: 1 }))).toBe(SamplingDecision.NOT_RECORD);
  });

  it('follows the upstream decision when parent-based, whatever the root sampler says', () => {
    const sampler = createSampler({ name: 'parentbased_always_off', ratio: 1 });
    expect(decide(sampler)).toBe(SamplingDecision.NOT_RECORD);
    expect(decide(sampler, true)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(createSampler({ name: 'parentbased_always_on', ratio: 1 }), false)).toBe(SamplingDecision.NOT_RECORD);
  });
});
