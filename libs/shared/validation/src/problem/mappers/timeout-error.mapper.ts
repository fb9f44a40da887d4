import { ErrorCode } from '../../errors/error-codes.js';
import type { ErrorMapper } from '../problem-description.js';

/**
 * Timeouts that carry no dependency name: `AbortSignal.timeout()` rejects with a DOMException
 * named TimeoutError, and RxJS's `timeout()` with an error of the same name.
 */
export const mapTimeoutError: ErrorMapper = (error) => {
  if (!(error instanceof Error) || error.name !== 'TimeoutError') return undefined;
  return {
    status: 504,
    code: ErrorCode.TIMEOUT,
    title: 'Gateway Timeout',
    detail: 'The request took too long to complete.',
    retryable: true,
  };
};
