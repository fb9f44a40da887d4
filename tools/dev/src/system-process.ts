import { spawn } from 'node:child_process';
import { freePort, repoRoot } from '@platform/infra';
import { portSettingsOf, systemServices } from './services.js';

/** The whole system started as `npm start` does, on free ports, as a child process. */
export interface SystemProcess {
  /**
   * The ports each service took, by service name (`gateway`, `auth-service`, `business-service`,
   * `payment-sandbox`, which has no management port).
   */
  ports: Record<string, { port: number; managementPort?: number }>;
  gatewayUrl: string;
  /** The Prometheus (scraping the services above, with deploy/prometheus's rules) and Alertmanager it started. */
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl-C (SIGINT), then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs `tools/dev/src/start-system.ts` on free ports with `env` on top of this process's
 * environment, and resolves once it says it is up; rejects with its output when it exits first
 * or takes longer than `timeoutMs`. For tests and benchmarks that need the real system.
 */
export async function startSystemProcess(env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<SystemProcess> {
  const ports: SystemProcess['ports'] = {};
  const portEnv: NodeJS.ProcessEnv = {};
  for (const spec of systemServices({})) {
    const settings = portSettingsOf(spec.name);
    const port = await freePort();
    portEnv[settings.port] = String(port);
    if (spec.managementPort === undefined) {
      ports[spec.name] = { port };
      continue;
    }
    const managementPort = await freePort();
    ports[spec.name] = { port, managementPort };
    portEnv[settings.managementPort] = String(managementPort);
  }
  // Its own Prometheus and Alertmanager, beside a developer's (9090, 9094) or another test's.
  const prometheusPort = await freePort();
  const alertmanagerPort = await freePort();
  portEnv['INFRA_PROMETHEUS_PORT'] = String(prometheusPort);
  portEnv['INFRA_ALERTMANAGER_PORT'] = String(alertmanagerPort);
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/dev/src/start-system.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...portEnv,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    return exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the system did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    ports,
    gatewayUrl: `http://127.0.0.1:${ports['gateway']?.port}`,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}`,
    alertmanagerUrl: `http://127.0.0.1:${alertmanagerPort}`,
    output: () => output,
    stop,
  };
}
