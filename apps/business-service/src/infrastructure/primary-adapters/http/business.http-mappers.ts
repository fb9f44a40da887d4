import type { BusinessResponse, CustomerResponse, MemberResponse } from '@platform/contracts';
import type { Actor } from '../../../application/business-access.js';
import type { MembershipOf } from '../../../application/ports/business-repository.port.js';
import type { Page } from '../../../application/ports/page.js';
import type { Customer } from '../../../domain/customer.js';
import type { Member } from '../../../domain/member.js';
import type { Identity } from '@platform/identity';

// The bodies are the public contract (@platform/contracts); these map use-case results onto them.

/** The caller as the use cases see it: the user the gateway signed for. */
export function toActor(identity: Identity): Actor {
  return { userId: identity.userId };
}

export function toBusinessResponse({ business, role }: MembershipOf): BusinessResponse {
  return {
    id: business.id,
    name: business.name,
    currency: business.currency,
    invoicePrefix: business.invoicePrefix,
    role,
    createdAt: business.createdAt.toISOString(),
  };
}

export function toMemberResponse(member: Member): MemberResponse {
  return {
    userId: member.userId,
    email: member.email,
    displayName: member.displayName,
    role: member.role,
    addedAt: member.addedAt.toISOString(),
  };
}

export function toCustomerResponse(customer: Customer): CustomerResponse {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    address: customer.address && { ...customer.address },
    taxId: customer.taxId,
    archived: customer.archivedAt !== null,
    createdAt: customer.createdAt.toISOString(),
  };
}

/** A page as every list answers it: `nextCursor` null on the last page. */
export function toPageResponse<T, R>(page: Page<T>, map: (item: T) => R): { items: R[]; nextCursor: string | null } {
  return { items: page.items.map(map), nextCursor: page.nextCursor ?? null };
}
