import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { readPemFile } from '@platform/tls';
import { DataSource } from 'typeorm';
import { DispatchEmailsUseCase } from './application/dispatch-emails.use-case.js';
import { EraseUserUseCase } from './application/erase-user.use-case.js';
import { NotifyInvoiceEventsUseCase } from './application/notify-invoice-events.use-case.js';
import {
  NotifyPasswordChangedUseCase,
  NotifyUserRegisteredUseCase,
} from './application/notify-user-events.use-case.js';
import { RecordBusinessEventsUseCase } from './application/record-business-events.use-case.js';
import { EmailDispatcher } from './infrastructure/primary-adapters/dispatcher/email-dispatcher.js';
import { PrometheusNotificationMetrics } from './infrastructure/secondary-adapters/metrics/notification.metrics.js';
import { PostgresClaimableNotifications } from './infrastructure/secondary-adapters/persistence/postgres-claimable-notifications.js';
import { SmtpEmailSender, type SmtpSettings } from './infrastructure/secondary-adapters/smtp/smtp-email-sender.js';
import { HandlebarsTemplateRenderer } from './infrastructure/secondary-adapters/templates/handlebars-template-renderer.js';
import { NotificationConfig } from './notification.config.js';

/** The SMTP sender's settings from the service's (the CA file read once, at start). */
export function smtpSettings(config: NotificationConfig): SmtpSettings {
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    requireTls: config.SMTP_REQUIRE_TLS,
    ...(config.SMTP_CA_FILE !== undefined && { ca: readPemFile(config.SMTP_CA_FILE, 'SMTP_CA_FILE') }),
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    poolSize: config.SMTP_POOL_SIZE,
    connectionTimeoutMs: config.SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeoutMs: config.SMTP_GREETING_TIMEOUT_MS,
    socketTimeoutMs: config.SMTP_SOCKET_TIMEOUT_MS,
    breakerResetMs: config.SMTP_BREAKER_RESET_MS,
    from: config.MAIL_FROM,
  };
}

/** Closes the SMTP pool when the service stops. */
@Injectable()
export class SmtpPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(SmtpEmailSender) private readonly sender: SmtpEmailSender) {}

  onApplicationShutdown(): void {
    this.sender.close();
  }
}

/** The composition root: adapters behind the ports, and the use cases built on them. */
export const notificationProviders: Provider[] = [
  { provide: PrometheusNotificationMetrics, useFactory: () => new PrometheusNotificationMetrics() },
  { provide: HandlebarsTemplateRenderer, useFactory: () => new HandlebarsTemplateRenderer() },
  {
    provide: SmtpEmailSender,
    inject: [NotificationConfig],
    useFactory: (config: NotificationConfig) => new SmtpEmailSender(smtpSettings(config)),
  },
  SmtpPoolCloser,
  ...[NotifyUserRegisteredUseCase, NotifyPasswordChangedUseCase, NotifyInvoiceEventsUseCase].map((useCase) => ({
    provide: useCase,
    inject: [PrometheusNotificationMetrics, NotificationConfig],
    useFactory: (metrics: PrometheusNotificationMetrics, config: NotificationConfig) =>
      new useCase({ metrics, maxEventAgeMs: config.NOTIFICATION_MAX_AGE_MS }),
  })),
  { provide: RecordBusinessEventsUseCase, useFactory: () => new RecordBusinessEventsUseCase() },
  { provide: EraseUserUseCase, useFactory: () => new EraseUserUseCase() },
  {
    provide: DispatchEmailsUseCase,
    inject: [
      DataSource,
      HandlebarsTemplateRenderer,
      SmtpEmailSender,
      PrometheusNotificationMetrics,
      NotificationConfig,
    ],
    useFactory: (
      dataSource: DataSource,
      renderer: HandlebarsTemplateRenderer,
      sender: SmtpEmailSender,
      metrics: PrometheusNotificationMetrics,
      config: NotificationConfig,
    ) =>
      new DispatchEmailsUseCase(new PostgresClaimableNotifications(dataSource), renderer, sender, metrics, {
        batchSize: config.NOTIFICATION_DISPATCH_BATCH,
        leaseMs: config.NOTIFICATION_CLAIM_LEASE_MS,
        budget: {
          maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
          maxAgeMs: config.NOTIFICATION_MAX_AGE_MS,
          baseDelayMs: config.NOTIFICATION_RETRY_BASE_DELAY_MS,
          maxDelayMs: config.NOTIFICATION_RETRY_MAX_DELAY_MS,
        },
        messageIdDomain: config.MAIL_MESSAGE_ID_DOMAIN,
        unsubscribe: { publicBaseUrl: config.PUBLIC_BASE_URL, signingKey: config.UNSUBSCRIBE_SIGNING_KEY },
      }),
  },
  EmailDispatcher,
];
