import { DeliveryFailure } from '../../../domain/delivery-failure.js';

/** Error codes of nodemailer (and Node's sockets) meaning the server could not be reached or went quiet. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPROTOCOL',
]);

/**
 * Judges a failed send: a 5xx reply (550 no such user, 554 rejected) is permanent; a 4xx reply
 * (451 try later, 421 closing), a refused connection or a timeout is transient. Anything else
 * unknown counts as transient, bounded by the retry budget.
 */
export function classifySmtpError(error: unknown): DeliveryFailure {
  const details = error as { responseCode?: unknown; code?: unknown; message?: unknown; response?: unknown };
  const replyCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  const message = `${typeof details.code === 'string' ? `${details.code}: ` : ''}${
    typeof details.response === 'string' ? details.response : String(details.message ?? error)
  }`;
  // TLS could not be set up (a 502 to STARTTLS from a server without it, an unknown CA): the
  // transport's fault, not the message's. An operator fixes the settings or the server while the
  // e-mail waits in its retries; it is never sent in clear, nor failed for good.
  if (details.code === 'ETLS') return new DeliveryFailure('transient', message, replyCode);
  if (replyCode !== undefined && replyCode >= 500 && replyCode < 600)
    return new DeliveryFailure('permanent', message, replyCode);
  if (replyCode !== undefined && replyCode >= 400 && replyCode < 500)
    return new DeliveryFailure('transient', message, replyCode);
  if (typeof details.code === 'string' && TRANSIENT_CODES.has(details.code))
    return new DeliveryFailure('transient', message, replyCode);
  return new DeliveryFailure('transient', message, replyCode);
}
