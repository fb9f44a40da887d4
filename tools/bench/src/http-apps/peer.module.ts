// The peer app's module: the features of our wiring, assembled from the popular packages.
import { Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { makeHistogramProvider, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule } from 'nestjs-pino';
import { HelloModule } from './hello.module.js';
import { PgRowsModule } from './pg-rows.module.js';
import { PeerExceptionFilter } from './peer-exception.filter.js';
import { REQUEST_DURATION } from './peer-request-duration.js';

@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        level: 'info',
        // The id is Fastify's (see peer.main.ts genReqId), which pino-http takes as it finds it.
        customProps: (req) => ({ correlationId: (req as { id?: unknown }).id }),
      },
      // Fix 1 of 3: the default route pattern matches no route on Nest 12 (no access line at all).
      forRoutes: [{ path: '*splat', method: RequestMethod.ALL }],
    }),
    PrometheusModule.register({ path: '/metrics' }),
    HelloModule,
    PgRowsModule,
  ],
  providers: [
    makeHistogramProvider({
      name: REQUEST_DURATION,
      help: 'Duration of HTTP requests in seconds, by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    { provide: APP_FILTER, useClass: PeerExceptionFilter },
  ],
})
export class PeerModule {}
