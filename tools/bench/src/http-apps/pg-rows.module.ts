// GET /rows/:id through a pg Pool: how the bare and the peer app read the database.
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { READ_ROW, ROW_READER, ROWS_POOL_SIZE, rowsDatabaseUrl, type RowReader } from './rows.js';
import { RowsController } from './rows.controller.js';

class PgRowReader implements RowReader, OnApplicationShutdown {
  constructor(private readonly pool: pg.Pool) {}

  async read(id: number): Promise<Record<string, unknown> | null> {
    const result = await this.pool.query(READ_ROW, [id]);
    return (result.rows[0] as Record<string, unknown> | undefined) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

@Module({
  controllers: [RowsController],
  providers: [
    {
      provide: ROW_READER,
      useFactory: () => new PgRowReader(new pg.Pool({ connectionString: rowsDatabaseUrl(), max: ROWS_POOL_SIZE })),
    },
  ],
})
export class PgRowsModule {}
