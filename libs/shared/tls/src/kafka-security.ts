import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { readPemFile } from './pem-file.js';

type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** SASL as kafkajs takes it: PLAIN or SCRAM with a user name and password. */
export type KafkaSasl = {
  [M in SaslMechanism]: { mechanism: M; username: string; password: string };
}[SaslMechanism];

/** What a kafkajs client adds to its brokers to reach a secured cluster (none of it for a plain one). */
export interface KafkaSecurity {
  /** TLS with the broker's certificate and host name verified; a client certificate for mutual TLS. */
  ssl?: ConnectionOptions;
  sasl?: KafkaSasl;
}

const MECHANISMS = new Set<string>(['plain', 'scram-sha-256', 'scram-sha-512']);

/** A setting's value, or the content of the file `<NAME>_FILE` names (a secret mounted as a file). */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new Error(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The Kafka connection's security from the environment, for every kafkajs client of a process
 * (the services' clients and their readiness probes alike): `KAFKA_SSL=true` with
 * `KAFKA_SSL_CA_FILE` (else the system's CAs), `KAFKA_SSL_CERT_FILE` + `KAFKA_SSL_KEY_FILE` for
 * mutual TLS, and `KAFKA_SASL_MECHANISM` + `KAFKA_SASL_USERNAME` + `KAFKA_SASL_PASSWORD`. A
 * contradictory or unreadable setting throws one message naming it, so a service stops at start-up.
 */
export function kafkaSecurity(env: NodeJS.ProcessEnv = process.env): KafkaSecurity {
  const problems: string[] = [];
  const sslFlag = setting(env, 'KAFKA_SSL');
  if (sslFlag !== undefined && sslFlag !== 'true' && sslFlag !== 'false')
    problems.push(`KAFKA_SSL must be true or false (got "${sslFlag}")`);
  const ssl = sslFlag === 'true';
  const caFile = setting(env, 'KAFKA_SSL_CA_FILE');
  const certFile = setting(env, 'KAFKA_SSL_CERT_FILE');
  const keyFile = setting(env, 'KAFKA_SSL_KEY_FILE');
  if (!ssl && (caFile || certFile || keyFile))
    problems.push('KAFKA_SSL_CA_FILE, KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE need KAFKA_SSL=true');
  if (Boolean(certFile) !== Boolean(keyFile))
    problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (mutual TLS), or neither');

  const mechanism = setting(env, 'KAFKA_SASL_MECHANISM')?.toLowerCase();
  const username = setting(env, 'KAFKA_SASL_USERNAME');
  const password = setting(env, 'KAFKA_SASL_PASSWORD');
  if (mechanism !== undefined && !MECHANISMS.has(mechanism))
    problems.push(`KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512 (got "${mechanism}")`);
  if (mechanism === undefined && (username || password))
    problems.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD need KAFKA_SASL_MECHANISM');
  if (mechanism !== undefined && (!username || password === undefined))
    problems.push('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  // SASL PLAIN sends the password as it is: only inside TLS.
  if (mechanism === 'plain' && !ssl) problems.push('KAFKA_SASL_MECHANISM=plain needs KAFKA_SSL=true');

  const read = (file: string | undefined, name: string): string | undefined => {
    if (!file) return undefined;
    try {
      return readPemFile(file, name);
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };
  const ca = read(caFile, 'KAFKA_SSL_CA_FILE');
  const cert = read(certFile, 'KAFKA_SSL_CERT_FILE');
  const key = read(keyFile, 'KAFKA_SSL_KEY_FILE');
  if (problems.length > 0) throw new Error(`invalid Kafka security settings: ${problems.join('; ')}`);

  return {
    ...(ssl && {
      ssl: { rejectUnauthorized: true, ...(ca && { ca }), ...(cert && key && { cert, key }) },
    }),
    ...(mechanism && {
      sasl: { mechanism: mechanism as SaslMechanism, username: username!, password: password! },
    }),
  };
}
