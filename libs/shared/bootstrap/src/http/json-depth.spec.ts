import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-depth.js';

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays alike, up to the limit included', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('"plain"', 0)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[\\\\"}', 1)).toBe(false);
    expect(jsonDepthExceeds('["\\\\",[[1]]]', 2)).toBe(true);
  });

  it('measures siblings by their own depth, not their number', () => {
    expect(jsonDepthExceeds(`[${'[1],'.repeat(10_000)}[1]]`, 2)).toBe(false);
  });

  it('handles a hostile body of a million levels without recursion', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000), 64)).toBe(true);
    expect(jsonDepthExceeds(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, 64)).toBe(true);
  });
});
