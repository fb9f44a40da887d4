/**
 * Where personal data is held outside the services' PostgreSQL databases, which no column comment
 * can mark: kept here, next to the marks' renderer, so that the catalogue names every place an
 * erasure does not reach and how long each keeps what it holds.
 */
export interface PlaceOutsideDatabases {
  where: string;
  what: string;
  retention: string;
  erasure: string;
}

export const PLACES_OUTSIDE_DATABASES: readonly PlaceOutsideDatabases[] = [
  {
    where:
      'Kafka topics (`auth.user.v1`, `business.member.v1`, `business.business.v1`, `business.invoice.v1`, `business.payment.v1`, their DLQs)',
    what: 'events whose payloads carry e-mails and names of users and customers',
    retention:
      "the topic's retention (the broker's `log.retention.hours`; 24 h on the local broker, set per cluster in production)",
    erasure: 'not rewritten: gone when the retention ends; the services erase or anonymise what they applied',
  },
  {
    where: "gateway's Redis: idempotency records",
    what: 'the answer replayed for a repeated request with an `Idempotency-Key`, e.g. a registration (e-mail, name)',
    retention: '24 hours, then expired by Redis',
    erasure: 'not erased: expires within a day',
  },
  {
    where: 'log lines (stdout, `LOG_DIR` files, the log backend)',
    what: 'ids, client IP addresses in the auth-service audit lines; e-mails and names masked (libs/shared/logging)',
    retention: '30 days in the log backend; `LOG_RETENTION_DAYS` (14 by default) for files under `LOG_DIR`',
    erasure: 'not rewritten: gone when the retention ends',
  },
  {
    where: 'SMTP server and webhook receivers',
    what: 'the e-mails and webhook payloads sent, once delivered',
    retention: "outside the platform: the recipient's and the mail provider's",
    erasure: 'not reachable by the platform',
  },
];
