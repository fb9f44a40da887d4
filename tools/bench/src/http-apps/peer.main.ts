// The peer app: what a NestJS team assembles from popular packages for the same features (pino
// access lines with a correlation id, OpenTelemetry's NodeSDK with the auto-instrumentations and
// @fastify/otel, started by peer-register.mjs, a request-duration histogram by route, a global
// exception filter), with the fixes Nest 12 needs (README "bench:http: the peer").
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { PeerModule } from './peer.module.js';
import { observeRequestDurations } from './peer-request-duration.js';

const SAFE_ID = /^[\w.:-]{1,128}$/;

/**
 * Fix 3 of 3: pino-http's genReqId is never called, because Fastify has already set `req.id`
 * (its own counter) on the request middie hands over. So Fastify makes the id: the caller's
 * X-Correlation-ID when it looks safe, else a UUID.
 */
function correlationId(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

const adapter = new FastifyAdapter({ genReqId: correlationId });
const app = await NestFactory.create<NestFastifyApplication>(PeerModule, adapter, { bufferLogs: true });
app.useLogger(app.get(Logger));
const fastify = adapter.getInstance();
fastify.addHook('onRequest', (request, reply, done) => {
  void reply.header('x-correlation-id', request.id);
  done();
});
observeRequestDurations(app, fastify);
await app.listen(Number(process.env['PORT']), '127.0.0.1');
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
