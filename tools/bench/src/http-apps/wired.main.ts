// The same routes, wired the way every service is: one bootstrap call (logs at info, access log,
// request context, metrics, Problem Details), started with the tracing loader (register.mjs); the
// database through TypeORM's DataSource, as the services read theirs.
import { Module } from '@nestjs/common';
import { runService } from '@platform/bootstrap';
import { HelloModule } from './hello.module.js';
import { TypeOrmRowsModule } from './typeorm-rows.module.js';

@Module({ imports: [HelloModule, TypeOrmRowsModule] })
class WiredModule {}

await runService({ name: 'bench-wired', version: '0.0.0', module: WiredModule });
