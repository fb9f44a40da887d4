import { sendUntilAnswered, type ClientAnswer } from '@platform/dev';

/** How long one request is retried through faults before it counts as refused: a restart takes over a minute on a busy machine. */
export const RETRY_WINDOW_MS = 300_000;

/** Every call of the workload is safe to repeat: retried through faults for the whole window. */
export const persist = <T>(call: () => Promise<ClientAnswer<T>>, retryable?: (answer: ClientAnswer<T>) => boolean) =>
  sendUntilAnswered(call, retryable, RETRY_WINDOW_MS);
