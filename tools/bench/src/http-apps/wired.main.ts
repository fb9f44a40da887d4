// The same route, wired the way every service is: one bootstrap call (logs at info, access log,
// request context, metrics, Problem Details), started with the tracing loader (register.mjs).
import { runService } from '@platform/bootstrap';
import { HelloModule } from './hello.module.js';

await runService({ name: 'bench-wired', version: '0.0.0', module: HelloModule });
