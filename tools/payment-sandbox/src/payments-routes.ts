import { ProblemError, readJson, sendJson } from './http.js';
import { parseCreatePayment } from './payment-request.js';
import type { Route } from './sandbox-parts.js';
import { guardV1 } from './v1-guard.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The merchant's API: create a payment (idempotent) and read one. */
export const paymentsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payments',
    async handle(context) {
      if (!(await guardV1(context))) return;
      const { request, response, parts } = context;
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
        throw new ProblemError(
          'idempotency_key_required',
          'send an Idempotency-Key header of 1-255 visible ASCII characters',
        );
      const parsed = parseCreatePayment(await readJson(request));
      if (!parsed.ok) throw new ProblemError('invalid_request', parsed.errors.join('; '));
      const outcome = parts.payments.create(key, parsed.request);
      if (outcome.kind === 'key-reused')
        throw new ProblemError('idempotency_key_reused', 'this Idempotency-Key was first used with a different body');
      if (outcome.kind === 'replayed') {
        sendJson(response, 200, outcome.payment, { 'idempotent-replayed': 'true' });
        return;
      }
      parts.options.log(
        `payment ${outcome.payment.id} created: ${outcome.payment.amount.amountMinor} ${outcome.payment.amount.currency}, checkout ${outcome.payment.checkoutUrl}`,
      );
      sendJson(response, 201, outcome.payment, { location: `/v1/payments/${outcome.payment.id}` });
    },
  },
  {
    method: 'GET',
    path: '/v1/payments/:id',
    async handle(context) {
      if (!(await guardV1(context))) return;
      const payment = context.parts.payments.get(context.params['id'] ?? '');
      if (!payment) throw new ProblemError('payment_not_found', `no payment ${context.params['id']}`);
      sendJson(context.response, 200, payment);
    },
  },
];
