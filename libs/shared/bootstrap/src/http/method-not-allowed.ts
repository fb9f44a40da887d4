import { MethodNotAllowedException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * Answers a request whose path exists, but not for its method, with 405 and an `Allow` header
 * listing the methods the path has (RFC 9110 §15.5.6), instead of Fastify's 404. Routes are
 * learned as they are registered; the check runs only for requests that matched no route.
 */
export function installMethodNotAllowed(fastify: FastifyInstance): void {
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  const byUrl = new Map<string, Set<string>>();
  fastify.addHook('onRoute', (route) => {
    // A wildcard path (CORS preflight for `*`, a static folder) says nothing about other methods.
    if (route.url.includes('*')) return;
    let methods = byUrl.get(route.url);
    if (!methods) {
      methods = new Set();
      byUrl.set(route.url, methods);
      routes.push({ pattern: patternOf(route.url), methods });
    }
    for (const method of [route.method].flat()) methods.add(method);
  });
  // A callback hook, not an async one: on every matched request (nearly all) it only reads
  // `is404`, and an async hook would add a promise and a microtask per request for that.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const path = request.url.split('?', 1)[0] ?? request.url;
    const allowed = new Set<string>();
    for (const { pattern, methods } of routes) if (pattern.test(path)) methods.forEach((m) => allowed.add(m));
    if (allowed.size === 0 || allowed.has(request.method)) return done();
    reply.header('allow', [...allowed].sort().join(', '));
    done(new MethodNotAllowedException(`${request.method} is not allowed on ${path}.`));
  });
}

// `/v1/users/:id` → /^\/v1\/users\/[^/]+$/.
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
