import { readFileSync } from 'node:fs';
import { infraPaths } from '../paths.js';

export interface TestInfra {
  databaseUrl: string;
  kafkaBrokers: string[];
  /**
   * The shared Mailpit, when the infrastructure was brought up with it (`npm start`, `infra up`):
   * `MAILPIT_SMTP_URL` / `MAILPIT_API_URL`. Tests that break SMTP start their own (`startTestMailpit`).
   */
  mailpit?: { smtpUrl: string; apiUrl: string };
}

/**
 * Where the tests' PostgreSQL and Kafka are: the variables the global setup exports, or else
 * `.data/infra.env` written by `npm run infra:up`.
 */
export function testInfra(env: NodeJS.ProcessEnv = process.env): TestInfra {
  let databaseUrl = env['DATABASE_URL'];
  let brokers = env['KAFKA_BROKERS'];
  let mailpitSmtp = env['MAILPIT_SMTP_URL'];
  let mailpitApi = env['MAILPIT_API_URL'];
  if (!databaseUrl || !brokers) {
    const fromFile = readEnvFile(infraPaths(env).envFile);
    databaseUrl ||= fromFile['DATABASE_URL'];
    brokers ||= fromFile['KAFKA_BROKERS'];
    mailpitSmtp ||= fromFile['MAILPIT_SMTP_URL'];
    mailpitApi ||= fromFile['MAILPIT_API_URL'];
  }
  if (!databaseUrl || !brokers) {
    throw new Error(
      'no test infrastructure: run the tests through Vitest (its global setup starts PostgreSQL and Kafka) or run `npm run infra:up` first',
    );
  }
  return {
    databaseUrl,
    kafkaBrokers: brokers.split(','),
    ...(mailpitSmtp && mailpitApi && { mailpit: { smtpUrl: mailpitSmtp, apiUrl: mailpitApi } }),
  };
}

function readEnvFile(file: string): Record<string, string> {
  try {
    return Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    );
  } catch {
    return {};
  }
}
