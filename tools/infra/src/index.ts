export { infraUp, infraDown, infraStatus, acquireInfra, envLines, monitoringUp } from './infra.js';
export type {
  InfraEndpoints,
  InfraLease,
  InfraOptions,
  InfraStatus,
  InfraUpOptions,
  Monitoring,
  MonitoringOptions,
} from './infra.js';
export { PRODUCTION_RULE_FILES, prometheusConfigYaml } from './prometheus.js';
export type { PrometheusSettings, ScrapeTarget } from './prometheus.js';
export { PRODUCTION_ALERTMANAGER_DIR, alertmanagerConfigYaml } from './alertmanager.js';
export type { AlertmanagerSettings } from './alertmanager.js';
export { ensureMailpitBinary, mailpitBinPath, mailpitPresent } from './mailpit-binary.js';
export { ensureJaegerBinary, jaegerBinPath, jaegerPresent } from './jaeger-binary.js';
export { jaegerConfigYaml } from './jaeger.js';
export type { JaegerPorts } from './jaeger.js';
export { loadInfraConfig, portSetting } from './config.js';
export type { InfraConfig } from './config.js';
export { InfraError } from './errors.js';
export { queryPostgres } from './postgres.js';
export { describeKafka } from './kafka.js';
export { infraPaths, repoRoot } from './paths.js';
export { freePort, isPortOpen } from './ports.js';
export { deleteGroups, startGroupsAtTheEnd } from './kafka-groups.js';
