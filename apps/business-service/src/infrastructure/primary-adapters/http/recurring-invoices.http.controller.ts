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
  CreateRecurringInvoiceRequest,
  PageQuery,
  UpdateRecurringInvoiceRequest,
  type RecurringInvoicePageResponse,
  type RecurringInvoiceResponse,
} from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import type { FastifyReply } from 'fastify';
import { validate as isUuid } from 'uuid';
import type { Actor } from '../../../application/business-access.js';
import { CreateRecurringInvoiceUseCase } from '../../../application/create-recurring-invoice.use-case.js';
import { EndRecurringInvoiceUseCase } from '../../../application/end-recurring-invoice.use-case.js';
import { GetRecurringInvoiceUseCase } from '../../../application/get-recurring-invoice.use-case.js';
import { ListRecurringInvoicesUseCase } from '../../../application/list-recurring-invoices.use-case.js';
import { UpdateRecurringInvoiceUseCase } from '../../../application/update-recurring-invoice.use-case.js';
import type { RecurringInvoiceView } from '../../../application/recurring-invoice-changes.js';
import { BusinessNotFoundError } from '../../../domain/business.errors.js';
import { toRecurringInvoicePageResponse, toRecurringInvoiceResponse } from './recurring-invoice.http-mappers.js';
import { versionETag, versionsOfIfMatch } from './version-etag.js';
import { IdempotentRoute } from '@platform/messaging';

const actorOf = (identity: Identity): Actor => ({ userId: identity.userId });

/** An id that cannot be a business is the same 404 as another tenant's. */
function businessIdOf(businessId: string): string {
  if (!isUuid(businessId)) throw new BusinessNotFoundError(businessId);
  return businessId;
}

/**
 * The recurring invoices of a business, `/v1/businesses/{businessId}/recurring-invoices`: any
 * member reads, an accountant or above writes (the use cases check). Every answer with one
 * schedule carries its `ETag: "<version>"`, and PATCH requires it in `If-Match` (none: 428,
 * stale: 412). DELETE ends the schedule (no more invoices; it and its invoices stay readable).
 */
@Controller('v1/businesses/:businessId/recurring-invoices')
@UseGuards(GatewayIdentityGuard)
export class RecurringInvoicesHttpController {
  constructor(
    @Inject(CreateRecurringInvoiceUseCase) private readonly createSchedule: CreateRecurringInvoiceUseCase,
    @Inject(ListRecurringInvoicesUseCase) private readonly listSchedules: ListRecurringInvoicesUseCase,
    @Inject(GetRecurringInvoiceUseCase) private readonly getSchedule: GetRecurringInvoiceUseCase,
    @Inject(UpdateRecurringInvoiceUseCase) private readonly updateSchedule: UpdateRecurringInvoiceUseCase,
    @Inject(EndRecurringInvoiceUseCase) private readonly endSchedule: EndRecurringInvoiceUseCase,
  ) {}

  @Post()
  @IdempotentRoute()
  @HttpCode(201)
  async create(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Body() body: CreateRecurringInvoiceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurringInvoiceResponse> {
    const schedule = await this.createSchedule.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      customerId: body.customerId,
      currency: body.currency,
      lines: body.lines.map((line) => ({ ...line })),
      cadence: body.cadence,
      startDate: body.startDate,
      autoIssue: body.autoIssue,
      paymentTermDays: body.paymentTermDays,
    });
    reply.header('location', `/v1/businesses/${schedule.businessId}/recurring-invoices/${schedule.id}`);
    return answer(reply, schedule);
  }

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Query() query: PageQuery,
  ): Promise<RecurringInvoicePageResponse> {
    return toRecurringInvoicePageResponse(
      await this.listSchedules.execute({
        actor: actorOf(identity),
        businessId: businessIdOf(businessId),
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Get(':recurringInvoiceId')
  async get(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('recurringInvoiceId') recurringInvoiceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurringInvoiceResponse> {
    const schedule = await this.getSchedule.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      recurringInvoiceId,
    });
    return answer(reply, schedule);
  }

  @Patch(':recurringInvoiceId')
  async update(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('recurringInvoiceId') recurringInvoiceId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateRecurringInvoiceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurringInvoiceResponse> {
    const schedule = await this.updateSchedule.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      recurringInvoiceId,
      expectedVersions: versionsOfIfMatch(ifMatch),
      changes: {
        customerId: body?.customerId,
        lines: body?.lines?.map((line) => ({ ...line, taxRateBps: line.taxRateBps ?? 0 })),
        cadence: body?.cadence,
        nextDate: body?.nextDate,
        autoIssue: body?.autoIssue,
        paymentTermDays: body?.paymentTermDays,
        status: body?.status,
      },
    });
    return answer(reply, schedule);
  }

  @Delete(':recurringInvoiceId')
  @HttpCode(204)
  async end(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('recurringInvoiceId') recurringInvoiceId: string,
  ): Promise<void> {
    await this.endSchedule.execute({
      actor: actorOf(identity),
      businessId: businessIdOf(businessId),
      recurringInvoiceId,
    });
  }
}

/** The schedule as the body, its version as the strong ETag. */
function answer(reply: FastifyReply, schedule: RecurringInvoiceView): RecurringInvoiceResponse {
  reply.header('etag', versionETag(schedule.version));
  return toRecurringInvoiceResponse(schedule);
}
