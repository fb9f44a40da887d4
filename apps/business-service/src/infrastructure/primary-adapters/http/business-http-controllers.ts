import { AddMemberHttpController } from './add-member.http.controller.js';
import { ChangeMemberRoleHttpController } from './change-member-role.http.controller.js';
import { CreateBusinessHttpController } from './create-business.http.controller.js';
import { CreateCustomerHttpController } from './create-customer.http.controller.js';
import { GetBusinessHttpController } from './get-business.http.controller.js';
import { GetCustomerHttpController } from './get-customer.http.controller.js';
import { ListCustomersHttpController } from './list-customers.http.controller.js';
import { ListMembersHttpController } from './list-members.http.controller.js';
import { ListMyBusinessesHttpController } from './list-my-businesses.http.controller.js';
import { RemoveMemberHttpController } from './remove-member.http.controller.js';
import { UpdateBusinessHttpController } from './update-business.http.controller.js';
import { UpdateCustomerHttpController } from './update-customer.http.controller.js';

/** The HTTP routes of businesses, members and customers, for AppModule's `controllers`. */
export const businessHttpControllers = [
  CreateBusinessHttpController,
  ListMyBusinessesHttpController,
  GetBusinessHttpController,
  UpdateBusinessHttpController,
  ListMembersHttpController,
  AddMemberHttpController,
  ChangeMemberRoleHttpController,
  RemoveMemberHttpController,
  CreateCustomerHttpController,
  ListCustomersHttpController,
  GetCustomerHttpController,
  UpdateCustomerHttpController,
];
