import type { CapturedEmail } from './mail-archive.js';
import type { Observations } from './observations.js';

/** What a violation breaks: an effect missing (or wrong), an effect twice, or an order not kept. */
export type ViolationKind = 'lost' | 'duplicate' | 'order';

export interface Violation {
  check: string;
  kind: ViolationKind;
  detail: string;
}

/** One check's outcome: what it looked at and what it found. */
export interface CheckResult {
  check: string;
  checked: number;
  violations: Violation[];
}

const count = <T>(items: readonly T[], keyOf: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
};

/**
 * E-mails per key, a repeat of one Message-ID counted once: the same message delivered again is a
 * retry a receiver drops (as a webhook's id is), another Message-ID is a second effect.
 */
const countEmails = (emails: readonly CapturedEmail[], keyOf: (email: CapturedEmail) => string | undefined) => {
  const ids = new Map<string, Set<string>>();
  for (const email of emails) {
    const key = keyOf(email);
    if (key !== undefined) ids.set(key, (ids.get(key) ?? new Set()).add(email.messageId));
  }
  return new Map([...ids].map(([key, messageIds]) => [key, messageIds.size]));
};

/** Exactly one of each expected key: none is lost, two are a duplicate. */
function exactlyOnce(check: string, expected: string[], counts: Map<string, number>, what: (key: string) => string) {
  const violations: Violation[] = [];
  for (const key of expected) {
    const n = counts.get(key) ?? 0;
    if (n === 0) violations.push({ check, kind: 'lost', detail: `no ${what(key)}` });
    if (n > 1) violations.push({ check, kind: 'duplicate', detail: `${n}× ${what(key)}` });
  }
  return { check, checked: expected.length, violations };
}

/**
 * Every accepted request's effect exists exactly once in the owning service's database, and nothing
 * exists that no accepted request made: a request the gateway answered 5xx but the service committed,
 * done again by its retry, leaves a second row under another id (the run's databases are its own).
 */
export function checkAcceptedRequests(o: Observations): CheckResult {
  const check = 'accepted requests took effect once';
  const rows = [
    ...o.users.map((u) => `user ${u.id}`),
    ...o.businesses.map((b) => `business ${b.id}`),
    ...o.customers.map((c) => `customer ${c.id}`),
    ...o.invoices.map((i) => `invoice ${i.id}`),
    ...o.payments.map((p) => `payment ${p.id}`),
  ];
  const expected = [
    ...o.ledger.users.map((u) => `user ${u.id}`),
    ...o.ledger.businesses.map((b) => `business ${b.id}`),
    ...o.ledger.customers.map((c) => `customer ${c.id}`),
    ...o.ledger.invoices.map((i) => `invoice ${i.id}`),
    ...o.ledger.payments.map((p) => `payment ${p.id}`),
  ];
  const result = exactlyOnce(
    check,
    expected,
    count(rows, (row) => row),
    (key) => key,
  );
  const accepted = new Set(expected);
  for (const row of new Set(rows)) {
    if (!accepted.has(row))
      result.violations.push({ check, kind: 'duplicate', detail: `${row}, which no accepted request made` });
  }
  // Registrations are unique by address: two users of one address is one registration done twice.
  for (const [email, n] of count(o.users, (u) => u.email)) {
    if (n > 1) result.violations.push({ check, kind: 'duplicate', detail: `${n} users with ${email}` });
  }
  const invoices = new Map(o.invoices.map((invoice) => [invoice.id, invoice]));
  for (const accepted of o.ledger.invoices) {
    const status = invoices.get(accepted.id)?.status;
    if (!status) continue;
    if (accepted.issued && status === 'draft')
      result.violations.push({ check, kind: 'lost', detail: `invoice ${accepted.id} issued but still a draft` });
    if (accepted.voided && status !== 'void')
      result.violations.push({ check, kind: 'lost', detail: `invoice ${accepted.id} voided but ${status}` });
  }
  return result;
}

/** Every registered user got exactly one welcome e-mail. */
export function checkWelcomeEmails(o: Observations): CheckResult {
  const welcomes = o.emails.filter((email) => email.subject.startsWith('Welcome'));
  return exactlyOnce(
    'one welcome e-mail per user',
    o.users.map((user) => user.email.toLowerCase()),
    countEmails(welcomes, (email) => email.to),
    (to) => `welcome e-mail to ${to}`,
  );
}

const invoiceSubject = /^Invoice (\S+)( from |$)/;
const receiptSubject = /^Receipt for invoice (\S+)$/;
const issuedOf = (o: Observations) => o.invoices.filter((invoice) => invoice.status !== 'draft' && invoice.number);

/** Every issued invoice (paid and voided ones were issued too) got exactly one invoice e-mail to its customer. */
export function checkInvoiceEmails(o: Observations): CheckResult {
  const sent = countEmails(o.emails, (email) => {
    const number = invoiceSubject.exec(email.subject)?.[1];
    return number ? `${email.to} ${number}` : undefined;
  });
  return exactlyOnce(
    'one invoice e-mail per issued invoice',
    issuedOf(o).map((invoice) => `${invoice.customerEmail.toLowerCase()} ${invoice.number}`),
    sent,
    (key) => `invoice e-mail ${key}`,
  );
}

/** Every paid invoice got exactly one receipt. */
export function checkReceipts(o: Observations): CheckResult {
  const sent = countEmails(o.emails, (email) => {
    const number = receiptSubject.exec(email.subject)?.[1];
    return number ? `${email.to} ${number}` : undefined;
  });
  return exactlyOnce(
    'one receipt per paid invoice',
    o.invoices.filter((i) => i.status === 'paid').map((i) => `${i.customerEmail.toLowerCase()} ${i.number}`),
    sent,
    (key) => `receipt ${key}`,
  );
}

/**
 * Every issued invoice reached each subscribed endpoint of its business as exactly one
 * `invoice.issued` webhook, and every paid one as exactly one `invoice.paid` (one webhook id:
 * the same id delivered again is a retry the receiver recognises, another id is a second effect).
 */
export function checkWebhooks(o: Observations): CheckResult {
  const distinct = new Map<string, Set<string>>();
  for (const webhook of o.webhooks) {
    const key = `${webhook.endpoint} ${webhook.type} ${webhook.invoiceId}`;
    distinct.set(key, (distinct.get(key) ?? new Set()).add(webhook.webhookId));
  }
  const counts = new Map([...distinct].map(([key, ids]) => [key, ids.size]));
  const expected: string[] = [];
  for (const endpoint of o.ledger.endpoints) {
    for (const invoice of o.invoices.filter((i) => i.businessId === endpoint.businessId)) {
      if (endpoint.events.includes('invoice.issued') && invoice.status !== 'draft')
        expected.push(`${endpoint.path} invoice.issued ${invoice.id}`);
      if (endpoint.events.includes('invoice.paid') && invoice.status === 'paid')
        expected.push(`${endpoint.path} invoice.paid ${invoice.id}`);
    }
  }
  const result = exactlyOnce('one webhook per event and endpoint', expected, counts, (key) => `webhook ${key}`);
  if (o.badSignatures > 0)
    result.violations.push({
      check: result.check,
      kind: 'lost',
      detail: `${o.badSignatures} deliveries failed signature verification`,
    });
  return result;
}

/** An invoice is paid exactly when its succeeded payments cover its total, and the provider agrees with every payment. */
export function checkInvoiceStates(o: Observations): CheckResult {
  const check = 'invoice states agree with payments';
  const violations: Violation[] = [];
  for (const invoice of o.invoices) {
    const paid = o.payments
      .filter((p) => p.invoiceId === invoice.id && p.status === 'succeeded')
      .reduce((sum, p) => sum + p.amountMinor, 0);
    if (invoice.status === 'paid' && paid < invoice.totalMinor)
      violations.push({
        check,
        kind: 'lost',
        detail: `invoice ${invoice.id} paid with ${paid} of ${invoice.totalMinor}`,
      });
    if (invoice.status === 'issued' && paid >= invoice.totalMinor)
      violations.push({ check, kind: 'lost', detail: `invoice ${invoice.id} covered (${paid}) but still issued` });
    if (paid > invoice.totalMinor)
      violations.push({
        check,
        kind: 'duplicate',
        detail: `invoice ${invoice.id} paid ${paid} > ${invoice.totalMinor}`,
      });
  }
  const provider = new Map(o.providerPayments.map((p) => [p.id, p]));
  for (const payment of o.payments) {
    if (!payment.providerPaymentId) continue;
    const theirs = provider.get(payment.providerPaymentId);
    if (theirs && theirs.status !== payment.status && theirs.status !== 'pending')
      violations.push({
        check,
        kind: 'lost',
        detail: `payment ${payment.id} is ${payment.status}, the provider says ${theirs.status}`,
      });
  }
  return { check, checked: o.invoices.length + o.payments.length, violations };
}

/** Numbers of a business's issued invoices are 1..n per year, none missing, none twice. */
export function checkGaplessNumbers(o: Observations): CheckResult {
  const check = 'gapless invoice numbers per business';
  const violations: Violation[] = [];
  const series = new Map<string, number[]>();
  for (const invoice of issuedOf(o)) {
    const match = /^(.*)-(\d{4})-(\d+)$/.exec(invoice.number!);
    if (!match) {
      violations.push({
        check,
        kind: 'lost',
        detail: `invoice ${invoice.id} has a malformed number ${invoice.number}`,
      });
      continue;
    }
    const key = `${invoice.businessId} ${match[2]}`;
    series.set(key, [...(series.get(key) ?? []), Number(match[3])]);
  }
  for (const [key, numbers] of series) {
    const sorted = [...numbers].sort((a, b) => a - b);
    const seen = new Set<number>();
    for (const n of sorted) {
      if (seen.has(n)) violations.push({ check, kind: 'duplicate', detail: `${key}: number ${n} twice` });
      seen.add(n);
    }
    for (let n = 1; n <= sorted[sorted.length - 1]!; n++) {
      if (!seen.has(n)) violations.push({ check, kind: 'lost', detail: `${key}: number ${n} missing` });
    }
  }
  return { check, checked: issuedOf(o).length, violations };
}

/**
 * Per key, order held: on Kafka an invoice's `issued` comes before its `paid` and `voided`; in
 * Mailpit no receipt before its invoice e-mail; at each endpoint no `invoice.paid` before the
 * invoice's `invoice.issued`.
 */
export function checkOrder(o: Observations): CheckResult {
  const check = 'per-key order';
  const violations: Violation[] = [];
  const issuedSeen = new Set<string>();
  for (const event of o.invoiceEvents) {
    if (event.type === 'business.invoice.issued') issuedSeen.add(event.key);
    else if (
      (event.type === 'business.invoice.paid' || event.type === 'business.invoice.voided') &&
      !issuedSeen.has(event.key)
    )
      violations.push({ check, kind: 'order', detail: `Kafka: ${event.type} of ${event.key} before its issued` });
  }
  const firstAt = (pattern: RegExp) => {
    const first = new Map<string, number>();
    for (const email of o.emails) {
      const number = pattern.exec(email.subject)?.[1];
      if (!number) continue;
      const key = `${email.to} ${number}`;
      first.set(key, Math.min(first.get(key) ?? Infinity, email.at));
    }
    return first;
  };
  const invoiceMails = firstAt(invoiceSubject);
  for (const [key, at] of firstAt(receiptSubject)) {
    const invoiceAt = invoiceMails.get(key);
    if (invoiceAt === undefined || invoiceAt > at)
      violations.push({ check, kind: 'order', detail: `e-mail: receipt ${key} before its invoice e-mail` });
  }
  const issuedAt = new Map<string, number>();
  for (const webhook of [...o.webhooks].sort((a, b) => a.sequence - b.sequence)) {
    const key = `${webhook.endpoint} ${webhook.invoiceId}`;
    if (webhook.type === 'invoice.issued' && !issuedAt.has(key)) issuedAt.set(key, webhook.sequence);
    if (webhook.type === 'invoice.paid' && !issuedAt.has(key))
      violations.push({ check, kind: 'order', detail: `webhook: invoice.paid before invoice.issued at ${key}` });
  }
  return { check, checked: o.invoiceEvents.length + o.emails.length + o.webhooks.length, violations };
}

/**
 * No outbox row left behind; in the DLQs exactly the records the workload poisoned on purpose. A
 * poisoned record with no dead letter is lost; any other dead letter is an event the system
 * failed to handle (lost too). Copies of a poisoned record's dead letter are accepted:
 * dead-lettering is at least once (a consumer killed between the DLQ send and its offset commit
 * sends it again), and a replay deduplicates through the inbox.
 */
export function checkLeftovers(o: Observations): CheckResult {
  const check = 'no outbox rows, only poisoned events in DLQs';
  const violations: Violation[] = [];
  for (const outbox of o.outboxRows) {
    if (outbox.rows > 0)
      violations.push({ check, kind: 'lost', detail: `${outbox.rows} rows in ${outbox.service}'s outbox` });
  }
  // The messaging library's DLQ of a topic is `<topic>.dlq` (deadLetterTopicOf).
  const expected = new Map(o.ledger.poisoned.map((p) => [`${p.topic}.dlq ${p.key}`, p]));
  const found = new Set<string>();
  for (const letter of o.deadLetters) {
    const key = `${letter.topic} ${letter.key}`;
    if (expected.has(key)) found.add(key);
    else
      violations.push({
        check,
        kind: 'lost',
        detail: `dead letter in ${letter.topic} (key ${letter.key}, ${letter.reason}) not poisoned by the run`,
      });
  }
  for (const [key, poisoned] of expected) {
    if (!found.has(key))
      violations.push({
        check,
        kind: 'lost',
        detail: `poisoned ${poisoned.kind} record ${poisoned.key} of ${poisoned.topic} not in its DLQ`,
      });
  }
  return { check, checked: o.outboxRows.length + o.deadLetters.length + expected.size, violations };
}

/** Every check, in the order the table prints them. */
export function runChecks(o: Observations): CheckResult[] {
  return [
    checkAcceptedRequests(o),
    checkWelcomeEmails(o),
    checkInvoiceEmails(o),
    checkReceipts(o),
    checkWebhooks(o),
    checkInvoiceStates(o),
    checkGaplessNumbers(o),
    checkOrder(o),
    checkLeftovers(o),
  ];
}
