import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Ids that describe the work in progress. Set once (the correlation id on arrival, the user id
 * after authentication, an event id in a consumer) and every log line of that work carries them.
 */
export interface ContextIds {
  correlationId?: string;
  requestId?: string;
  userId?: string;
  businessId?: string;
  invoiceId?: string;
  paymentId?: string;
  eventId?: string;
  [key: string]: string | undefined;
}

/** Where the time of a request went, besides its own code: added to by database and HTTP clients. */
export interface ContextTimings {
  databaseMs: number;
  upstreamMs: number;
}

interface Store {
  ids: ContextIds;
  timings: ContextTimings;
}

const storage = new AsyncLocalStorage<Store>();

function isDuration(ms: number): boolean {
  return Number.isFinite(ms) && ms >= 0;
}

/**
 * The ids in scope, not copied, for the logger, which copies them into every record anyway.
 * Not exported from the library: callers outside must not change them behind `set`'s back.
 */
export function idsInScope(): Readonly<ContextIds> | undefined {
  return storage.getStore()?.ids;
}

/**
 * The context of one request, event or job, carried by AsyncLocalStorage: visible in everything
 * the work starts (awaited calls, promises, timers) without being passed by hand.
 */
export const RequestContext = {
  /** Runs `fn` in a new context holding `ids`; values set inside stay inside. */
  run<T>(ids: ContextIds, fn: () => T): T {
    return storage.run({ ids: { ...ids }, timings: { databaseMs: 0, upstreamMs: 0 } }, fn);
  },

  /** True inside `run`. */
  active(): boolean {
    return storage.getStore() !== undefined;
  },

  /** A copy of the ids in scope (empty outside a context). */
  ids(): ContextIds {
    return { ...storage.getStore()?.ids };
  },

  /** One id in scope. */
  get(key: keyof ContextIds & string): string | undefined {
    return storage.getStore()?.ids[key];
  },

  /**
   * Sets an id for the rest of the current context, including work it already started
   * (the store is shared, not copied). Outside a context it does nothing.
   */
  set(key: keyof ContextIds & string, value: string | undefined): void {
    const store = storage.getStore();
    if (store) store.ids[key] = value;
  },

  /** Adds time spent waiting for the database to the current context. */
  addDatabaseTime(ms: number): void {
    const store = storage.getStore();
    // A NaN or negative duration (a clock step, a bad caller) would poison the sum for the whole request.
    if (store && isDuration(ms)) store.timings.databaseMs += ms;
  },

  /** Adds time spent waiting for other services to the current context. */
  addUpstreamTime(ms: number): void {
    const store = storage.getStore();
    if (store && isDuration(ms)) store.timings.upstreamMs += ms;
  },

  /** Time spent in the database and in other services so far (zeros outside a context). */
  timings(): ContextTimings {
    const timings = storage.getStore()?.timings;
    return { databaseMs: timings?.databaseMs ?? 0, upstreamMs: timings?.upstreamMs ?? 0 };
  },
};
