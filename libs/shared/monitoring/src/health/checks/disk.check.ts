import { statfs } from 'node:fs/promises';
import { MONITORING_ERROR_CODES, MonitoringError } from '../../errors.js';
import type { ReadinessCheck } from '../readiness-check.js';

/** Options of {@link diskCheck}. */
export interface DiskCheckOptions {
  /** Key in health bodies; default `disk`. */
  name?: string;
  /** A path on the file system to watch; default `/`. */
  path?: string;
  /** Highest used share of the space (0..1) still counted as up; default 0.9. */
  maxUsedRatio?: number;
}

/** Readiness of local disk space: down once the used share of the file system exceeds a threshold. */
export function diskCheck(options: DiskCheckOptions = {}): ReadinessCheck {
  const path = options.path ?? '/';
  const maxUsedRatio = options.maxUsedRatio ?? 0.9;
  if (!(maxUsedRatio >= 0 && maxUsedRatio <= 1)) {
    throw new MonitoringError(
      MONITORING_ERROR_CODES.invalidConfiguration,
      'diskCheck: maxUsedRatio must be from 0 to 1',
    );
  }
  return {
    name: options.name ?? 'disk',
    async check() {
      // statfs asks the kernel directly, where a `df` child process would cost a fork per probe.
      const fs = await statfs(path);
      // As df counts: space reserved for root is neither used nor available to the service.
      const used = (fs.blocks - fs.bfree) * fs.bsize;
      const available = fs.bavail * fs.bsize;
      const usedRatio = used + available === 0 ? 0 : used / (used + available);
      const details = { path, usedRatio: Math.round(usedRatio * 1000) / 1000, availableBytes: available, maxUsedRatio };
      if (usedRatio > maxUsedRatio) {
        throw new Error(`${path} is ${(usedRatio * 100).toFixed(1)}% used (max ${(maxUsedRatio * 100).toFixed(1)}%)`);
      }
      return details;
    },
  };
}
