import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  CreateInvoiceRequest,
  ListInvoicesQuery,
  UpdateInvoiceRequest,
  VoidInvoiceRequest,
  type InvoicePageResponse,
  type InvoiceResponse,
} from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import type { FastifyReply } from 'fastify';
import { validate as isUuid } from 'uuid';
import type { Actor } from '../../../application/business-access.js';
import { CreateInvoiceUseCase } from '../../../application/create-invoice.use-case.js';
import { DeleteInvoiceUseCase } from '../../../application/delete-invoice.use-case.js';
import { GetInvoiceUseCase } from '../../../application/get-invoice.use-case.js';
import type { InvoiceView } from '../../../application/invoice-changes.js';
import { IssueInvoiceUseCase } from '../../../application/issue-invoice.use-case.js';
import { ListInvoicesUseCase } from '../../../application/list-invoices.use-case.js';
import { UpdateInvoiceUseCase } from '../../../application/update-invoice.use-case.js';
import { VoidInvoiceUseCase } from '../../../application/void-invoice.use-case.js';
import { BusinessNotFoundError } from '../../../domain/business.errors.js';
import { versionETag, versionsOfIfMatch } from './version-etag.js';
import { toInvoicePageResponse, toInvoiceResponse } from './invoice.http-mappers.js';
import { IdempotentRoute } from '@platform/messaging';

const actorOf = (identity: Identity): Actor => ({ userId: identity.userId });

/** Whatever id is tried, one answer: an id that cannot be a business is the same 404 as another tenant's. */
function businessIdOf(businessId: string): string {
  if (!isUuid(businessId)) throw new BusinessNotFoundError(businessId);
  return businessId;
}

/**
 * The invoices of a business, `/v1/businesses/{businessId}/invoices`. Every answer with one
 * invoice carries its `ETag: "<version>"`; PATCH, DELETE, issue and void require `If-Match` with
 * it (none: 428, stale: 412). Permissions and tenant checks are the use cases'.
 */
@Controller('v1/businesses/:businessId/invoices')
@UseGuards(GatewayIdentityGuard)
export class InvoicesHttpController {
  constructor(
    @Inject(CreateInvoiceUseCase) private readonly createInvoice: CreateInvoiceUseCase,
    @Inject(ListInvoicesUseCase) private readonly listInvoices: ListInvoicesUseCase,
    @Inject(GetInvoiceUseCase) private readonly getInvoice: GetInvoiceUseCase,
    @Inject(UpdateInvoiceUseCase) private readonly updateInvoice: UpdateInvoiceUseCase,
    @Inject(DeleteInvoiceUseCase) private readonly deleteInvoice: DeleteInvoiceUseCase,
    @Inject(IssueInvoiceUseCase) private readonly issueInvoice: IssueInvoiceUseCase,
    @Inject(VoidInvoiceUseCase) private readonly voidInvoice: VoidInvoiceUseCase,
  ) {}

  @Post()
  @IdempotentRoute()
  @HttpCode(201)
  async create(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Body() body: CreateInvoiceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceResponse> {
    const invoice = await this.createInvoice.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      customerId: body.customerId,
      currency: body.currency,
      dueDate: body.dueDate,
      lines: body.lines.map((line) => ({ ...line })),
    });
    reply.header('location', `/v1/businesses/${invoice.businessId}/invoices/${invoice.id}`);
    return answer(reply, invoice);
  }

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Query() query: ListInvoicesQuery,
  ): Promise<InvoicePageResponse> {
    return toInvoicePageResponse(
      await this.listInvoices.execute({
        actor: actorOf(identity),
        businessId: businessIdOf(businessId),
        status: query.status,
        customerId: query.customerId,
        dueBefore: query.dueBefore,
        dueAfter: query.dueAfter,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Get(':invoiceId')
  async get(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceResponse> {
    const invoice = await this.getInvoice.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      invoiceId,
    });
    return answer(reply, invoice);
  }

  @Patch(':invoiceId')
  async update(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateInvoiceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceResponse> {
    const invoice = await this.updateInvoice.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      invoiceId,
      expectedVersions: versionsOfIfMatch(ifMatch),
      changes: {
        customerId: body.customerId,
        currency: body.currency,
        dueDate: body.dueDate,
        lines: body.lines?.map((line) => ({ ...line })),
      },
    });
    return answer(reply, invoice);
  }

  @Delete(':invoiceId')
  @HttpCode(204)
  async delete(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.deleteInvoice.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      invoiceId,
      expectedVersions: versionsOfIfMatch(ifMatch),
    });
  }

  @Post(':invoiceId/issue')
  @HttpCode(200)
  async issue(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceResponse> {
    const invoice = await this.issueInvoice.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      invoiceId,
      expectedVersions: versionsOfIfMatch(ifMatch),
    });
    return answer(reply, invoice);
  }

  @Post(':invoiceId/void')
  @HttpCode(200)
  async void(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('invoiceId') invoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    // The class itself, not `| undefined`: a union reflects as Object and the body would go unvalidated.
    @Body() body: VoidInvoiceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceResponse> {
    const invoice = await this.voidInvoice.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      invoiceId,
      expectedVersions: versionsOfIfMatch(ifMatch),
      reason: body?.reason,
    });
    return answer(reply, invoice);
  }
}

/** The invoice as the body, its version as the strong ETag. */
function answer(reply: FastifyReply, invoice: InvoiceView): InvoiceResponse {
  reply.header('etag', versionETag(invoice.version));
  return toInvoiceResponse(invoice);
}
