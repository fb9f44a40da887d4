/** One e-mail ready to go. */
export interface OutgoingEmail {
  /** Stable per notification, so that a repeat after a crash is recognisable: `<id@domain>`. */
  messageId: string;
  to: { address: string; name: string | null };
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe, ...). */
  headers: Record<string, string>;
  /** W3C trace headers of the trace this e-mail belongs to; the sender's span joins it. */
  traceContext?: Record<string, string>;
}

/**
 * Sends e-mail. Resolves once the server accepted the message; rejects with a DeliveryFailure
 * saying whether a retry can help (transient) or not (permanent).
 */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>;
  /** False while the circuit around the server is open: the dispatcher then claims nothing. */
  accepting(): boolean;
}
