import type { Provider } from '@nestjs/common';
import { gatewayIdentityProviders } from '@platform/identity';
import { DataSource } from 'typeorm';
import { DispatchWebhooksUseCase } from './application/dispatch-webhooks.use-case.js';
import { ManageWebhookEndpointsUseCase } from './application/manage-webhook-endpoints.use-case.js';
import { QueueWebhookDeliveriesUseCase } from './application/queue-webhook-deliveries.use-case.js';
import { WebhookDeliveriesUseCase } from './application/webhook-deliveries.use-case.js';
import { parseRetrySchedule } from './domain/webhook-retry-schedule.js';
import { WebhookDispatcher } from './infrastructure/primary-adapters/dispatcher/webhook-dispatcher.js';
import { WebhookDeliveriesHttpController } from './infrastructure/primary-adapters/http/webhook-deliveries.http.controller.js';
import { WebhookEndpointsHttpController } from './infrastructure/primary-adapters/http/webhook-endpoints.http.controller.js';
import { PrometheusNotificationMetrics } from './infrastructure/secondary-adapters/metrics/notification.metrics.js';
import { WebhookEndpointStateGauge } from './infrastructure/secondary-adapters/metrics/webhook-endpoint-state.gauge.js';
import { PrometheusWebhookMetrics } from './infrastructure/secondary-adapters/metrics/webhook.metrics.js';
import { PostgresWebhookDeliveryStore } from './infrastructure/secondary-adapters/persistence/postgres-webhook-delivery-store.js';
import { PostgresWebhookEndpoints } from './infrastructure/secondary-adapters/persistence/postgres-webhook-endpoints.js';
import { AesSecretBox } from './infrastructure/secondary-adapters/webhooks/aes-secret-box.js';
import { DnsWebhookTargetResolver } from './infrastructure/secondary-adapters/webhooks/dns-webhook-target-resolver.js';
import { HttpWebhookSender } from './infrastructure/secondary-adapters/webhooks/http-webhook-sender.js';
import { NotificationConfig } from './notification.config.js';

/** The HTTP routes of webhook endpoints and deliveries, for AppModule's `controllers`. */
export const webhookHttpControllers = [WebhookEndpointsHttpController, WebhookDeliveriesHttpController];

/** The webhook side of the composition root: SSRF guard, sealed secrets, sender, use cases, dispatcher. */
export const webhookProviders: Provider[] = [
  ...gatewayIdentityProviders(NotificationConfig),
  {
    provide: WebhookEndpointStateGauge,
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => new WebhookEndpointStateGauge(dataSource),
  },
  {
    provide: PrometheusWebhookMetrics,
    inject: [WebhookEndpointStateGauge],
    useFactory: (endpointStates: WebhookEndpointStateGauge) => new PrometheusWebhookMetrics(endpointStates),
  },
  {
    provide: AesSecretBox,
    inject: [NotificationConfig],
    useFactory: (config: NotificationConfig) => new AesSecretBox(config.WEBHOOK_SECRETS_KEY),
  },
  {
    provide: DnsWebhookTargetResolver,
    inject: [NotificationConfig],
    useFactory: (config: NotificationConfig) =>
      new DnsWebhookTargetResolver({
        allowHttp: config.WEBHOOK_ALLOW_HTTP || config.NODE_ENV === 'development',
        allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK,
      }),
  },
  {
    provide: ManageWebhookEndpointsUseCase,
    inject: [DataSource, AesSecretBox, DnsWebhookTargetResolver, NotificationConfig],
    useFactory: (
      dataSource: DataSource,
      box: AesSecretBox,
      targets: DnsWebhookTargetResolver,
      config: NotificationConfig,
    ) =>
      new ManageWebhookEndpointsUseCase(new PostgresWebhookEndpoints(dataSource, box), targets, {
        secretOverlapMs: config.WEBHOOK_SECRET_OVERLAP_MS,
      }),
  },
  {
    provide: WebhookDeliveriesUseCase,
    inject: [DataSource, AesSecretBox],
    useFactory: (dataSource: DataSource, box: AesSecretBox) =>
      new WebhookDeliveriesUseCase(new PostgresWebhookEndpoints(dataSource, box)),
  },
  {
    provide: QueueWebhookDeliveriesUseCase,
    inject: [PrometheusNotificationMetrics],
    useFactory: (metrics: PrometheusNotificationMetrics) => new QueueWebhookDeliveriesUseCase(metrics),
  },
  {
    provide: DispatchWebhooksUseCase,
    inject: [
      DataSource,
      AesSecretBox,
      DnsWebhookTargetResolver,
      PrometheusNotificationMetrics,
      PrometheusWebhookMetrics,
      NotificationConfig,
    ],
    useFactory: (
      dataSource: DataSource,
      box: AesSecretBox,
      targets: DnsWebhookTargetResolver,
      notificationMetrics: PrometheusNotificationMetrics,
      webhookMetrics: PrometheusWebhookMetrics,
      config: NotificationConfig,
    ) => {
      if (config.WEBHOOK_CLAIM_LEASE_MS <= config.WEBHOOK_TIMEOUT_MS) {
        throw new Error(
          'WEBHOOK_CLAIM_LEASE_MS must be longer than WEBHOOK_TIMEOUT_MS (else a slow send is sent twice)',
        );
      }
      const sender = new HttpWebhookSender(targets, {
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        responseBodyLimitBytes: config.WEBHOOK_RESPONSE_BODY_LIMIT_BYTES,
      });
      return new DispatchWebhooksUseCase(
        new PostgresWebhookDeliveryStore(dataSource, box),
        sender,
        notificationMetrics,
        webhookMetrics,
        {
          batchSize: config.WEBHOOK_DISPATCH_BATCH,
          leaseMs: config.WEBHOOK_CLAIM_LEASE_MS,
          schedule: parseRetrySchedule(config.WEBHOOK_RETRY_SCHEDULE_MS),
          maxRetryAfterMs: config.WEBHOOK_MAX_RETRY_AFTER_MS,
          disableAfterMs: config.WEBHOOK_DISABLE_AFTER_MS,
        },
      );
    },
  },
  WebhookDispatcher,
];
