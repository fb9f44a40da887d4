// Bare NestJS on Fastify: no logging, tracing, metrics or validation. The baseline of bench:http.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HelloModule } from './hello.module.js';
import { PgRowsModule } from './pg-rows.module.js';

@Module({ imports: [HelloModule, PgRowsModule] })
class BareModule {}

const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env['PORT']), '127.0.0.1');
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
