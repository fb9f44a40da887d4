import {
  BusinessMemberAddedV1Contract,
  BusinessMemberRemovedV1Contract,
  BusinessMemberRoleChangedV1Contract,
  type BusinessRole,
} from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import { createEvent } from '@platform/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { NotificationServiceUnderTest } from '../../support/notification-service-under-test.js';

/** An answer of the service: status and parsed JSON body. */
export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

/** Calls the service as the gateway would for `userId` (signed identity headers). */
export function apiOf(running: NotificationServiceUnderTest) {
  return async (userId: string, method: string, path: string, body?: unknown): Promise<Answer> => {
    const headers = signIdentity(
      { userId, roles: ['user'], tokenIssuedAt: Math.floor(Date.now() / 1000) },
      { method, path },
      running.identityKey,
    );
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${running.service.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  };
}

export function memberAdded(businessId: string, userId: string, role: BusinessRole, at = new Date()) {
  return createEvent(BusinessMemberAddedV1Contract, 'business-service', {
    aggregateId: businessId,
    occurredAt: at,
    payload: {
      businessId,
      businessName: 'Acme Consulting GmbH',
      userId,
      email: `${userId}@example.com`,
      displayName: 'Grace Hopper',
      role,
      addedAt: at.toISOString(),
    },
  });
}

export function memberRoleChanged(
  businessId: string,
  userId: string,
  change: { from: BusinessRole; to: BusinessRole },
  at = new Date(),
) {
  return createEvent(BusinessMemberRoleChangedV1Contract, 'business-service', {
    aggregateId: businessId,
    occurredAt: at,
    payload: { businessId, userId, role: change.to, previousRole: change.from, changedAt: at.toISOString() },
  });
}

export function memberRemoved(businessId: string, userId: string, role: BusinessRole, at = new Date()) {
  return createEvent(BusinessMemberRemovedV1Contract, 'business-service', {
    aggregateId: businessId,
    occurredAt: at,
    payload: { businessId, userId, role, removedAt: at.toISOString() },
  });
}

export const newId = () => uuidv7();
