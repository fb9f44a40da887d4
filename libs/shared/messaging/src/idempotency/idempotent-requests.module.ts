import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { getLogger } from '@platform/logging';
import { DataSource } from 'typeorm';
import {
  completeIdempotentRequest,
  IDEMPOTENT_REQUEST_RETENTION_MS,
  IDEMPOTENT_REQUESTS_OPTIONS,
  purgeIdempotentRequests,
  type IdempotentRequestsModuleOptions,
} from './idempotent-requests.js';
import {
  answerToStore,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotentRequestInterceptor,
  idempotentExchangeOf,
} from './idempotent-route.js';

// The parts of Fastify the hook uses; the app's adapter must be FastifyAdapter.
interface FastifyLike {
  addHook(name: 'onSend', hook: (request: object, reply: ReplyLike, payload: unknown) => Promise<unknown>): unknown;
}
interface ReplyLike {
  statusCode: number;
  code(status: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  getHeaders(): Record<string, unknown>;
}

/**
 * Stores the final answer (status, headers and body as sent) of a request whose key was recorded,
 * and sends a stored answer in place of the one the route would send for a replay. An onSend hook
 * sees every answer, the exception filter's too, which an interceptor does not. Also deletes the
 * rows past the retention now and then.
 */
@Injectable()
class IdempotentAnswers implements OnModuleInit, OnApplicationShutdown {
  private readonly log = getLogger('IdempotentRequests');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IDEMPOTENT_REQUESTS_OPTIONS) private readonly options: IdempotentRequestsModuleOptions,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyLike | undefined;
    if (!fastify || typeof fastify.addHook !== 'function')
      throw new Error('IdempotentRequestsModule needs the Fastify HTTP adapter');
    fastify.addHook('onSend', (request, reply, payload) => this.onSend(request, reply, payload));
    this.timer = setInterval(() => void this.purge(), this.options.purgeIntervalMs ?? 10 * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async onSend(request: object, reply: ReplyLike, payload: unknown): Promise<unknown> {
    const exchange = idempotentExchangeOf(request);
    if (!exchange) return payload;
    if (exchange.replay) {
      reply.code(exchange.replay.status);
      for (const [name, value] of Object.entries(exchange.replay.headers)) reply.header(name, value);
      reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return exchange.replay.body;
    }
    const scope = exchange.scope;
    // Nothing committed (a validation failure, a rejected rule): nothing to remember, a retry runs again.
    if (!scope?.claimed) return payload;
    const answer = answerToStore(reply.statusCode, reply.getHeaders(), payload);
    if (!answer) return payload;
    try {
      // Stored before the client sees it: a client that got an answer finds it on its retry.
      await completeIdempotentRequest(this.dataSource.manager, scope.key, answer);
    } catch (error) {
      // The key stays recorded without an answer: retries get 409 in progress, never a second effect.
      this.log.warn('Could not store the answer of an idempotent request', { error });
    }
    return payload;
  }

  private async purge(): Promise<void> {
    try {
      const deleted = await purgeIdempotentRequests(
        this.dataSource.manager,
        this.options.retentionMs ?? IDEMPOTENT_REQUEST_RETENTION_MS,
      );
      if (deleted > 0) this.log.debug('Purged idempotent requests past retention', { deleted });
    } catch (error) {
      this.log.warn('Purging idempotent requests failed; trying again later', { error });
    }
  }
}

/**
 * Makes `@IdempotentRoute()` work in a Nest (Fastify) service, in one line of its AppModule's
 * imports; its DataSource lists `idempotentRequestSubscribers` and `messagingMigrations`.
 */
@Module({})
export class IdempotentRequestsModule {
  static forRoot(options: IdempotentRequestsModuleOptions = {}): DynamicModule {
    return {
      module: IdempotentRequestsModule,
      providers: [
        { provide: IDEMPOTENT_REQUESTS_OPTIONS, useValue: options },
        { provide: APP_INTERCEPTOR, useClass: IdempotentRequestInterceptor },
        IdempotentAnswers,
      ],
    };
  }
}
