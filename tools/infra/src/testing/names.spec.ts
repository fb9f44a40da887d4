import { describe, expect, it } from 'vitest';
import { uniqueName } from './names.js';

describe('uniqueName', () => {
  it('gives a different, identifier-safe name on every call', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('Orders-Service.spec')));
    expect(names.size).toBe(1000);
    for (const name of names) expect(name).toMatch(/^orders_service_spec_[a-z0-9]+_[0-9a-f]{10}$/);
  });

  it('stays within PostgreSQL identifier length for long prefixes', () => {
    const name = uniqueName('x'.repeat(200));
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^x+_[a-z0-9]+_[0-9a-f]{10}$/);
  });
});
