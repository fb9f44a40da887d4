import Fastify, { type FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { MONITORING_ERROR_CODES, MonitoringError } from '../errors.js';
import type { HealthReport } from '../health/health-report.js';

/** What the management server asks about health; the HealthService in production. */
export interface HealthSource {
  liveness(): HealthReport;
  readiness(): Promise<HealthReport>;
  detailed(): Promise<HealthReport>;
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

/**
 * Starts the HTTP server of /metrics, /health/live, /health/ready and /health, apart from the
 * application's own server, so none of it is reachable through the public port.
 */
export async function startManagementServer(options: {
  host: string;
  port: number;
  health: HealthSource;
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
