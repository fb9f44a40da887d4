// GET /rows/:id through TypeORM's DataSource, as our services read their databases (raw SQL through
// the DataSource's query, no entities); its postgres driver keeps a pg Pool of ROWS_POOL_SIZE.
import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READ_ROW, ROW_READER, ROWS_POOL_SIZE, rowsDatabaseUrl, type RowReader } from './rows.js';
import { RowsController } from './rows.controller.js';

@Injectable()
class TypeOrmRowReader implements RowReader {
  constructor(private readonly database: DataSource) {}

  async read(id: number): Promise<Record<string, unknown> | null> {
    const rows: Record<string, unknown>[] = await this.database.query(READ_ROW, [id]);
    return rows[0] ?? null;
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({
        type: 'postgres',
        url: rowsDatabaseUrl(),
        entities: [],
        synchronize: false,
        poolSize: ROWS_POOL_SIZE,
      }),
    }),
  ],
  controllers: [RowsController],
  providers: [{ provide: ROW_READER, useClass: TypeOrmRowReader }],
})
export class TypeOrmRowsModule {}
