import type { HealthCheckResult } from '@nestjs/terminus';

/** A health answer: the HTTP status to send and Terminus' body (`status`, `info`, `error`, `details`). */
export interface HealthReport {
  httpStatus: 200 | 503;
  body: HealthCheckResult;
}

/** 200 while the service can serve (`ok`, `degraded`), 503 otherwise (`error`, `shutting_down`). */
export function report(body: HealthCheckResult): HealthReport {
  return { httpStatus: body.status === 'ok' || body.status === 'degraded' ? 200 : 503, body };
}

/** The same result with each entry cut down to its status, for probes that need no more. */
export function statusesOnly(body: HealthCheckResult): HealthCheckResult {
  const cut = (section: Record<string, { status: string }> | undefined) =>
    section && Object.fromEntries(Object.entries(section).map(([key, value]) => [key, { status: value.status }]));
  return {
    status: body.status,
    info: cut(body.info as Record<string, { status: string }> | undefined),
    error: cut(body.error as Record<string, { status: string }> | undefined),
    details: cut(body.details as Record<string, { status: string }>),
  } as HealthCheckResult;
}
