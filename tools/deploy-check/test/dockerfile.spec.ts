import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { uniqueName } from '@platform/infra/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { argsOf, parseDockerfile } from '../src/dockerfile.js';
import { deployables } from '../src/platform-services.js';
import { inRepository, repositoryRoot } from '../src/repository.js';

// No Docker engine here: the image cannot be built in CI. These checks hold the Dockerfile to its
// promises, and run the same build command its build stage runs, for every deployable.
const stages = parseDockerfile(readFileSync(inRepository('Dockerfile'), 'utf8'));
const runtime = stages.at(-1)!;
const stageNamed = (name: string) => stages.find((s) => s.name === name);

describe('the Dockerfile', () => {
  it('is multi-stage: the build stage has the dev dependencies, the runtime only the production ones', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(argsOf(stageNamed('build')!, 'RUN').some((run) => /npm ci(?!.*--omit=dev)/.test(run))).toBe(true);
    const production = stages.find((s) => argsOf(s, 'RUN').some((run) => run.includes('npm ci --omit=dev')));
    expect(production?.name).toBeDefined();
    const copies = argsOf(runtime, 'COPY');
    expect(copies).toContain(`--from=${production!.name} /app/node_modules/ node_modules/`);
    // The runtime takes the compiled code from the build stage, never its node_modules or sources.
    expect(copies.filter((c) => c.startsWith('--from=build'))).toEqual(['--from=build /app/dist/ dist/']);
  });

  it('runs as a non-root user given by number', () => {
    const [user] = argsOf(runtime, 'USER').slice(-1);
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
  });

  it('runs node under an init process that forwards signals', () => {
    expect(argsOf(runtime, 'RUN').join(' ')).toMatch(/apt-get install .*\btini\b/);
    expect(JSON.parse(argsOf(runtime, 'ENTRYPOINT').at(-1)!)).toEqual(['/usr/bin/tini', '--']);
  });

  it('checks its health on the management port', () => {
    const [healthcheck] = argsOf(runtime, 'HEALTHCHECK');
    expect(healthcheck).toContain('/health/live');
    expect(healthcheck).toContain('MANAGEMENT_PORT');
  });

  it('chooses the deployable by ARG SERVICE and starts its compiled entry through the compiled tracing entry', () => {
    expect(argsOf(stageNamed('build')!, 'ARG')).toContain('SERVICE');
    expect(argsOf(runtime, 'ARG')).toContain('SERVICE');
    const [command] = argsOf(runtime, 'CMD');
    expect(command).toContain('exec node --import ./dist/libs/shared/observability/src/register-compiled.mjs');
    expect(command).toContain('$SERVICE_ENTRY');
    expect(existsSync(inRepository('libs/shared/observability/src/register-compiled.mjs'))).toBe(true);
  });

  it('copies only paths that exist into the build stage', () => {
    for (const copy of argsOf(stageNamed('build')!, 'COPY')) {
      const sources = copy.split(' ').slice(0, -1);
      for (const source of sources) expect(existsSync(inRepository(source)), source).toBe(true);
    }
  });
});

describe("the Dockerfile's build command", () => {
  const outDir = inRepository('tmp', uniqueName('deploy-check-images'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  // Every deployable npm start runs (the registry the service generator extends), to the compiled entry
  // the image starts: ARG SERVICE_ENTRY's default `apps/<name>/src/main.js`, and what compose passes for
  // the payment sandbox.
  const entries = Object.fromEntries(deployables().map((spec) => [spec.name, spec.main.replace(/\.ts$/, '.js')]));
  const buildRun = argsOf(stageNamed('build')!, 'RUN').find((run) => run.includes('build-service.mjs'))!;

  it('covers the four services and the sandbox (deriving the list lets none drop out unnoticed)', () => {
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'gateway',
        'auth-service',
        'business-service',
        'notification-service',
        'payment-sandbox',
      ]),
    );
  });

  it.each(Object.entries(entries))('builds %s to the entry the image starts', (service, entry) => {
    expect(buildRun).toContain('node tools/scripts/build-service.mjs "${SERVICE}"');
    const dist = path.join(outDir, service, 'dist');
    const build = spawnSync(process.execPath, ['tools/scripts/build-service.mjs', service, '--out-dir', dist], {
      cwd: repositoryRoot,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(path.join(dist, entry))).toBe(true);
    expect(existsSync(path.join(dist, 'libs/shared/observability/src/register-compiled.mjs'))).toBe(true);
    expect(existsSync(path.join(dist, 'libs/shared/observability/src/sdk/start-from-environment.js'))).toBe(true);
  });

  it('puts the notification templates where the compiled renderer looks for them', () => {
    expect(existsSync(path.join(outDir, 'notification-service/dist/apps/notification-service/templates'))).toBe(true);
  });
});
