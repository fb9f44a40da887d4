// GET /rows/:id: the same controller in the three apps; only the RowReader behind it differs.
import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ROW_READER, type RowReader } from './rows.js';

@Controller('rows')
export class RowsController {
  constructor(@Inject(ROW_READER) private readonly rows: RowReader) {}

  @Get(':id')
  async read(@Param('id') id: string): Promise<Record<string, unknown>> {
    const row = await this.rows.read(Number(id));
    if (!row) throw new NotFoundException(`no row ${id}`);
    return row;
  }
}
