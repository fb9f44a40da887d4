import { createHash } from 'node:crypto';
import {
  CallHandler,
  Inject,
  Injectable,
  SetMetadata,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IDEMPOTENCY_KEY_PATTERN } from '@platform/contracts';
import { getLogger } from '@platform/logging';
import { DomainError } from '@platform/validation';
import { catchError, from, of, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  findIdempotentRequest,
  IDEMPOTENT_ANSWER_LOST_AFTER_MS,
  IDEMPOTENT_REQUESTS_OPTIONS,
  type IdempotentRequestsModuleOptions,
  IdempotentRequestRaceError,
  idempotentRequestScope,
  type IdempotentRequestRecord,
  type IdempotentRequestScope,
  type StoredAnswer,
} from './idempotent-requests.js';

const IDEMPOTENT_ROUTE = 'messaging:idempotent-route';

/** The header a client (the gateway) names its request with. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that is the stored answer of an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

// The contract's rule for the header; the gateway forwards its own hash, which meets it.
const KEY_PATTERN = new RegExp(IDEMPOTENCY_KEY_PATTERN);
// The answer's headers a replay repeats; ids of the request (correlation, trace) are the retry's own.
const STORED_HEADERS = ['content-type', 'location', 'etag', 'cache-control', 'content-language'];
// How long a request that lost the race waits for the winner's answer before saying "in progress".
const RACE_POLLS = 10;
const RACE_POLL_MS = 100;

/** Error codes of an idempotent route's answers besides its own. */
export const IDEMPOTENT_REQUEST_ERROR_CODES = {
  keyReused: 'IDEMPOTENCY.KEY_REUSED',
  inProgress: 'IDEMPOTENCY.IN_PROGRESS',
  answerLost: 'IDEMPOTENCY.ANSWER_LOST',
  invalidKey: 'IDEMPOTENCY.INVALID_KEY',
} as const;

/**
 * Marks a route whose effect must happen once per `Idempotency-Key`: a retry with the same key
 * and body gets the first answer again (`idempotent-replayed: true`) and changes nothing. Needs
 * IdempotentRequestsModule in the app and IdempotentRequestSubscriber in its DataSource.
 */
export const IdempotentRoute = (): MethodDecorator & ClassDecorator => SetMetadata(IDEMPOTENT_ROUTE, true);

/** The request as the interceptor reads it (Fastify's, with the identity GatewayIdentityGuard verified). */
interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  routeOptions?: { url?: string };
  identity?: { userId: string };
}

/** What the interceptor leaves on the request for the onSend hook: the scope to complete, or an answer to replay. */
export interface IdempotentExchange {
  scope?: IdempotentRequestScope;
  replay?: StoredAnswer;
}

const exchanges = new WeakMap<object, IdempotentExchange>();

/** The exchange of `request`, if it went through an idempotent route with a key. */
export function idempotentExchangeOf(request: object): IdempotentExchange | undefined {
  return exchanges.get(request);
}

/**
 * On routes marked `@IdempotentRoute()` with an `Idempotency-Key`: answers a known key from the
 * store, and runs a new one inside the scope the subscriber records the key from.
 */
@Injectable()
export class IdempotentRequestInterceptor implements NestInterceptor {
  private readonly log = getLogger('IdempotentRequestInterceptor');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IDEMPOTENT_REQUESTS_OPTIONS) private readonly options: IdempotentRequestsModuleOptions,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    if (!this.reflector.getAllAndOverride<boolean>(IDEMPOTENT_ROUTE, [context.getHandler(), context.getClass()]))
      return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new DomainError(
        IDEMPOTENT_REQUEST_ERROR_CODES.invalidKey,
        'validation',
        'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      );
    }
    const subject = request.identity?.userId ?? null;
    const route = request.routeOptions?.url ?? request.url.split('?')[0];
    const scope: IdempotentRequestScope = {
      // Keys are the caller's own, per route: the same key elsewhere is another request.
      key: sha256(JSON.stringify([request.method, route, subject, header])),
      // Salted with the key, which is stored only hashed: a body with a password (a registration)
      // cannot be guessed back from the row.
      fingerprint: sha256(JSON.stringify([header, request.body ?? null])),
      subject,
      claimed: false,
    };
    const known = await findIdempotentRequest(this.dataSource.manager, scope.key);
    if (known) return of(this.replay(request, scope, known));

    const exchange: IdempotentExchange = { scope };
    exchanges.set(request, exchange);
    // handle() binds the handler to the async context it is called in: this scope.
    return idempotentRequestScope
      .run(scope, () => next.handle())
      .pipe(
        catchError((error: unknown) => {
          if (!isRace(error)) throw error;
          this.log.debug(
            'A concurrent request with the same Idempotency-Key committed first; answering with its answer',
          );
          return from(this.awaitWinner(request, scope));
        }),
      );
  }

  /** The answer to a key that committed: its stored answer, else a 422 or a 409 to retry. */
  private replay(request: HttpRequest, scope: IdempotentRequestScope, known: IdempotentRequestRecord): string {
    if (known.fingerprint !== scope.fingerprint) {
      throw new DomainError(
        IDEMPOTENT_REQUEST_ERROR_CODES.keyReused,
        'business_rule',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    if (!known.answer && known.ageMs > (this.options.answerLostAfterMs ?? IDEMPOTENT_ANSWER_LOST_AFTER_MS)) {
      // Its process died between the commit and the answer: saying "in progress" for a day would
      // leave the client guessing; the effect is there, once, and the client can read it.
      throw new DomainError(
        IDEMPOTENT_REQUEST_ERROR_CODES.answerLost,
        'conflict',
        'The request with this Idempotency-Key took effect, but its answer was lost; read the resource to see the result. Sending it again with this key changes nothing.',
      );
    }
    if (!known.answer) {
      throw new DomainError(
        IDEMPOTENT_REQUEST_ERROR_CODES.inProgress,
        'conflict',
        'A request with this Idempotency-Key is still in progress.',
        { retryAfterSeconds: 1, retryable: true },
      );
    }
    exchanges.set(request, { replay: known.answer });
    return known.answer.body;
  }

  private async awaitWinner(request: HttpRequest, scope: IdempotentRequestScope): Promise<string> {
    let known: IdempotentRequestRecord | undefined;
    for (let poll = 0; poll < RACE_POLLS; poll += 1) {
      known = await findIdempotentRequest(this.dataSource.manager, scope.key);
      if (!known || known.answer || known.fingerprint !== scope.fingerprint) break;
      await new Promise((resolve) => setTimeout(resolve, RACE_POLL_MS));
    }
    exchanges.delete(request);
    // The winner committed, so its row exists; were it purged meanwhile, the retry is told to come back.
    return this.replay(request, scope, known ?? { fingerprint: scope.fingerprint, ageMs: 0 });
  }
}

/** The answer as a replay repeats it: status, the headers worth keeping, and the bytes sent. */
export function answerToStore(
  status: number,
  headers: Record<string, unknown>,
  payload: unknown,
): StoredAnswer | undefined {
  let body: string;
  if (payload === undefined || payload === null) body = '';
  else if (typeof payload === 'string') body = payload;
  else if (Buffer.isBuffer(payload)) body = payload.toString('utf8');
  else return undefined; // a stream: not something to keep
  const kept: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string' || typeof value === 'number') kept[name] = String(value);
  }
  return { status, headers: kept, body };
}

function isRace(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof IdempotentRequestRaceError) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
