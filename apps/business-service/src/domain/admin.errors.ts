import { DomainError } from '@platform/validation';

/** Errors of the platform administration routes (`/admin/...`). Codes are part of the API. */
export const AdminErrorCode = {
  FORBIDDEN: 'ADMIN.FORBIDDEN',
  JOB_NOT_FOUND: 'JOB.NOT_FOUND',
  JOB_ALREADY_RUNNING: 'JOB.ALREADY_RUNNING',
} as const;

/** Only a platform admin (the gateway-signed role `admin`) may do this. */
export class PlatformAdminRequiredError extends DomainError {
  constructor() {
    super(AdminErrorCode.FORBIDDEN, 'forbidden', 'Only a platform admin may do this.');
  }
}

/** No scheduled job of that name. */
export class JobNotFoundError extends DomainError {
  constructor(job: string) {
    super(AdminErrorCode.JOB_NOT_FOUND, 'not_found', 'No such job.', { details: { job } });
  }
}

/** The job is running now, on this instance or another one: one run at a time. */
export class JobAlreadyRunningError extends DomainError {
  constructor(job: string) {
    super(AdminErrorCode.JOB_ALREADY_RUNNING, 'conflict', 'The job is running now; try again when it has finished.', {
      details: { job },
      retryable: true,
      title: 'Job already running',
    });
  }
}
