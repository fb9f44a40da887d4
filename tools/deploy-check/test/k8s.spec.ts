import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, render } from '../src/k8s.js';
import { ensureKubeconform, KUBERNETES_VERSION, validateWithKubeconform } from '../src/kubeconform.js';
import { loadConfigClass, platformServices } from '../src/platform-services.js';
import { inRepository } from '../src/repository.js';
import { requiredSettings } from '../src/required-settings.js';

// deploy/k8s rendered by kustomize and validated against the Kubernetes schemas, offline. The services
// checked are the registry's (tools/dev/src/services.ts, which the service generator extends), each on
// its default ports and with its configuration class found by the services' convention.
const SERVICES = platformServices();
const WITH_DATABASE = SERVICES.filter((service) => service.database !== undefined).map((service) => service.name);

const scratch = mkdtempSync(path.join(tmpdir(), 'deploy-check-k8s-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const find = (objects: Manifest[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

// Built once into .tools/ from the Go module proxy (about half a minute); a no-op afterwards.
beforeAll(() => {
  ensureKubeconform();
}, 600_000);

/** A manifest of `kind` whose spec has one field the schema does not know (or a wrong type). */
const BROKEN: Record<string, string> = {
  Deployment:
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: "two", selector: {}, template: {} }\n',
  Job: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: x }\nspec: { template: {}, retries: 3 }\n',
  HorizontalPodAutoscaler:
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: x }\n' +
    'spec: { scaleTargetRef: { kind: Deployment, name: x }, maxReplicas: 3, targetCPU: 70 }\n',
  PodDisruptionBudget:
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: x }\nspec: { minAvailable: 1, maxSurge: 1 }\n',
  NetworkPolicy:
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: x }\nspec: { podSelector: {}, allowAll: true }\n',
  CronJob:
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: x }\nspec: { schedule: "@daily", jobTemplate: {}, concurrency: Forbid }\n',
  PersistentVolumeClaim:
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: x }\nspec: { accessModes: [ReadWriteOnce], size: 1Gi }\n',
};

describe(`kubeconform -strict against kubernetes-validate's Kubernetes ${KUBERNETES_VERSION} schemas, offline`, () => {
  it.each(Object.keys(BROKEN))('rejects a %s that breaks its schema (the check can fail)', (kind) => {
    const file = path.join(scratch, `broken-${kind}.yaml`);
    writeFileSync(file, BROKEN[kind]!);
    const result = validateWithKubeconform(file);
    expect(result.ok).toBe(false);
    expect(result.invalid, result.problems.join('\n')).toBe(1);
  });

  it('fails on a kind it has no schema for, rather than skipping it', () => {
    const file = path.join(scratch, 'unknown-kind.yaml');
    writeFileSync(file, 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: { name: x }\n');
    const result = validateWithKubeconform(file);
    expect(result.ok).toBe(false);
    expect(result.skipped).toBe(0);
  });
});

describe.each(['dev', 'prod'])('the %s overlay', (overlay) => {
  const { yaml, objects } = render(`overlays/${overlay}`);

  it(`renders and passes the Kubernetes ${KUBERNETES_VERSION} schemas (kubeconform -strict), every object checked`, () => {
    const file = path.join(scratch, `${overlay}.yaml`);
    writeFileSync(file, yaml);
    const result = validateWithKubeconform(file);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, valid: objects.length, skipped: 0 });
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set([
        'ConfigMap',
        'CronJob',
        'Deployment',
        'HorizontalPodAutoscaler',
        'Ingress',
        'Job',
        'NetworkPolicy',
        'PersistentVolumeClaim',
        'PodDisruptionBudget',
        'Service',
      ]),
    );
  });

  it('holds no Secret: secrets are referenced, created outside the repository, and reach the services as files', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
    expect(workloads.length).toBeGreaterThan(0);
    for (const workload of workloads) {
      const pod = workload.spec.template.spec;
      const container = pod.containers[0];
      const where = (name: string) => `${workload.kind} ${workload.metadata.name} ${name}`;
      const variables = (container.env ?? []) as { name: string; value?: string; valueFrom?: unknown }[];
      // Never a secret's value in the environment: only the path of the file that holds it.
      for (const variable of variables) {
        expect(variable.valueFrom, where(variable.name)).toBeUndefined();
        expect(variable.name, where(variable.name)).toMatch(/_FILE$/);
      }
      expect(variables.length, where('env')).toBeGreaterThan(0);
      const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/run/secrets');
      expect(mount?.readOnly, where('/run/secrets')).toBe(true);
      const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
      const files = (
        volume.projected.sources as { secret: { name: string; items: { key: string; path: string }[] } }[]
      ).flatMap(({ secret }) => secret.items.map((item) => item.path));
      for (const variable of variables)
        expect(files, where(variable.name)).toContain(variable.value!.replace('/run/secrets/', ''));
    }
  });

  it('denies ingress by default', () => {
    expect(find(objects, 'NetworkPolicy', 'default-deny-ingress')?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
  });

  describe.each(SERVICES.map((service) => [service.name, service] as const))('%s', (service, platformService) => {
    const { port, managementPort: management } = platformService;
    const deployment = find(objects, 'Deployment', service)!;
    const pod = deployment?.spec.template.spec;
    const container = pod?.containers[0];

    it('probes liveness and readiness on the management port', () => {
      expect(container.ports).toContainEqual({ name: 'management', containerPort: management });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'management' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'management' });
    });

    it('runs non-root on a read-only root filesystem with a writable /tmp, no privilege escalation, no capabilities', () => {
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
      expect(pod.volumes.find((v: { name: string }) => v.name === tmp.name).emptyDir).toBeDefined();
      expect(container.resources.requests.cpu).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
    });

    it('has a Service, an HPA and a PodDisruptionBudget', () => {
      expect(find(objects, 'Service', service)?.spec.ports.map((p: { port: number }) => p.port)).toEqual([
        port,
        management,
      ]);
      expect(find(objects, 'HorizontalPodAutoscaler', service)?.spec.scaleTargetRef.name).toBe(service);
      expect(find(objects, 'PodDisruptionBudget', service)?.spec.selector.matchLabels).toEqual(
        deployment.spec.selector.matchLabels,
      );
    });

    it('is reachable on its public port only as the design says, and on its management port only by Prometheus', () => {
      const ingress = find(objects, 'NetworkPolicy', service)!.spec.ingress as {
        from: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
        ports: { port: number }[];
      }[];
      const publicRule = ingress.find((rule) => rule.ports.some((p) => p.port === port))!;
      if (service === 'gateway') expect(publicRule.from).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }]);
      else expect(publicRule.from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }]);
      const managementRules = ingress.filter((rule) => rule.ports.some((p) => p.port === management));
      expect(managementRules).toHaveLength(1);
      expect(managementRules[0]!.from).toEqual([
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
        },
      ]);
    });

    it('gets every setting its configuration class requires, from ConfigMaps or mounted Secrets', async () => {
      const schema = await loadConfigClass(platformService);
      // A setting given as a file (`<NAME>_FILE`) is given (libs/shared/bootstrap reads either).
      const given = new Set<string>((container.env ?? []).map((v: { name: string }) => v.name.replace(/_FILE$/, '')));
      for (const source of container.envFrom) {
        const map = find(objects, 'ConfigMap', source.configMapRef.name);
        expect(map, source.configMapRef.name).toBeDefined();
        for (const name of Object.keys(map!['data'])) given.add(name);
      }
      expect(requiredSettings(schema).filter((name) => !given.has(name))).toEqual([]);
    });
  });

  it('runs the auth-service migrations as a Job of the same image before the rollout', () => {
    const job = find(objects, 'Job', 'auth-service-migrate')!;
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe(find(objects, 'Deployment', 'auth-service')!.spec.template.spec.containers[0].image);
    expect(container.command.join(' ')).toContain('cli/migrate.js');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
  });

  it('backs the service databases up on a schedule, one run at a time, onto a claim, with file-mounted database URLs', () => {
    const cron = find(objects, 'CronJob', 'db-backup')!;
    expect(cron.spec.concurrencyPolicy).toBe('Forbid');
    expect(cron.spec.schedule).toBe(overlay === 'prod' ? '30 */6 * * *' : '30 2 * * *');
    const pod = cron.spec.jobTemplate.spec.template.spec;
    const container = pod.containers[0];
    // pg_dump of the major version the platform's PostgreSQL runs (compose's image, the tests' embedded one).
    expect(container.image).toBe('postgres:18');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.resources.limits.memory).toBeDefined();
    expect(container.resources.requests.cpu).toBeDefined();
    expect(JSON.stringify(container.env ?? [])).not.toContain('secretKeyRef');
    const volume = (name: string) => pod.volumes.find((v: { name: string }) => v.name === name);
    const mount = (path: string) => container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === path);
    const urls = volume(mount('/run/secrets').name).projected.sources.map(
      (s: { secret: { name: string; items: { key: string; path: string }[] } }) => [s.secret.name, s.secret.items],
    );
    expect(mount('/run/secrets').readOnly).toBe(true);
    // Exactly the services the registry gives a database (the four's three among them), each from its own Secret.
    expect(WITH_DATABASE).toEqual(expect.arrayContaining(['auth-service', 'business-service', 'notification-service']));
    expect(urls).toEqual(WITH_DATABASE.map((name) => [name, [{ key: 'database-url', path: `${name}/database-url` }]]));
    const claim = find(
      objects,
      'PersistentVolumeClaim',
      volume(mount('/backups').name).persistentVolumeClaim.claimName,
    );
    expect(claim?.spec.resources.requests.storage).toBe(overlay === 'prod' ? '100Gi' : '20Gi');
    const script = find(objects, 'ConfigMap', volume(mount('/scripts').name).configMap.name)!;
    expect(script['data']['db-backup.sh']).toBe(readFileSync(inRepository('deploy/k8s/base/db-backup.sh'), 'utf8'));
  });

  it("gives every platform service's image the overlay's registry and tag", () => {
    const images = objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .flatMap((o) => o.spec.template.spec.containers.map((c: { image: string }) => [o.metadata.name, c.image]));
    const expected = (name: string) =>
      overlay === 'prod' ? `registry.platform.example/platform/${name}:0.1.0` : `platform/${name}:dev`;
    for (const service of SERVICES) {
      const own = images.filter(([workload]) => workload === service.name || workload === `${service.name}-migrate`);
      expect(own.length, service.name).toBeGreaterThan(0);
      for (const [workload, image] of own) expect(image, workload).toBe(expected(service.name));
    }
  });

  it('exposes only the gateway through the Ingress', () => {
    const ingresses = objects.filter((o) => o.kind === 'Ingress');
    const backends = ingresses.flatMap(
      (i) => i.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name)), // eslint-disable-line @typescript-eslint/no-explicit-any
    );
    expect([...new Set(backends)]).toEqual(['gateway']);
  });
});
