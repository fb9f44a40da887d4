import { ErrorCode } from '../../errors/error-codes.js';
import type { ErrorMapper, ProblemDescription } from '../problem-description.js';

/** The fields of a PostgreSQL error (pg's DatabaseError; TypeORM's QueryFailedError keeps it as driverError). */
interface PgErrorFields {
  code: string;
  constraint?: string;
  table?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function pgErrorOf(error: unknown): PgErrorFields | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const candidate = (error as { driverError?: unknown }).driverError ?? error;
  if (candidate === null || typeof candidate !== 'object') return undefined;
  const fields = candidate as Partial<PgErrorFields> & { severity?: unknown };
  // `severity` tells a server error from any other error that happens to have a five-letter code.
  if (typeof fields.code !== 'string' || !SQLSTATE.test(fields.code) || fields.severity === undefined) return undefined;
  return { code: fields.code, constraint: fields.constraint, table: fields.table };
}

const UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);

function describe(pg: PgErrorFields): Omit<ProblemDescription, 'log'> | undefined {
  switch (pg.code) {
    case '23505':
      return {
        status: 409,
        code: ErrorCode.RESOURCE_ALREADY_EXISTS,
        title: 'Conflict',
        detail: 'A resource with the same unique value already exists.',
      };
    case '23503':
      // One status for both directions (a missing parent on insert, remaining children on
      // delete): PostgreSQL reports them with the same code, and only its localised message
      // tells them apart. Both conflict with the current state of related resources: 409.
      return {
        status: 409,
        code: ErrorCode.RESOURCE_REFERENCE_CONFLICT,
        title: 'Conflict',
        detail:
          'The request conflicts with related resources: one it refers to does not exist, or others still refer to it.',
      };
    case '40001':
    case '40P01':
      return {
        status: 409,
        code: ErrorCode.RESOURCE_CONCURRENT_UPDATE,
        title: 'Conflict',
        detail: 'The resource was changed by a concurrent request; send the request again.',
        retryable: true,
      };
    case '57014':
      return {
        status: 504,
        code: ErrorCode.DATABASE_TIMEOUT,
        title: 'Gateway Timeout',
        detail: 'The request took too long to complete.',
        retryable: true,
      };
    default:
      if (pg.code.startsWith('08') || UNAVAILABLE.has(pg.code)) {
        return {
          status: 503,
          code: ErrorCode.DATABASE_UNAVAILABLE,
          title: 'Service Unavailable',
          detail: 'The service cannot reach its database; try again later.',
          retryable: true,
          retryAfterSeconds: 1,
        };
      }
      return undefined;
  }
}

/**
 * PostgreSQL and TypeORM errors: constraint violations become 409, lost races 409 marked
 * retryable, missing entities 404. The client never sees SQL, table or constraint names (the
 * detail of a unique violation even holds the duplicated value); the log does.
 */
export const mapDatabaseError: ErrorMapper = (error) => {
  if (error instanceof Error && error.name === 'EntityNotFoundError') {
    return {
      status: 404,
      code: ErrorCode.RESOURCE_NOT_FOUND,
      title: 'Not found',
      detail: 'The requested resource was not found.',
    };
  }
  const pg = pgErrorOf(error);
  if (!pg) return undefined;
  const described = describe(pg);
  if (!described) return undefined;
  return { ...described, log: { sqlState: pg.code, constraint: pg.constraint, table: pg.table } };
};
