/** One e-mail Mailpit captured. */
export interface CapturedEmail {
  to: string;
  subject: string;
  /**
   * Its Message-ID. The notification-service sends at least once with the same Message-ID (a crash
   * or a failed write after SMTP accepted sends it again), which receivers use to drop the repeat.
   */
  messageId: string;
  /** When Mailpit received it (ms since the epoch). */
  at: number;
}

interface MailpitListing {
  total: number;
  messages: { ID: string; MessageID: string; Subject: string; Created: string; To: { Address: string }[] }[];
}

/**
 * Every e-mail the run's Mailpit captured, kept across its restarts (Mailpit keeps messages in
 * memory: a stopped Mailpit forgets them, so `collect()` runs before each stop and at the end).
 */
export class MailArchive {
  private readonly kept: CapturedEmail[] = [];

  constructor(private readonly apiUrl: string) {}

  /**
   * Waits until Mailpit's message count holds still for `quietMs` (at most `boundMs`): a message
   * whose SMTP transaction ended just as refusing began may not be listed yet. A run that
   * collected right after `reject()` lost three welcome e-mails Mailpit had accepted.
   */
  async settle(quietMs = 1_000, boundMs = 15_000): Promise<void> {
    const total = async () => {
      const response = await fetch(`${this.apiUrl}/api/v1/messages?limit=1`);
      if (!response.ok) throw new Error(`Mailpit listing: ${response.status}`);
      return ((await response.json()) as MailpitListing).total;
    };
    const until = Date.now() + boundMs;
    let last = await total();
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const now = await total();
      if (now === last) return;
      last = now;
    }
  }

  /** Adds what Mailpit holds now; call it while SMTP refuses new mail and `settle()` is done, right before a stop. */
  async collect(): Promise<void> {
    const page = 500;
    const found: CapturedEmail[] = [];
    for (let start = 0; ; start += page) {
      const response = await fetch(`${this.apiUrl}/api/v1/messages?start=${start}&limit=${page}`);
      if (!response.ok) throw new Error(`Mailpit listing: ${response.status}`);
      const listing = (await response.json()) as MailpitListing;
      for (const message of listing.messages) {
        for (const to of message.To) {
          found.push({
            to: to.Address.toLowerCase(),
            subject: message.Subject,
            messageId: message.MessageID,
            at: Date.parse(message.Created),
          });
        }
      }
      if (listing.messages.length < page) break;
    }
    this.kept.push(...found);
  }

  emails(): CapturedEmail[] {
    return [...this.kept];
  }
}
