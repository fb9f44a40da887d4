import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes, applyFaults } from './admin-routes.js';
import { checkoutRoutes } from './checkout-routes.js';
import { EventLog } from './event-log.js';
import { FaultState, parseFaults } from './faults.js';
import { ProblemError, sendProblem } from './http.js';
import { oauthRoutes } from './oauth-routes.js';
import { resolveOptions, type PaymentSandboxOptions } from './options.js';
import { PaymentsStore } from './payments-store.js';
import { paymentsRoutes } from './payments-routes.js';
import { createRouter } from './router.js';
import type { SandboxParts } from './sandbox-parts.js';
import { Timers } from './timers.js';
import { TokenStore } from './token-store.js';
import type { Faults, Payment, SandboxEvent } from './types.js';
import { WebhookDeliverer } from './webhook-deliverer.js';
import { webhookKey } from './webhook-signer.js';

/** A sandbox listening on loopback, and its controls. */
export interface RunningPaymentSandbox {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  clientId: string;
  clientSecret: string;
  /** `whsec_<base64>`: what a receiver verifies webhook signatures with. */
  webhookSecret: string;
  /** Replaces the fault set, as `PUT /admin/faults` does (throws on an invalid set). */
  setFaults(faults: Faults): void;
  clearFaults(): void;
  /** Every payment, oldest first. */
  payments(): Payment[];
  /** Every event, oldest first, with its delivery attempts. */
  events(): SandboxEvent[];
  /** Stops listening, drops open connections, cancels every delivery, retry and hold. */
  close(): Promise<void>;
}

/** Starts a payment-provider sandbox (OAuth2, idempotent payments, checkout, signed webhooks, faults). */
export async function startPaymentSandbox(options: PaymentSandboxOptions = {}): Promise<RunningPaymentSandbox> {
  const settings = resolveOptions(options);
  let url = '';
  const timers = new Timers();
  const events = new EventLog(settings.now);
  const faults = new FaultState(settings.faults);
  const parts: SandboxParts = {
    options: settings,
    tokens: new TokenStore(settings.tokenTtlSeconds, settings.now),
    payments: new PaymentsStore(() => url, settings.now),
    events,
    faults,
    timers,
    deliverer: new WebhookDeliverer({
      key: webhookKey(settings.webhookSecret),
      retryScheduleMs: settings.retryScheduleMs,
      maxDeliveryAttempts: settings.maxDeliveryAttempts,
      events,
      timers,
      now: settings.now,
      faults: () => faults.webhooks(),
      log: settings.log,
    }),
  };
  const route = createRouter([...oauthRoutes, ...paymentsRoutes, ...checkoutRoutes, ...adminRoutes]);

  const server = http.createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', 'http://sandbox');
    const handled = (async () => {
      const match = route(request.method ?? 'GET', requestUrl.pathname);
      if (match.kind === 'not-found') throw new ProblemError('not_found', `no route ${requestUrl.pathname}`);
      if (match.kind === 'method-not-allowed')
        throw new ProblemError('method_not_allowed', `${request.method} is not allowed here`, {
          allow: match.allow.join(', '),
        });
      await match.route.handle({ request, response, url: requestUrl, params: match.params, parts });
    })();
    handled.catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return;
      if (error instanceof ProblemError) return sendProblem(response, error, requestUrl.pathname);
      settings.log(`error on ${request.method} ${requestUrl.pathname}: ${(error as Error).message}`);
      sendProblem(response, new ProblemError('internal_error', 'the sandbox could not handle this request'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    webhookSecret: settings.webhookSecret,
    setFaults(next) {
      const parsed = parseFaultsOrThrow(next);
      applyFaults(parts, parsed);
    },
    clearFaults: () => faults.clear(),
    payments: () => parts.payments.all(),
    events: () => events.all(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        timers.stop();
        parts.deliverer.close();
        server.close(() => resolve());
        // Held calls (timeoutNext) and idle keep-alive connections would keep close() waiting.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function parseFaultsOrThrow(faults: Faults): Faults {
  const parsed = parseFaults(faults);
  if (!parsed.ok) throw new Error(`payment sandbox faults: ${parsed.errors.join('; ')}`);
  return parsed.faults;
}
