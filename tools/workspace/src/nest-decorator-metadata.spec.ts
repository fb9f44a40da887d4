import 'reflect-metadata';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

@Injectable()
class Greeter {
  greet(): string {
    return 'hello from an injected service';
  }
}

@Controller('greeting')
class GreetingController {
  constructor(private readonly greeter: Greeter) {}

  @Get()
  greeting() {
    return { message: this.greeter.greet() };
  }
}

@Module({ controllers: [GreetingController], providers: [Greeter] })
class GreetingModule {}

// Nest resolves constructor dependencies from `design:paramtypes`; without emitted metadata it fails.
describe('NestJS on Fastify with decorator metadata', () => {
  it('is emitted by the test transform (SWC), so constructor injection works over real HTTP', async () => {
    expect(Reflect.getMetadata('design:paramtypes', GreetingController)).toEqual([Greeter]);

    const app = await NestFactory.create<NestFastifyApplication>(GreetingModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`${await app.getUrl()}/greeting`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ message: 'hello from an injected service' });
    } finally {
      await app.close();
    }
  });

  it('is emitted by the runtime loader (@swc-node/register) that npm start uses', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'tools/workspace/fixtures/nest-di/main.ts'],
      { cwd: root },
    );
    expect(stdout).toBe('200 {"clock":"injected"}\n');
  });
});
