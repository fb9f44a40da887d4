import { invoiceEmailSubject } from './fixture.js';
import type { IssuedInvoice } from './load.child.js';

interface MailpitSearch {
  messages_count: number;
  messages: { Subject: string; Created: string }[];
}

/** What became of the invoice e-mails of one step. */
export interface EmailLatency {
  /** Issue accepted → e-mail received by Mailpit, ms, of those that arrived (unsorted). */
  latenciesMs: number[];
  /** Issued invoices whose e-mail had not arrived by the deadline. */
  missing: number;
}

const POLL_MS = 500;
const PAGE = 500;

/** Received time (epoch ms) by subject of every e-mail in Mailpit whose subject contains `tag`. */
async function receivedBySubject(apiUrl: string, tag: string): Promise<Map<string, number>> {
  const received = new Map<string, number>();
  for (let start = 0; ; start += PAGE) {
    const query = new URLSearchParams({ query: `subject:"${tag}"`, start: String(start), limit: String(PAGE) });
    const response = await fetch(`${apiUrl}/api/v1/search?${query}`);
    if (!response.ok) throw new Error(`Mailpit search: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as MailpitSearch;
    for (const message of page.messages) {
      const at = Date.parse(message.Created);
      // A duplicate (there should be none) counts from its first arrival.
      received.set(message.Subject, Math.min(at, received.get(message.Subject) ?? at));
    }
    if (page.messages.length < PAGE) return received;
  }
}

/**
 * Waits (until `deadlineMs` from now) for the invoice e-mail of each of `issued` in Mailpit, found
 * by subject (the run's tag is in every business name), and measures accepted → received.
 */
export async function invoiceEmailLatency(
  apiUrl: string,
  runTag: string,
  issued: readonly IssuedInvoice[],
  deadlineMs: number,
): Promise<EmailLatency> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const received = await receivedBySubject(apiUrl, runTag);
    const latenciesMs: number[] = [];
    for (const invoice of issued) {
      const at = received.get(invoiceEmailSubject(invoice.number, invoice.businessName));
      if (at !== undefined) latenciesMs.push(Math.max(0, at - invoice.acceptedAt));
    }
    const missing = issued.length - latenciesMs.length;
    if (missing === 0 || Date.now() >= deadline) return { latenciesMs, missing };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
