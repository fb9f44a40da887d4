import Fastify, { type FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { getLogger } from '@platform/logging';
import { MONITORING_ERROR_CODES, MonitoringError } from '../errors.js';
import type { HealthReport } from '../health/health-report.js';

/** What the management server asks about health; the HealthService in production. */
export interface HealthSource {
  liveness(): HealthReport;
  readiness(): Promise<HealthReport>;
  detailed(): Promise<HealthReport>;
}

/** An extra GET route of the management server, its handler already bound to the application. */
export interface BoundManagementRoute {
  path: string;
  handle(): Promise<unknown>;
}

/** A running management server. */
export interface ManagementServer {
  /** `http://host:port` it listens on (the real port when 0 was asked for). */
  readonly url: string;
  /** Stops listening and drops open connections (scrapers and probes keep them alive). */
  close(): Promise<void>;
}

function send(reply: FastifyReply, { httpStatus, body }: HealthReport): FastifyReply {
  // Probes must see the answer of now, never one a proxy kept.
  return reply.code(httpStatus).header('cache-control', 'no-store').send(body);
}

const logger = getLogger('Monitoring');

async function answerRoute(reply: FastifyReply, route: BoundManagementRoute): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store');
  try {
    return await reply.code(200).send(await route.handle());
  } catch (error) {
    // The message may hold internals (SQL, addresses): it goes to the log, not to the caller.
    logger.error('management route failed', { route: route.path, error });
    return reply
      .code(500)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: `${route.path} failed; the service's log says why`,
        instance: route.path,
        code: MONITORING_ERROR_CODES.managementRouteFailed,
        timestamp: new Date().toISOString(),
      });
  }
}

/**
 * Starts the HTTP server of /metrics, /health/live, /health/ready, /health and the extra read-only
 * routes, apart from the application's own server, so none of it is reachable through the public port.
 */
export async function startManagementServer(options: {
  host: string;
  port: number;
  health: HealthSource;
  routes?: readonly BoundManagementRoute[];
}): Promise<ManagementServer> {
  // forceCloseConnections: a keep-alive scrape connection must not hold the shutdown open.
  const server = Fastify({ logger: false, forceCloseConnections: true });

  server.get('/metrics', async (_request, reply) => {
    const text = await register.metrics();
    return reply.header('content-type', register.contentType).header('cache-control', 'no-store').send(text);
  });
  server.get('/health/live', async (_request, reply) => send(reply, options.health.liveness()));
  server.get('/health/ready', async (_request, reply) => send(reply, await options.health.readiness()));
  server.get('/health', async (_request, reply) => send(reply, await options.health.detailed()));
  for (const route of options.routes ?? []) {
    server.get(route.path, async (_request, reply) => answerRoute(reply, route));
  }

  try {
    await server.listen({ host: options.host, port: options.port });
  } catch (cause) {
    await server.close();
    throw new MonitoringError(
      MONITORING_ERROR_CODES.managementServerFailed,
      `the management server cannot listen on ${options.host}:${options.port} (MANAGEMENT_HOST/MANAGEMENT_PORT): ${(cause as Error).message}`,
      { cause },
    );
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { url: `http://${host}:${port}`, close: () => server.close() };
}
