import { parse } from 'node:querystring';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/**
 * The `application/x-www-form-urlencoded` body parser of every service. Nest's own refuses a form
 * with a key named `__proto__` (400), as a JSON body is refused; but a form is a flat map of strings
 * that Node parses into an object without a prototype, and a key the route does not know means
 * nothing: a mail client's one-click unsubscribe (RFC 8058) must not fail on one (the contract
 * fuzzer sent it). The key is dropped instead, so no later `Object.assign` can take it for the
 * prototype. JSON bodies still refuse prototype poisoning (installJsonBodyParser).
 */
export function installFormBodyParser(app: NestFastifyApplication): void {
  const { bodyLimit } = app.getHttpAdapter().getInstance().initialConfig;
  app.useBodyParser<RawServerDefault>('application/x-www-form-urlencoded', { bodyLimit }, (_request, body, done) => {
    const form = parse(body.toString('utf8'));
    delete form['__proto__'];
    done(null, form);
  });
}
