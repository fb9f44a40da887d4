import { canTransition, isCheckoutOutcome, PAYER_DECLINED } from './checkout.js';
import { checkoutPage } from './checkout-page.js';
import { ProblemError, readJson, sendJson } from './http.js';
import type { Route } from './sandbox-parts.js';

/** The payer's side: the checkout page, and the outcome it posts (each transition makes one event). */
export const checkoutRoutes: Route[] = [
  {
    method: 'GET',
    path: '/checkout/:id',
    async handle({ response, params, parts }) {
      const payment = parts.payments.get(params['id'] ?? '');
      if (!payment) throw new ProblemError('payment_not_found', `no payment ${params['id']}`);
      const html = checkoutPage(payment);
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(html),
        'cache-control': 'no-store',
      });
      response.end(html);
    },
  },
  {
    method: 'POST',
    path: '/checkout/:id',
    async handle({ request, response, params, parts }) {
      const id = params['id'] ?? '';
      const body = (await readJson(request)) as { outcome?: unknown } | undefined;
      const outcome = body?.outcome;
      if (!isCheckoutOutcome(outcome))
        throw new ProblemError('invalid_request', 'outcome must be "succeeded" or "failed"');
      const current = parts.payments.get(id);
      if (!current) throw new ProblemError('payment_not_found', `no payment ${id}`);
      if (!canTransition(current.status, outcome))
        throw new ProblemError('payment_final', `payment ${id} has succeeded; it can no longer change`);
      const { payment, webhookUrl } = parts.payments.update(id, outcome, outcome === 'failed' ? PAYER_DECLINED : null);
      const event = parts.events.record(payment, webhookUrl);
      parts.options.log(`payment ${id} ${outcome}: event ${event.id} (${event.type})`);
      parts.deliverer.dispatch(event);
      sendJson(response, 200, payment);
    },
  },
];
