import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Every error answer of every service (RFC 9457, `application/problem+json`), as
// @platform/validation writes it; described here so the OpenAPI document and clients know it.

/** One failed rule of one field. */
export class FieldErrorResponse {
  @ApiProperty({ example: 'email', description: 'Path of the field: dots for properties, brackets for items.' })
  field!: string;

  @ApiProperty({ example: 'email must be a string' })
  message!: string;

  @ApiProperty({ example: 'isString', description: 'The rule that failed.' })
  code!: string;
}

export class ProblemDetailsResponse {
  @ApiProperty({ format: 'uri-reference', description: 'Names the problem type; derived from `code`.' })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;

  @ApiProperty({ description: 'This occurrence, in words safe to show.' })
  detail!: string;

  @ApiProperty({ example: '/v1/auth/register', description: 'The request path, without its query.' })
  instance!: string;

  @ApiProperty({ example: 'VALIDATION.FAILED', description: 'Stable machine-readable code; branch on it.' })
  code!: string;

  @ApiPropertyOptional({ description: 'The W3C trace id, for support requests.' })
  traceId?: string;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty({ format: 'date-time' })
  timestamp!: string;

  @ApiProperty({ example: 'POST' })
  method!: string;

  @ApiPropertyOptional({ type: () => FieldErrorResponse, isArray: true, description: 'One per failed rule.' })
  errors?: FieldErrorResponse[];

  @ApiPropertyOptional({ description: 'True when sending the same request again may succeed.' })
  retryable?: boolean;
}
