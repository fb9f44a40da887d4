import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { applyValidation, type ApplyValidationOptions } from '../src/index.js';

/** A real Nest application on Fastify, listening on a free loopback port. */
export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts `module` with the validation setup applied, the way a service's main.ts does. */
export async function startApp(module: Type, options?: ApplyValidationOptions): Promise<RunningApp> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: false });
  applyValidation(app, options);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), close: () => app.close() };
}
