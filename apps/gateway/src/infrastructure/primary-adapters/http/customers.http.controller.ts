import { Controller, Get, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  CreateCustomerRequest,
  CustomerPageResponse,
  CustomerResponse,
  ListCustomersQuery,
  UpdateCustomerRequest,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idempotencyKeyHeader, idParam } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () => idParam('businessId', 'A business the caller is a member of; any other id is a 404.');
const CUSTOMER_ID = () => idParam('customerId', 'A customer of this business; any other id is a 404.');

/** `/v1/businesses/{businessId}/customers`: who a business invoices. */
@BUSINESS_ID()
@businessRoutes('customers')
@ApiProblems(400, 401, 404, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/customers')
@UseGuards(AccessTokenGuard)
export class CustomersHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({ summary: 'List the customers of a business, a page at a time' })
  @ApiQuery({ type: ListCustomersQuery })
  @ApiOkResponse({ type: CustomerPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listCustomers(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/customers');
  }

  @Post()
  @ApiOperation({ summary: 'Add a customer to a business (not viewers)' })
  @idempotencyKeyHeader()
  @ApiBody({ type: CreateCustomerRequest })
  @ApiCreatedResponse({ type: CustomerResponse, description: 'The customer was created.' })
  @ApiProblems(403, 409, 413, 422)
  createCustomer(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/customers', {
      idempotent: true,
    });
  }

  @Get(':customerId')
  @ApiOperation({ summary: 'A customer of a business' })
  @CUSTOMER_ID()
  @ApiOkResponse({ type: CustomerResponse, description: 'The customer.' })
  getCustomer(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/customers/:customerId');
  }

  @Patch(':customerId')
  @ApiOperation({
    summary: 'Change or archive a customer (not viewers)',
    description: 'A customer that invoices name is archived (`archived: true`), never deleted.',
  })
  @CUSTOMER_ID()
  @ApiBody({ type: UpdateCustomerRequest, required: false, description: 'Left out: nothing changes.' })
  @ApiOkResponse({ type: CustomerResponse, description: 'The customer as it is now.' })
  @ApiProblems(403, 413, 422)
  updateCustomer(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/customers/:customerId');
  }
}
