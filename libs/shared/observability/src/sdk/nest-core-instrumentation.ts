import { context, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import {
  InstrumentationNodeModuleDefinition,
  InstrumentationNodeModuleFile,
  isWrapped,
} from '@opentelemetry/instrumentation';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_ROUTE, ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';
import { endSpanAfter } from '../tracing/span-outcome.js';

/**
 * The versions of @nestjs/core we let the upstream instrumentation patch. Upstream 0.71 declares
 * `>=4.0.0 <12` and so silently skips Nest 12; its two patch points (`NestFactoryStatic.create`
 * and `RouterExecutionContext.create`) are unchanged in 12.x, which the child-process test of
 * this library checks by asserting the controller spans.
 */
const SUPPORTED_NEST_VERSIONS = ['>=4.0.0 <13'];

/** What the request handler Nest builds for a route is given (Fastify or Express request). */
interface NestRequest {
  method?: string;
  url?: string;
  originalUrl?: string;
  route?: { path?: string };
  routeOptions?: { url?: string };
  routerPath?: string;
}

type RouteHandler = (this: unknown, req: NestRequest, ...rest: unknown[]) => unknown;
type CreateHandler = (
  this: unknown,
  instance: object,
  callback: (...args: unknown[]) => unknown,
  ...rest: unknown[]
) => RouteHandler;

/**
 * One `Controller.method` span per request, like upstream's `request_context` span (same name,
 * same attributes), but without upstream's second, nested `handler` span around the controller
 * method itself: that one repeated the same name and timing one level down, and with its async
 * wrappers cost two more spans' worth of context switches and promises on every request. The
 * controller span stays the parent of everything the handler does, so traces keep their shape.
 */
function wrapCreateHandler(tracer: Tracer, moduleVersion: string | undefined) {
  return (original: CreateHandler): CreateHandler =>
    function createHandlerWithTrace(this: unknown, instance, callback, ...rest) {
      const handler = original.call(this, instance, callback, ...rest);
      const callbackName = callback.name;
      const instanceName = instance.constructor?.name || 'UnnamedInstance';
      const spanName = callbackName ? `${instanceName}.${callbackName}` : instanceName;
      return function handleWithTrace(this: unknown, req) {
        // Nest passes (req, res, next); forwarded as they came, without rest/spread copies.
        // eslint-disable-next-line prefer-rest-params
        const args = arguments;
        const attributes: Attributes = {
          component: NestInstrumentation.COMPONENT,
          'nestjs.version': moduleVersion,
          'nestjs.type': 'request_context',
          [ATTR_HTTP_ROUTE]: req.route?.path || req.routeOptions?.url || req.routerPath,
          'nestjs.controller': instanceName,
          'nestjs.callback': callbackName,
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          [ATTR_URL_FULL]: req.originalUrl || req.url,
        };
        const span = tracer.startSpan(spanName, { attributes });
        // Nest's handlers return promises; the span ends when it settles, without an async wrapper.
        return context.with(trace.setSpan(context.active(), span), () =>
          endSpanAfter(span, () => handler.apply(this, args as unknown as [NestRequest])),
        );
      };
    };
}

/** NestJS app-creation and controller spans (`AppController.work`), including on Nest 12. */
export class NestCoreInstrumentation extends NestInstrumentation {
  override init(): InstrumentationNodeModuleDefinition {
    const definition = new InstrumentationNodeModuleDefinition(NestInstrumentation.COMPONENT, SUPPORTED_NEST_VERSIONS);
    definition.files.push(
      this.getNestFactoryFileInstrumentation(SUPPORTED_NEST_VERSIONS),
      this.getRouterExecutionContextFileInstrumentation(SUPPORTED_NEST_VERSIONS),
    );
    return definition;
  }

  override getRouterExecutionContextFileInstrumentation(versions: string[]): InstrumentationNodeModuleFile {
    type RouterModule = { RouterExecutionContext: { prototype: { create: CreateHandler } } };
    return new InstrumentationNodeModuleFile(
      '@nestjs/core/router/router-execution-context.js',
      versions,
      (module: RouterModule, moduleVersion?: string) => {
        const prototype = module.RouterExecutionContext.prototype;
        if (isWrapped(prototype.create)) this._unwrap(prototype, 'create');
        this._wrap(prototype, 'create', wrapCreateHandler(this.tracer, moduleVersion));
        return module;
      },
      (module: RouterModule) => {
        this._unwrap(module.RouterExecutionContext.prototype, 'create');
      },
    );
  }
}
