import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
} from '@nestjs/swagger';
import {
  CreateInvoiceRequest,
  InvoicePageResponse,
  InvoiceResponse,
  ListInvoicesQuery,
  UpdateInvoiceRequest,
  VoidInvoiceRequest,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idempotencyKeyHeader, idParam, ifMatchHeader, INVOICE_ETAG } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () => idParam('businessId', 'A business the caller is a member of; any other id is a 404.');
const INVOICE_ID = () => idParam('invoiceId', 'An invoice of this business; any other id is a 404.');
const INVOICE = '/v1/businesses/:businessId/invoices/:invoiceId';

/**
 * `/v1/businesses/{businessId}/invoices`: drafts, issued and void invoices. Changes need the
 * `ETag` the invoice was read with in `If-Match` (optimistic concurrency: 428 without, 412 stale).
 */
@BUSINESS_ID()
@businessRoutes('invoices')
@ApiProblems(400, 401, 404, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/invoices')
@UseGuards(AccessTokenGuard)
export class InvoicesHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({ summary: 'List the invoices of a business, newest first, a page at a time' })
  @ApiQuery({ type: ListInvoicesQuery })
  @ApiOkResponse({ type: InvoicePageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listInvoices(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/invoices');
  }

  @Post()
  @ApiOperation({
    summary: 'Draft an invoice (not viewers)',
    description: 'A draft has no number; it gets the next one of the business when it is issued.',
  })
  @idempotencyKeyHeader()
  @ApiBody({ type: CreateInvoiceRequest })
  @ApiCreatedResponse({ type: InvoiceResponse, description: 'The draft, with its totals.', headers: INVOICE_ETAG })
  @ApiProblems(403, 409, 413, 422)
  createInvoice(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/invoices', {
      idempotent: true,
    });
  }

  @Get(':invoiceId')
  @ApiOperation({ summary: 'An invoice of a business, with its `ETag`' })
  @INVOICE_ID()
  @ApiOkResponse({ type: InvoiceResponse, description: 'The invoice.', headers: INVOICE_ETAG })
  getInvoice(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, INVOICE);
  }

  @Patch(':invoiceId')
  @ApiOperation({ summary: 'Change a draft (not viewers); `lines` replaces every line' })
  @INVOICE_ID()
  @ifMatchHeader()
  @ApiBody({ type: UpdateInvoiceRequest, required: false, description: 'Left out: nothing changes.' })
  @ApiOkResponse({ type: InvoiceResponse, description: 'The draft as it is now.', headers: INVOICE_ETAG })
  @ApiProblems(403, 409, 412, 413, 422, 428)
  updateInvoice(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, INVOICE);
  }

  @Delete(':invoiceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (not viewers); issued invoices are voided instead' })
  @INVOICE_ID()
  @ifMatchHeader()
  @ApiNoContentResponse({ description: 'The draft is gone.' })
  @ApiProblems(403, 409, 412, 428)
  deleteInvoice(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, INVOICE);
  }

  @Post(':invoiceId/issue')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a draft (not viewers): it gets the next number of the business and becomes immutable',
    description: 'Numbers are `<prefix>-<year>-<sequence>`, sequential and gapless per business and year.',
  })
  @INVOICE_ID()
  @ifMatchHeader()
  @ApiOkResponse({ type: InvoiceResponse, description: 'The issued invoice, with its number.', headers: INVOICE_ETAG })
  @ApiProblems(403, 409, 412, 422, 428)
  issueInvoice(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, `${INVOICE}/issue`);
  }

  @Post(':invoiceId/void')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Void an issued invoice (owners and admins); it keeps its number',
    description: 'The correction of an issued invoice: void it, then issue a new one.',
  })
  @INVOICE_ID()
  @ifMatchHeader()
  @ApiBody({ type: VoidInvoiceRequest, required: false })
  @ApiOkResponse({ type: InvoiceResponse, description: 'The void invoice.', headers: INVOICE_ETAG })
  @ApiProblems(403, 409, 412, 413, 428)
  voidInvoice(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, `${INVOICE}/void`);
  }
}
