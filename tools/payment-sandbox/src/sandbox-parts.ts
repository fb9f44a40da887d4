import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventLog } from './event-log.js';
import type { FaultState } from './faults.js';
import type { ResolvedOptions } from './options.js';
import type { PaymentsStore } from './payments-store.js';
import type { Timers } from './timers.js';
import type { TokenStore } from './token-store.js';
import type { WebhookDeliverer } from './webhook-deliverer.js';

/** The parts of one running sandbox, shared by its routes. */
export interface SandboxParts {
  options: ResolvedOptions;
  tokens: TokenStore;
  payments: PaymentsStore;
  events: EventLog;
  faults: FaultState;
  deliverer: WebhookDeliverer;
  timers: Timers;
}

/** One request as a route handler sees it. */
export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  /** The `:name` segments of the route's path. */
  params: Record<string, string>;
  parts: SandboxParts;
}

/** A route: method, path with `:name` segments, handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handle(context: RouteContext): Promise<void>;
}
