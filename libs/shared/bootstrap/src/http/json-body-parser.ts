import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { DomainError } from '@platform/validation';
import { jsonDepthExceeds } from './json-depth.js';

/** Deepest nesting of objects and arrays a JSON body may have, unless a service says otherwise. */
export const DEFAULT_MAX_JSON_DEPTH = 32;

// JSON's whitespace (RFC 8259): space, tab, LF, CR. Not `String.prototype.trim`'s wider set: a body
// of a form feed or a no-break space is not JSON, and must be refused rather than taken as empty.
const ONLY_JSON_WHITESPACE = /^[ \t\n\r]*$/;

/**
 * The `application/json` body parser of every service: it refuses, as a 400 Problem Details,
 * a body nested deeper than `maxDepth` before anything parses or recurses over it (validation,
 * class-transformer, forwarding and logging all walk bodies recursively, and a few thousand
 * levels overflow their stacks). The bytes received stay as `request.rawBody`. An empty body
 * (nothing, or only JSON's own whitespace) is no body, as for any other request without one;
 * everything else is Fastify's own parser (prototype-poisoning checks included).
 */
export function installJsonBodyParser(app: NestFastifyApplication, maxDepth: number): void {
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxJsonDepth must be a positive integer, got ${maxDepth}`);
  }
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  // Through Nest, which otherwise registers its own parser for the type when the app starts.
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    // The exact bytes stay readable (`request.rawBody`, as Nest's own `rawBody` option names them):
    // a signature over the body (webhooks) is checked on them, never on re-serialised JSON.
    (request as { rawBody?: Buffer }).rawBody = body;
    const text = body.toString('utf8');
    if (ONLY_JSON_WHITESPACE.test(text)) {
      done(null, undefined);
      return;
    }
    if (jsonDepthExceeds(text, maxDepth)) {
      done(
        new DomainError('REQUEST.BODY_TOO_DEEP', 'validation', `The JSON body nests deeper than ${maxDepth} levels.`, {
          details: { maxDepth },
        }),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
}
