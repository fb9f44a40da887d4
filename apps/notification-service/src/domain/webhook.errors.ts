import { DomainError } from '@platform/validation';

/** The error catalogue of webhook endpoints. Codes are part of the API and never change meaning. */
export const WebhookErrorCode = {
  BUSINESS_NOT_FOUND: 'BUSINESS.NOT_FOUND',
  FORBIDDEN: 'BUSINESS.FORBIDDEN',
  ENDPOINT_NOT_FOUND: 'WEBHOOK.ENDPOINT_NOT_FOUND',
  DELIVERY_NOT_FOUND: 'WEBHOOK.DELIVERY_NOT_FOUND',
  INVALID_URL: 'WEBHOOK.INVALID_URL',
  URL_NOT_HTTPS: 'WEBHOOK.URL_NOT_HTTPS',
  URL_NOT_PUBLIC: 'WEBHOOK.URL_NOT_PUBLIC',
  URL_UNRESOLVABLE: 'WEBHOOK.URL_UNRESOLVABLE',
  TOO_MANY_ENDPOINTS: 'WEBHOOK.TOO_MANY_ENDPOINTS',
  ENDPOINT_DISABLED: 'WEBHOOK.ENDPOINT_DISABLED',
  DELIVERY_IN_FLIGHT: 'WEBHOOK.DELIVERY_IN_FLIGHT',
  INVALID_CURSOR: 'WEBHOOK.INVALID_CURSOR',
} as const;

/** Not a business of the caller: the same answer as one that does not exist. */
export class WebhookBusinessNotFoundError extends DomainError {
  constructor(businessId: string) {
    super(WebhookErrorCode.BUSINESS_NOT_FOUND, 'not_found', 'No such business.', { details: { businessId } });
  }
}

/** A member whose role may not manage webhooks (only owners and admins may). */
export class WebhookForbiddenError extends DomainError {
  constructor(details: Record<string, unknown>) {
    super(WebhookErrorCode.FORBIDDEN, 'forbidden', 'Only owners and admins of the business manage its webhooks.', {
      details,
    });
  }
}

export class WebhookEndpointNotFoundError extends DomainError {
  constructor(endpointId: string) {
    super(WebhookErrorCode.ENDPOINT_NOT_FOUND, 'not_found', 'No such webhook endpoint.', { details: { endpointId } });
  }
}

export class WebhookDeliveryNotFoundError extends DomainError {
  constructor(deliveryId: string) {
    super(WebhookErrorCode.DELIVERY_NOT_FOUND, 'not_found', 'No such webhook delivery.', { details: { deliveryId } });
  }
}

/** Why a URL is refused as a webhook endpoint (422): the code says which rule, the message how to fix it. */
export class WebhookUrlRefusedError extends DomainError {
  constructor(
    code: (typeof WebhookErrorCode)['INVALID_URL' | 'URL_NOT_HTTPS' | 'URL_NOT_PUBLIC' | 'URL_UNRESOLVABLE'],
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(code, 'business_rule', message, { details });
  }
}

export class TooManyWebhookEndpointsError extends DomainError {
  constructor(limit: number) {
    super(WebhookErrorCode.TOO_MANY_ENDPOINTS, 'business_rule', `A business has at most ${limit} webhook endpoints.`);
  }
}

export class WebhookEndpointDisabledError extends DomainError {
  constructor(endpointId: string) {
    super(WebhookErrorCode.ENDPOINT_DISABLED, 'conflict', 'The endpoint is disabled: enable it first.', {
      details: { endpointId },
    });
  }
}

export class WebhookDeliveryInFlightError extends DomainError {
  constructor(deliveryId: string) {
    super(WebhookErrorCode.DELIVERY_IN_FLIGHT, 'conflict', 'The delivery is being sent right now; try again shortly.', {
      details: { deliveryId },
      retryable: true,
    });
  }
}

export class InvalidWebhookCursorError extends DomainError {
  constructor() {
    super(WebhookErrorCode.INVALID_CURSOR, 'business_rule', 'The cursor is not one this list gave.');
  }
}
