// Bare NestJS on Fastify: no logging, tracing, metrics or validation. The baseline of bench:http.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HelloModule } from './hello.module.js';

const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env['PORT']), '127.0.0.1');
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
