import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CodePointLength } from '../../common/code-point-length.js';

/** Largest page a list answers. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list request names none. */
export const DEFAULT_PAGE_SIZE = 20;

// A query string holds text: `"20"` becomes 20, anything else (`"2.5"`, `"0x10"`, `"1e1"`) stays
// text and fails @IsInt, as it breaks the contract's `type: integer`.
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;

/** `"true"` and `"false"` become booleans; anything else stays text and fails @IsBoolean. */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `cursor` and `limit` of every cursor-paginated list; the query of the lists without filters. */
export class PageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Page size.',
  })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 512, description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @CodePointLength(0, 512)
  cursor?: string;
}
