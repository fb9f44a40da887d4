import { ApiProperty } from '@nestjs/swagger';

// What platform admins see of the business-service's scheduled jobs (GET /v1/admin/jobs).

/** The last failure of a job. */
export class JobErrorResponse {
  @ApiProperty({ format: 'uuid', description: 'The failed run.' })
  runId!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  at!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'One line, no stack.' })
  message!: string | null;
}

/** One scheduled job. */
export class JobStatusResponse {
  @ApiProperty({ example: 'overdue-invoices' })
  job!: string;

  @ApiProperty({ type: 'integer', description: 'Period between two scheduled runs, in ms.' })
  everyMs!: number;

  @ApiProperty({ type: 'integer', description: 'No success for this long makes the job stale.' })
  staleAfterMs!: number;

  @ApiProperty({ description: 'A run is going on, on any instance.' })
  running!: boolean;

  @ApiProperty({ description: 'No success within staleAfterMs.' })
  stale!: boolean;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastStartedAt!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastSucceededAt!: string | null;

  @ApiProperty({ type: () => JobErrorResponse, nullable: true })
  lastError!: JobErrorResponse | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Items waiting, when the job can count them.' })
  itemsPending!: number | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  nextRunAt!: string | null;
}

/** Every scheduled job of the business-service. */
export class JobsStatusResponse {
  @ApiProperty({ type: 'string', format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: () => JobStatusResponse, isArray: true })
  jobs!: JobStatusResponse[];
}

/** A run an admin started: it goes on in the background; follow it in the jobs' status. */
export class JobRunAcceptedResponse {
  @ApiProperty({ example: 'overdue-invoices' })
  job!: string;

  @ApiProperty({ format: 'uuid', description: 'The run (job_runs.id, the runId of its logs).' })
  runId!: string;
}
