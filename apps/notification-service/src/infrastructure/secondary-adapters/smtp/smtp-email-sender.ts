import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { extractTraceContext, withSpan } from '@platform/observability';
import { circuitBreaker, type CircuitBreaker } from '@platform/resilience';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSender, OutgoingEmail } from '../../../application/ports/email-sender.port.js';
import { DeliveryFailure } from '../../../domain/delivery-failure.js';
import { classifySmtpError } from './smtp-failure.js';

/** How to reach the SMTP server. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** STARTTLS before anything else is sent, or no send at all (never plain text). */
  requireTls?: boolean;
  /** The CA (PEM) the server's certificate must chain to; default the system's CAs. */
  ca?: string;
  user?: string;
  password?: string;
  poolSize: number;
  connectionTimeoutMs: number;
  greetingTimeoutMs: number;
  socketTimeoutMs: number;
  breakerResetMs: number;
  from: string;
}

/**
 * EmailSender over SMTP with nodemailer (maintained, no native parts, pooled connections,
 * timeouts for connect, greeting and silence). A circuit breaker (`smtp`) stops hammering a
 * server that keeps failing; only transient failures count against it (a 550 is an answer).
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls ?? false,
      ...(settings.user !== undefined && { auth: { user: settings.user, pass: settings.password ?? '' } }),
      pool: true,
      maxConnections: settings.poolSize,
      connectionTimeout: settings.connectionTimeoutMs,
      greetingTimeout: settings.greetingTimeoutMs,
      socketTimeout: settings.socketTimeoutMs,
      // Plain SMTP locally (Mailpit); STARTTLS is still used when the server offers it, and
      // whenever TLS is used the certificate and host name are verified.
      tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(settings.ca !== undefined && { ca: settings.ca }) },
    });
    this.breaker = circuitBreaker('smtp', {
      timeoutMs: false, // nodemailer's own timeouts bound each send
      resetTimeoutMs: settings.breakerResetMs,
      volumeThreshold: 5,
      errorThresholdPercentage: 50,
      maxConcurrent: Math.max(settings.poolSize * 10, 50),
      isFailure: (error) => !(error instanceof DeliveryFailure) || error.kind === 'transient',
    });
  }

  accepting(): boolean {
    return this.breaker.state !== 'open';
  }

  /**
   * One CLIENT span `smtp send` per message, child of the trace that queued the e-mail (so the
   * request's trace ends with its e-mail), with the server's address and never the recipient's.
   */
  async send(email: OutgoingEmail): Promise<void> {
    const parent = email.traceContext ? extractTraceContext(email.traceContext, ROOT_CONTEXT) : undefined;
    await withSpan(
      'smtp send',
      {
        kind: SpanKind.CLIENT,
        parent,
        attributes: {
          'server.address': this.settings.host,
          'server.port': this.settings.port,
          'network.protocol.name': 'smtp',
        },
      },
      () => this.sendThroughBreaker(email),
    );
  }

  private async sendThroughBreaker(email: OutgoingEmail): Promise<void> {
    await this.breaker.execute(async () => {
      try {
        await this.transport.sendMail({
          from: this.settings.from,
          to: email.to.name ? { name: email.to.name, address: email.to.address } : email.to.address,
          subject: email.subject,
          html: email.html,
          text: email.text,
          messageId: email.messageId,
          headers: email.headers,
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
    });
  }

  /** Closes the pooled connections (shutdown). */
  close(): void {
    this.transport.close();
  }
}
