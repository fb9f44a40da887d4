import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiOperation, type ApiOperationOptions } from '@nestjs/swagger';
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

/**
 * Marks a route (or every route of a controller) deprecated: its answers say so in headers, and
 * the OpenAPI document marks its operations `deprecated`.
 */
export function Deprecated(notice: DeprecationNotice): MethodDecorator & ClassDecorator {
  // `summary: undefined` merges into the route's own @ApiOperation instead of replacing its summary.
  const markOperation = ApiOperation({ summary: undefined, deprecated: true } as ApiOperationOptions);
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (key !== undefined && descriptor) {
      SetMetadata(DEPRECATION, notice)(target, key, descriptor);
      markOperation(target, key, descriptor);
      return;
    }
    const controller = target as abstract new (...args: never[]) => unknown;
    SetMetadata(DEPRECATION, notice)(controller);
    const prototype = controller.prototype as object;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name !== 'constructor' && typeof method?.value === 'function') markOperation(prototype, name, method);
    }
  };
}

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
