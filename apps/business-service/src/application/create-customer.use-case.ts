import { v7 as uuidv7 } from 'uuid';
import type { Address, Customer } from '../domain/customer.js';
import { parseEmail } from '../domain/email-address.js';
import { requireAccess, type Actor } from './business-access.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

/** A billing address as a request gives it: `line2` may be left out. */
export type AddressInput = Omit<Address, 'line2'> & { line2?: string | null };

export interface CreateCustomerInput {
  actor: Actor;
  businessId: string;
  name: string;
  /** An address invoices can be sent to; anything else is a 422. */
  email: string;
  address?: AddressInput;
  taxId?: string;
}

/** Adds a customer to a business (members with `customers:write`). */
export class CreateCustomerUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(input: CreateCustomerInput): Promise<Customer> {
    return this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'customers:write');
      const now = new Date();
      const customer: Customer = {
        id: uuidv7(),
        businessId: input.businessId,
        name: input.name.trim(),
        email: parseEmail(input.email),
        address: input.address ? toAddress(input.address) : null,
        taxId: input.taxId ?? null,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.customers.insert(customer);
      return customer;
    });
  }
}

/** The address as stored: the fields we know, `line2` null when absent. */
export function toAddress(input: AddressInput): Address {
  return {
    line1: input.line1,
    line2: input.line2 ?? null,
    city: input.city,
    postalCode: input.postalCode,
    country: input.country,
  };
}
