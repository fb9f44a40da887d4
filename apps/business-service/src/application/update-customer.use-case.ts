import { CustomerNotFoundError } from '../domain/business.errors.js';
import type { Customer } from '../domain/customer.js';
import { parseEmail } from '../domain/email-address.js';
import { requireAccess, type Actor } from './business-access.js';
import { toAddress, type AddressInput } from './create-customer.use-case.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

export interface UpdateCustomerInput {
  actor: Actor;
  businessId: string;
  customerId: string;
  /** Left out: unchanged. */
  name?: string;
  email?: string;
  /** null removes it. */
  address?: AddressInput | null;
  /** null removes it. */
  taxId?: string | null;
  /** true archives (kept, rather than deleted, once invoiced); false restores. */
  archived?: boolean;
}

/** Changes a customer, archiving or restoring it included (members with `customers:write`). */
export class UpdateCustomerUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(input: UpdateCustomerInput): Promise<Customer> {
    return this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'customers:write');
      const customer = await tx.customers.find(input.businessId, input.customerId, { forUpdate: true });
      if (!customer) throw new CustomerNotFoundError(input.businessId, input.customerId);
      const now = new Date();
      const updated: Customer = {
        ...customer,
        name: input.name === undefined ? customer.name : input.name.trim(),
        email: input.email === undefined ? customer.email : parseEmail(input.email),
        address: input.address === undefined ? customer.address : input.address && toAddress(input.address),
        taxId: input.taxId === undefined ? customer.taxId : input.taxId,
        // Archiving again keeps the first date.
        archivedAt:
          input.archived === undefined ? customer.archivedAt : input.archived ? (customer.archivedAt ?? now) : null,
        updatedAt: now,
      };
      await tx.customers.update(updated);
      return updated;
    });
  }
}
