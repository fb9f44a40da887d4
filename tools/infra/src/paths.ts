import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, found from this file's place in it (tools/infra/src). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the local infrastructure keeps its data; `INFRA_DATA_DIR` moves it (tests use that). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['INFRA_DATA_DIR'] ?? path.join(repoRoot, '.data'));
}

/** Files and folders under the data directory, in one place so that nothing guesses a path. */
export function infraPaths(env: NodeJS.ProcessEnv = process.env) {
  const root = dataDir(env);
  return {
    root,
    envFile: path.join(root, 'infra.env'),
    stateDir: path.join(root, 'infra'),
    stateFile: path.join(root, 'infra', 'state.json'),
    lockFile: path.join(root, 'infra', 'lock'),
    leasesDir: path.join(root, 'infra', 'leases'),
    postgresDir: path.join(root, 'postgres'),
    postgresData: path.join(root, 'postgres', 'data'),
    postgresLog: path.join(root, 'postgres', 'postgres.log'),
    kafkaDir: path.join(root, 'kafka'),
    kafkaData: path.join(root, 'kafka', 'data'),
    kafkaConfig: path.join(root, 'kafka', 'server.properties'),
    kafkaLogs: path.join(root, 'kafka', 'logs'),
    kafkaOut: path.join(root, 'kafka', 'kafka.out'),
    mailpitDir: path.join(root, 'mailpit'),
    mailpitOut: path.join(root, 'mailpit', 'mailpit.out'),
    jaegerDir: path.join(root, 'jaeger'),
    jaegerOut: path.join(root, 'jaeger', 'jaeger.out'),
    jaegerConfig: path.join(root, 'jaeger', 'config.yaml'),
    /** Each Prometheus and Alertmanager of `npm start` in a folder named by its port: `monitoring/prometheus-9090/`. */
    monitoringDir: path.join(root, 'monitoring'),
  };
}

export type InfraPaths = ReturnType<typeof infraPaths>;

/** The Maven project that declares the Kafka broker, and the folder its classpath is copied to. */
export const kafkaToolDir = path.join(repoRoot, 'tools', 'kafka');
export const kafkaLibDir = path.join(kafkaToolDir, 'lib');
