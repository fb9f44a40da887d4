import { forgetIdempotentRequests } from '@platform/messaging';
import type { EntityManager } from 'typeorm';
import type { StoredRequests } from '../../../application/ports/stored-requests.port.js';

/** StoredRequests on the messaging library's table of idempotent requests, in the transaction of `manager`. */
export class PostgresStoredRequests implements StoredRequests {
  constructor(private readonly manager: EntityManager) {}

  forgetUser(userId: string): Promise<number> {
    return forgetIdempotentRequests(this.manager, userId);
  }
}
