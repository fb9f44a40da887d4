import { describe, expect, it } from 'vitest';
import { Erasure } from './erasure.js';

const SERVICES = ['business-service', 'notification-service'];
const at = new Date('2026-03-01T09:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);

function requested() {
  return Erasure.request({ userId: 'u', requestedBy: 'u', requestedVia: 'self', at, deadlineMs: 1000 });
}

function confirmedBy(erasure: Erasure, ...services: string[]) {
  const state = erasure.toState();
  return Erasure.restore({
    ...state,
    confirmations: services.map((service) => ({ service, confirmedAt: later(10), recordsChanged: 1 })),
  });
}

describe('an erasure', () => {
  it('is pending before its deadline while a service has not confirmed', () => {
    expect(confirmedBy(requested(), 'business-service').progress(later(999), SERVICES)).toEqual({
      status: 'pending',
      awaiting: ['notification-service'],
    });
  });

  it('is overdue from its deadline on while a service has not confirmed', () => {
    expect(requested().progress(later(1000), SERVICES)).toEqual({ status: 'overdue', awaiting: SERVICES });
  });

  it('is completed once every confirming service confirmed, past the deadline too', () => {
    const erasure = confirmedBy(requested(), 'notification-service', 'business-service');
    expect(erasure.progress(later(5000), SERVICES)).toEqual({ status: 'completed', awaiting: [] });
  });

  it('counts only the services that must confirm', () => {
    const erasure = confirmedBy(requested(), 'someone-else');
    expect(erasure.progress(later(0), ['business-service'])).toEqual({
      status: 'pending',
      awaiting: ['business-service'],
    });
    expect(requested().progress(later(5000), [])).toEqual({ status: 'completed', awaiting: [] });
  });

  it('has a time-ordered id and a deadline from its request', () => {
    const erasure = requested();
    expect(erasure.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(erasure.deadlineAt).toEqual(later(1000));
  });
});
