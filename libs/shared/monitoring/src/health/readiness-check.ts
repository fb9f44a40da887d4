import type { ModuleRef } from '@nestjs/core';

/** What a readiness check may show about its dependency besides up/down (sizes, versions, ages). */
export type ReadinessDetails = Record<string, string | number | boolean | null>;

/** What a readiness check is given on each run. */
export interface ReadinessCheckContext {
  /** Aborted when the check's time is up: stop the work (close the socket, cancel the request). */
  signal: AbortSignal;
  /** The application's container, to reach a DataSource or a client the service registered. */
  moduleRef: ModuleRef;
}

/**
 * A dependency the service needs to serve traffic (a port, in the hexagonal sense).
 *
 * Contract: `check` resolves, optionally with details to show, when the dependency is usable
 * right now, and rejects with an error saying why when it is not. It must not throw for slowness:
 * the runner marks it down once `timeoutMs` passes and aborts `signal`. It must be cheap and free
 * of side effects, since probes call it every few seconds. `close` releases what the check keeps
 * open between runs and is called once, when the application shuts down.
 */
export interface ReadinessCheck {
  /** Key of the check in health bodies: lower-case letters, digits, `-` and `_`. */
  readonly name: string;
  /** Milliseconds before the check counts as down; default 3000. */
  readonly timeoutMs?: number;
  /** Resolves when the dependency is usable, rejects with the reason when it is not. */
  check(context: ReadinessCheckContext): Promise<ReadinessDetails | void>;
  /** Releases connections the check keeps between runs. */
  close?(): Promise<void>;
}

/** Default time a readiness check may take. */
export const DEFAULT_CHECK_TIMEOUT_MS = 3000;
