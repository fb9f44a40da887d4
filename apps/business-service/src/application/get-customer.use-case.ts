import { CustomerNotFoundError } from '../domain/business.errors.js';
import type { Customer } from '../domain/customer.js';
import { requireAccess, type Actor } from './business-access.js';
import type { UnitOfWork } from './ports/unit-of-work.port.js';

/** One customer of a business the caller is a member of; 404 for a customer of any other business. */
export class GetCustomerUseCase {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(input: { actor: Actor; businessId: string; customerId: string }): Promise<Customer> {
    return this.unitOfWork.run(async (tx) => {
      await requireAccess(tx.roles, input.actor, input.businessId, 'business:read');
      const customer = await tx.customers.find(input.businessId, input.customerId);
      if (!customer) throw new CustomerNotFoundError(input.businessId, input.customerId);
      return customer;
    });
  }
}
