import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';

/** When a route stopped being recommended, when it goes away, and what replaces it. */
export interface DeprecationNotice {
  since: Date;
  sunset: Date;
  /** The path (or URL) of the route to use instead. */
  successor: string;
}

const DEPRECATION = Symbol('gateway.deprecation');

/** Marks a route (or a controller) deprecated; its answers then say so in headers. */
export const Deprecated = (notice: DeprecationNotice) => SetMetadata(DEPRECATION, notice);

/**
 * Adds `Deprecation` (RFC 9745: `@<unix seconds>`), `Sunset` (RFC 8594: an HTTP date) and a
 * `Link` to the successor (`rel="successor-version"`) to every answer of a deprecated route,
 * errors included, so clients and their monitoring notice before the route is removed.
 */
@Injectable()
export class DeprecationInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const notice = this.reflector.getAllAndOverride<DeprecationNotice | undefined>(DEPRECATION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (notice) {
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      reply.header('deprecation', `@${Math.floor(notice.since.getTime() / 1000)}`);
      reply.header('sunset', notice.sunset.toUTCString());
      reply.header('link', `<${notice.successor}>; rel="successor-version"`);
    }
    return next.handle();
  }
}
