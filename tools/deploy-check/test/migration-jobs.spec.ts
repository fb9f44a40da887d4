import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, uniqueName, type TestDatabase } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, render } from '../src/k8s.js';
import { platformServices } from '../src/platform-services.js';
import { inRepository, repositoryRoot } from '../src/repository.js';

// The migration Jobs of deploy/k8s, run for real: each service's image is stood in for by its build
// (tools/scripts/build-service.mjs, as the Dockerfile's build stage), each Job's container command by the
// same arguments from the rendered manifest, against a database of the run's PostgreSQL.
const { objects } = render('overlays/prod');
const jobs = objects.filter((o) => o.kind === 'Job');
const deployments = objects.filter((o) => o.kind === 'Deployment');
const container = (o: Manifest) => o.spec.template.spec.containers[0];
const runnerJobs = jobs.filter((job) => container(job).command.includes('/migrations/migrate.mjs'));
const buildRoot = inRepository('tmp', uniqueName('deploy-check-migrate'));
const WITH_DATABASE = platformServices()
  .filter((service) => service.database !== undefined)
  .map((service) => service.name)
  .sort();
/** A service's own migrate command (`npm run auth:migrate`), which its Job runs instead of migrate.mjs. */
const OWN_MIGRATE_COMMAND = 'src/infrastructure/primary-adapters/cli/migrate.ts';

describe('the migration Jobs', () => {
  it('exist for every service with a database, in its image, with its database secret, before the rollout', () => {
    const withDatabase = deployments.filter((d) =>
      (container(d).env ?? []).some((v: { name: string }) => v.name === 'DATABASE_URL_FILE'),
    );
    // Exactly those the registry (tools/dev/src/services.ts, which the service generator extends) gives a database.
    expect(withDatabase.map((d) => d.metadata.name).sort()).toEqual(WITH_DATABASE);
    expect(WITH_DATABASE).toEqual(expect.arrayContaining(['auth-service', 'business-service', 'notification-service']));
    for (const deployment of withDatabase) {
      const job = jobs.find((j) => j.metadata.name === `${deployment.metadata.name}-migrate`);
      expect(job, deployment.metadata.name).toBeDefined();
      expect(container(job!).image).toBe(container(deployment).image);
      // The same file, from the same Secret's key, as the service reads.
      const databaseUrl = (d: Manifest) =>
        container(d).env.find((v: { name: string }) => v.name === 'DATABASE_URL_FILE');
      expect(databaseUrl(job!)).toEqual(databaseUrl(deployment));
      const file = databaseUrl(job!).value.replace('/run/secrets/', '');
      const sourceOf = (d: Manifest) =>
        d.spec.template.spec.volumes
          .flatMap(
            (v: { projected?: { sources: { secret: { name: string; items: { path: string }[] } }[] } }) =>
              v.projected?.sources ?? [],
          )
          .map(({ secret }: { secret: { name: string; items: { key: string; path: string }[] } }) => ({
            name: secret.name,
            item: secret.items.find((i) => i.path === file),
          }))
          .find((source: { item?: unknown }) => source.item);
      expect(sourceOf(job!)).toEqual(sourceOf(deployment));
      expect(sourceOf(job!)?.item.key).toBe('database-url');
      // Argo CD runs PreSync hooks to completion before it syncs the Deployments.
      expect(job!.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
      expect(job!.metadata.labels?.['app.kubernetes.io/component']).toBe('migrations');
    }
    expect(jobs).toHaveLength(withDatabase.length);
  });

  it('mount the runner from a ConfigMap that holds deploy/k8s/base/migrate.mjs as it is', () => {
    // Every service with a database but no migrate command of its own (the auth-service has one).
    const runnerUsers = WITH_DATABASE.filter((name) => !existsSync(inRepository('apps', name, OWN_MIGRATE_COMMAND)));
    expect(runnerUsers).toEqual(expect.arrayContaining(['business-service', 'notification-service']));
    expect(runnerUsers).not.toContain('auth-service');
    expect(runnerJobs.map((j) => j.metadata.name).sort()).toEqual(runnerUsers.map((name) => `${name}-migrate`));
    for (const job of runnerJobs) {
      const volume = job.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'migrate');
      const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === volume.configMap.name);
      expect(map?.['data']['migrate.mjs']).toBe(readFileSync(inRepository('deploy/k8s/base/migrate.mjs'), 'utf8'));
      expect(container(job).volumeMounts).toContainEqual({ name: 'migrate', mountPath: '/migrations', readOnly: true });
    }
  });
});

describe.each(runnerJobs.map((job) => job.metadata.name))('%s, run on the service build', (name) => {
  const job = runnerJobs.find((j) => j.metadata.name === name)!;
  const service = container(job).image.split('/').at(-1)!.split(':')[0]!;
  const [modulePath, exportName] = container(job).command.slice(-2) as [string, string];
  const appDir = path.join(buildRoot, service);
  let database: TestDatabase;

  beforeAll(async () => {
    // The image's /app: dist/ beside node_modules (found up the tree, in the repository).
    const build = spawnSync(
      process.execPath,
      ['tools/scripts/build-service.mjs', service, '--out-dir', path.join(appDir, 'dist')],
      { cwd: repositoryRoot, encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
    database = await createTestDatabase(`deploy_check_${service.replace(/-/g, '_')}`);
  }, 300_000);

  afterAll(async () => {
    await database?.drop();
    rmSync(appDir, { recursive: true, force: true });
  });

  // As the Job gives it: the URL in a mounted file, its path in DATABASE_URL_FILE.
  const migrate = () => {
    const file = path.join(appDir, 'database-url');
    writeFileSync(file, `${database.url}\n`);
    const { DATABASE_URL: _inherited, ...env } = process.env;
    return spawnSync(process.execPath, [inRepository('deploy/k8s/base/migrate.mjs'), modulePath, exportName], {
      cwd: appDir,
      env: { ...env, DATABASE_URL_FILE: file },
      encoding: 'utf8',
    });
  };

  it('applies the pending migrations, then finds nothing left to do', () => {
    const first = migrate();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^migrate: applied \S/);
    const second = migrate();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe('migrate: up to date\n');
  });
});

afterAll(() => rmSync(buildRoot, { recursive: true, force: true }));
