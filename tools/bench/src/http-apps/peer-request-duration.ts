// The peer's RED histogram: observed in Fastify's onResponse hook, where the route template and
// the final status (after the exception filter) are both known.
import type { INestApplication } from '@nestjs/common';
import { getToken } from '@willsoto/nestjs-prometheus';
import type { FastifyInstance } from 'fastify';
import type { Histogram } from 'prom-client';

export const REQUEST_DURATION = 'http_request_duration_seconds';

/** Adds the hook that observes every answered request into the histogram by route template. */
export function observeRequestDurations(app: INestApplication, fastify: FastifyInstance): void {
  const histogram = app.get<Histogram<string>>(getToken(REQUEST_DURATION));
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
    done();
  });
}
