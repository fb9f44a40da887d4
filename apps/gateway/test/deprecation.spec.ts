import { Controller, Get, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiOperation } from '@nestjs/swagger';
import { bootstrapService, type RunningService, type ServiceConfig } from '@platform/bootstrap';
import { DomainError } from '@platform/validation';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deprecated, DeprecationInterceptor } from '../src/infrastructure/primary-adapters/http/deprecation.js';
import { buildApiDocument } from '../src/infrastructure/primary-adapters/http/openapi/api-document.js';

const notice = {
  since: new Date('2026-11-01T00:00:00Z'),
  sunset: new Date('2027-05-01T00:00:00Z'),
  successor: '/v2/widgets',
};

@Controller('v1/widgets')
class WidgetsController {
  @Get()
  @Deprecated(notice)
  @ApiOperation({ summary: 'List widgets' })
  list(): string[] {
    return ['w'];
  }

  @Get('broken')
  @Deprecated(notice)
  broken(): never {
    throw new DomainError('WIDGET.GONE', 'not_found', 'No such widget.');
  }

  @Get('current')
  current(): string[] {
    return [];
  }
}

@Controller('v0/gadgets')
@Deprecated(notice)
class GadgetsController {
  @Get()
  list(): string[] {
    return [];
  }
}

@Module({
  controllers: [WidgetsController, GadgetsController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: DeprecationInterceptor }],
})
class WidgetsModule {}

describe('deprecated routes', () => {
  let service: RunningService<ServiceConfig>;

  beforeAll(async () => {
    service = await bootstrapService({
      name: 'deprecation-test',
      module: WidgetsModule,
      env: { PORT: '0', HOST: '127.0.0.1', MANAGEMENT_PORT: '0', NODE_ENV: 'test' },
      logStream: new PassThrough(),
      handleSignals: false,
    });
  });
  afterAll(async () => {
    await service?.shutdown('test over');
  });

  it('answer with Deprecation, Sunset and a link to the successor, errors included', async () => {
    for (const path of ['/v1/widgets', '/v1/widgets/broken']) {
      const response = await fetch(`${service.url}${path}`);
      expect(response.headers.get('deprecation')).toBe('@1793491200');
      expect(response.headers.get('sunset')).toBe('Sat, 01 May 2027 00:00:00 GMT');
      expect(response.headers.get('link')).toBe('</v2/widgets>; rel="successor-version"');
    }
    const current = await fetch(`${service.url}/v1/widgets/current`);
    expect(current.headers.get('deprecation')).toBeNull();
  });

  it('are marked deprecated in the OpenAPI document, keeping their own summary', () => {
    const document = buildApiDocument(service.app, '1.0.0');
    expect(document.paths['/v1/widgets']!.get).toMatchObject({ deprecated: true, summary: 'List widgets' });
    expect(document.paths['/v1/widgets/broken']!.get!.deprecated).toBe(true);
    expect(document.paths['/v1/widgets/current']!.get!.deprecated).toBeUndefined();
  });

  it('of a deprecated controller: every one of them', async () => {
    expect((await fetch(`${service.url}/v0/gadgets`)).headers.get('sunset')).toBe('Sat, 01 May 2027 00:00:00 GMT');
    expect(buildApiDocument(service.app, '1.0.0').paths['/v0/gadgets']!.get!.deprecated).toBe(true);
  });
});
