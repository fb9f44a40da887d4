import type { ErasureVia } from '../../domain/erasure.js';

/** Counts accepted erasures. Contract: never throws (a metric must not fail an erasure). */
export interface ErasureMetrics {
  erased(via: ErasureVia): void;
}
