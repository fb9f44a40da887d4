import { getLogger } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';
import { MAX_ENDPOINTS_PER_BUSINESS, newWebhookSecret, type WebhookEndpoint } from '../domain/webhook-endpoint.js';
import type { WebhookEventType } from '../domain/webhook-event-types.js';
import { TooManyWebhookEndpointsError, WebhookEndpointNotFoundError } from '../domain/webhook.errors.js';
import { isUuid, pageOf, type Page } from './page-cursor.js';
import { idOfCursor, requireWebhookManager, type Actor } from './webhook-access.js';
import type { WebhookEndpointRepository } from './ports/webhook-endpoints.port.js';
import type { WebhookTargetResolver } from './ports/webhook-target.port.js';

/** An endpoint with its secret: the answer of a registration (the only time the secret is shown). */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/** Register, read, change, rotate and remove the webhook endpoints of a business (owners and admins). */
export class ManageWebhookEndpointsUseCase {
  private readonly log = getLogger('WebhookEndpoints');

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly targets: WebhookTargetResolver,
    private readonly options: { secretOverlapMs: number; now?: () => Date },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** A new endpoint; the URL is resolved and checked (SSRF) first. */
  async register(
    actor: Actor,
    businessId: string,
    input: { url: string; events: WebhookEventType[]; description?: string | null },
  ): Promise<EndpointWithSecret> {
    await requireWebhookManager(this.endpoints, actor, businessId);
    await this.targets.resolve(input.url);
    if ((await this.endpoints.countOf(businessId)) >= MAX_ENDPOINTS_PER_BUSINESS) {
      throw new TooManyWebhookEndpointsError(MAX_ENDPOINTS_PER_BUSINESS);
    }
    const now = this.now();
    const endpoint: WebhookEndpoint = {
      id: uuidv7(),
      businessId,
      url: input.url,
      description: input.description ?? null,
      events: [...new Set(input.events)],
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      previousSecretExpiresAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const secret = newWebhookSecret();
    await this.endpoints.insert(endpoint, secret);
    this.log.info('webhook endpoint registered', { businessId, endpointId: endpoint.id, events: endpoint.events });
    return { endpoint, secret };
  }

  async list(
    actor: Actor,
    businessId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<WebhookEndpoint>> {
    await requireWebhookManager(this.endpoints, actor, businessId);
    const rows = await this.endpoints.list(businessId, page.limit + 1, idOfCursor(page.cursor));
    return pageOf(rows, page.limit);
  }

  async get(actor: Actor, businessId: string, endpointId: string): Promise<WebhookEndpoint> {
    await requireWebhookManager(this.endpoints, actor, businessId);
    return this.existing(businessId, endpointId);
  }

  /** Changes url (checked again), events, description or the enabled state; enabling clears the failure record. */
  async update(
    actor: Actor,
    businessId: string,
    endpointId: string,
    changes: { url?: string; events?: WebhookEventType[]; description?: string | null; enabled?: boolean },
  ): Promise<WebhookEndpoint> {
    await requireWebhookManager(this.endpoints, actor, businessId);
    const endpoint = await this.existing(businessId, endpointId);
    if (changes.url !== undefined && changes.url !== endpoint.url) await this.targets.resolve(changes.url);
    const now = this.now();
    const updated: WebhookEndpoint = {
      ...endpoint,
      url: changes.url ?? endpoint.url,
      events: changes.events ? [...new Set(changes.events)] : endpoint.events,
      description: changes.description === undefined ? endpoint.description : changes.description,
      updatedAt: now,
    };
    if (changes.enabled === true && !endpoint.enabled) {
      Object.assign(updated, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    } else if (changes.enabled === false && endpoint.enabled) {
      Object.assign(updated, { enabled: false, disabledReason: 'manual', disabledAt: now });
    }
    await this.endpoints.update(updated);
    this.log.info('webhook endpoint changed', { businessId, endpointId, enabled: updated.enabled });
    return updated;
  }

  /** A new secret; the old one keeps signing (next to the new one) for the overlap. */
  async rotateSecret(
    actor: Actor,
    businessId: string,
    endpointId: string,
  ): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
    await requireWebhookManager(this.endpoints, actor, businessId);
    await this.existing(businessId, endpointId);
    const secret = newWebhookSecret();
    const previousSecretExpiresAt = new Date(this.now().getTime() + this.options.secretOverlapMs);
    await this.endpoints.rotateSecret(endpointId, secret, previousSecretExpiresAt);
    this.log.info('webhook secret rotated', { businessId, endpointId, previousSecretExpiresAt });
    return { secret, previousSecretExpiresAt };
  }

  async remove(actor: Actor, businessId: string, endpointId: string): Promise<void> {
    await requireWebhookManager(this.endpoints, actor, businessId);
    await this.existing(businessId, endpointId);
    await this.endpoints.remove(endpointId);
    this.log.info('webhook endpoint removed', { businessId, endpointId });
  }

  private async existing(businessId: string, endpointId: string): Promise<WebhookEndpoint> {
    const endpoint = isUuid(endpointId) ? await this.endpoints.find(businessId, endpointId) : undefined;
    if (!endpoint) throw new WebhookEndpointNotFoundError(endpointId);
    return endpoint;
  }
}
