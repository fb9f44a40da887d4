import type { ModuleRef } from '@nestjs/core';

/** What a management route's handler is given on each request. */
export interface ManagementRouteContext {
  /** The application's container, to reach a provider the service or a library registered. */
  moduleRef: ModuleRef;
}

/**
 * A read-only JSON endpoint a library or service adds to the management server, next to
 * `/metrics` and `/health` (e.g. `GET /jobs/status`).
 *
 * Contract: `handle` resolves with the JSON body of a 200 answer and has no side effects. The
 * management port has no authentication (it is reachable only inside the cluster), so a route
 * shows state and never changes it; actions belong on the service's authenticated API. A
 * rejection is logged and answered as a 500 Problem Details without the error's message.
 */
export interface ManagementRoute {
  /** GET path, e.g. `/jobs/status`: lower-case segments; `/metrics` and `/health*` are the library's. */
  readonly path: string;
  /** Resolves with the JSON body to answer. */
  handle(context: ManagementRouteContext): Promise<unknown>;
}
