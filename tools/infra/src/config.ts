import { InfraError } from './errors.js';

/** Settings of the local infrastructure, all from the environment, checked once. */
export interface InfraConfig {
  /** An external PostgreSQL to use as is (`DATABASE_URL`). */
  databaseUrl?: string;
  /** External Kafka brokers to use as is (`KAFKA_BROKERS`, comma-separated host:port). */
  kafkaBrokers?: string[];
  /** Port of the PostgreSQL that is reused when listening, or started (`INFRA_PG_PORT`). */
  postgresPort: number;
  /** Client port of the Kafka broker that is reused when answering, or started (`INFRA_KAFKA_PORT`). */
  kafkaPort: number;
  /** KRaft controller port of the started broker (`INFRA_KAFKA_CONTROLLER_PORT`). */
  kafkaControllerPort: number;
  /** SMTP port of the Mailpit that `npm start` reuses or starts (`INFRA_MAILPIT_SMTP_PORT`). */
  mailpitSmtpPort: number;
  /** HTTP port of that Mailpit's API (and UI) (`INFRA_MAILPIT_HTTP_PORT`). */
  mailpitHttpPort: number;
  /** How long to wait for a server to answer, in ms (`INFRA_START_TIMEOUT_MS`). */
  startTimeoutMs: number;
  /** OTLP/gRPC port of the Jaeger that `npm start` reuses or starts (`INFRA_JAEGER_OTLP_GRPC_PORT`). */
  jaegerOtlpGrpcPort: number;
  /** OTLP/HTTP port of that Jaeger, where the services send spans (`INFRA_JAEGER_OTLP_HTTP_PORT`). */
  jaegerOtlpHttpPort: number;
  /** Its query API and (placeholder) UI (`INFRA_JAEGER_QUERY_PORT`). */
  jaegerQueryPort: number;
  /** Its query API over gRPC (`INFRA_JAEGER_QUERY_GRPC_PORT`). */
  jaegerQueryGrpcPort: number;
  /** The Prometheus that `npm start` runs for its services: UI and API (`INFRA_PROMETHEUS_PORT`). */
  prometheusPort: number;
  /** The Alertmanager it sends alerts to (`INFRA_ALERTMANAGER_PORT`; 9093 is Kafka's controller). */
  alertmanagerPort: number;
  /** A TLS listener beside the plain one (tests of Kafka over TLS set it; never from the environment). */
  kafkaSsl?: KafkaSslListener;
}

/** A broker's TLS listener: PEM files, as Kafka (2.7+) reads them without a Java keystore. */
export interface KafkaSslListener {
  port: number;
  /** The broker's private key (PKCS#8, unencrypted) followed by its certificate chain. */
  keystoreFile: string;
  /** The CA(s) client certificates are checked against. */
  truststoreFile: string;
  /** `required`: mutual TLS, clients must present a certificate the truststore vouches for. */
  clientAuth: 'none' | 'required';
}

/** A TCP port from `env[name]`, `fallback` when unset; InfraError when it is not one. */
export function portSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new InfraError(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new InfraError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function brokers(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const list = raw
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of list) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      throw new InfraError(`KAFKA_BROKERS must be comma-separated host:port pairs, got "${raw}"`);
    }
  }
  return list;
}

function databaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InfraError('DATABASE_URL is not a URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new InfraError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

/** Reads and validates the infrastructure settings; a bad value stops with one clear message. */
export function loadInfraConfig(env: NodeJS.ProcessEnv = process.env): InfraConfig {
  const config: InfraConfig = {
    databaseUrl: databaseUrl(env['DATABASE_URL']),
    kafkaBrokers: brokers(env['KAFKA_BROKERS']),
    postgresPort: portSetting(env, 'INFRA_PG_PORT', 5432),
    kafkaPort: portSetting(env, 'INFRA_KAFKA_PORT', 9092),
    kafkaControllerPort: portSetting(env, 'INFRA_KAFKA_CONTROLLER_PORT', 9093),
    mailpitSmtpPort: portSetting(env, 'INFRA_MAILPIT_SMTP_PORT', 1025),
    mailpitHttpPort: portSetting(env, 'INFRA_MAILPIT_HTTP_PORT', 8025),
    startTimeoutMs: positiveInt(env, 'INFRA_START_TIMEOUT_MS', 90_000),
    jaegerOtlpGrpcPort: portSetting(env, 'INFRA_JAEGER_OTLP_GRPC_PORT', 4317),
    jaegerOtlpHttpPort: portSetting(env, 'INFRA_JAEGER_OTLP_HTTP_PORT', 4318),
    jaegerQueryPort: portSetting(env, 'INFRA_JAEGER_QUERY_PORT', 16686),
    jaegerQueryGrpcPort: portSetting(env, 'INFRA_JAEGER_QUERY_GRPC_PORT', 16685),
    prometheusPort: portSetting(env, 'INFRA_PROMETHEUS_PORT', 9090),
    alertmanagerPort: portSetting(env, 'INFRA_ALERTMANAGER_PORT', 9094),
  };
  const jaegerPorts = [
    config.jaegerOtlpGrpcPort,
    config.jaegerOtlpHttpPort,
    config.jaegerQueryPort,
    config.jaegerQueryGrpcPort,
  ];
  if (new Set(jaegerPorts).size !== jaegerPorts.length) {
    throw new InfraError('the INFRA_JAEGER_* ports must all differ');
  }
  if (config.mailpitSmtpPort === config.mailpitHttpPort) {
    throw new InfraError('INFRA_MAILPIT_SMTP_PORT and INFRA_MAILPIT_HTTP_PORT must differ');
  }
  if (config.prometheusPort === config.alertmanagerPort) {
    throw new InfraError('INFRA_PROMETHEUS_PORT and INFRA_ALERTMANAGER_PORT must differ');
  }
  if (config.kafkaPort === config.kafkaControllerPort) {
    throw new InfraError('INFRA_KAFKA_PORT and INFRA_KAFKA_CONTROLLER_PORT must differ');
  }
  return config;
}
