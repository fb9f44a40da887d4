import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '../../../gateway.config.js';

/**
 * What browsers are told: security headers on every answer (helmet: no sniffing, no framing,
 * HSTS, a strict CSP for an API that serves no pages; /docs gets its own), and CORS only for the configured origins,
 * with credentials so the refresh cookie can travel.
 */
export async function applyBrowserSecurity(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  await app.register(helmet, {
    // Without helmet's defaults, which are made for pages (scripts and styles from 'self', https: fonts).
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  const origins = config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  await app.register(cors, {
    origin: origins.length > 0 ? origins : false,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'idempotency-key',
      'if-match',
      'x-correlation-id',
      'x-request-id',
      'traceparent',
      'tracestate',
      'baggage',
      'x-csrf-token',
    ],
    exposedHeaders: [
      'x-correlation-id',
      'x-request-id',
      'retry-after',
      'deprecation',
      'sunset',
      'link',
      'etag',
      'location',
      // The request's trace (W3C Trace Context Level 2), for a frontend's bug reports.
      'traceresponse',
    ],
    maxAge: 600,
  });
}
