import type { FastifyRequest } from 'fastify';
import type { ClientContext } from '../../../application/client-context.js';

/**
 * The client's address and user agent. `request.ip` honours X-Forwarded-For only from proxies
 * Fastify's `trustProxy` names (the gateway), so a client cannot pick its own address.
 */
export function clientContextOf(request: FastifyRequest): ClientContext {
  const userAgent = request.headers['user-agent'];
  return { clientAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined };
}
