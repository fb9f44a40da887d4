import { ValidationFailedError } from '@platform/validation';
import { Email, EMAIL_MAX_LENGTH } from '../domain/email.js';
import { assertPermission, type Actor, type Role } from '../domain/role.js';
import type { AuthPorts } from './ports/auth-ports.js';
import { toUserSummary, type UserSummary } from './user-summary.js';

export const LIST_USERS_DEFAULT_LIMIT = 20;
export const LIST_USERS_MAX_LIMIT = 100;

export interface ListUsersInput {
  actor: Actor;
  /** 1–100; 20 by default. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  role?: Role;
  /** Part of the address, any case; blank means no filter. */
  emailContains?: string;
  createdAfter?: Date;
}

export interface ListUsersResult {
  items: UserSummary[];
  /** Present when there are more users; pass it as `cursor` for the next page. */
  nextCursor?: string;
}

/** Users page by page, oldest first, for administrators. */
export class ListUsersUseCase {
  constructor(private readonly ports: Pick<AuthPorts, 'users'>) {}

  async execute(input: ListUsersInput): Promise<ListUsersResult> {
    assertPermission(input.actor, 'users:read');
    const limit = input.limit ?? LIST_USERS_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_USERS_MAX_LIMIT) {
      throw invalid('limit', `limit must be an integer from 1 to ${LIST_USERS_MAX_LIMIT}.`);
    }
    const emailContains = input.emailContains === undefined ? '' : Email.normalise(input.emailContains);
    if (emailContains.length > EMAIL_MAX_LENGTH) {
      throw invalid('emailContains', `emailContains must be at most ${EMAIL_MAX_LENGTH} characters long.`);
    }
    // No address holds a NUL, and PostgreSQL refuses one in text: the page is empty (the fuzzer found a 502).
    if (emailContains.includes('\u0000')) return { items: [], nextCursor: undefined };
    const page = await this.ports.users.list({
      filter: { role: input.role, emailContains: emailContains || undefined, createdAfter: input.createdAfter },
      limit,
      cursor: input.cursor,
    });
    return { items: page.items.map(toUserSummary), nextCursor: page.nextCursor };
  }
}

function invalid(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError([{ field, message, code: 'out_of_range' }], message);
}
