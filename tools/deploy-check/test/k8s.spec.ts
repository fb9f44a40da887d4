import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, render } from '../src/k8s.js';
import { ensureKubeconform, KUBERNETES_VERSION, validateWithKubeconform } from '../src/kubeconform.js';
import { inRepository } from '../src/repository.js';
import { requiredSettings } from '../src/required-settings.js';

// deploy/k8s rendered by kustomize and validated against the Kubernetes schemas, offline.
const SERVICES = {
  gateway: { config: ['apps/gateway/src/gateway.config.ts', 'GatewayConfig'], port: 3000, management: 9000 },
  'auth-service': { config: ['apps/auth-service/src/auth.config.ts', 'AuthConfig'], port: 3001, management: 9001 },
  'business-service': {
    config: ['apps/business-service/src/business.config.ts', 'BusinessConfig'],
    port: 3002,
    management: 9002,
  },
  'notification-service': {
    config: ['apps/notification-service/src/notification.config.ts', 'NotificationConfig'],
    port: 3003,
    management: 9003,
  },
} as const;
type Service = keyof typeof SERVICES;

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
        'Deployment',
        'HorizontalPodAutoscaler',
        'Ingress',
        'Job',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Service',
      ]),
    );
  });

  it('holds no Secret: secrets are referenced, created outside the repository', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
      for (const variable of deployment.spec.template.spec.containers[0].env ?? []) {
        expect(variable.valueFrom?.secretKeyRef, `${deployment.metadata.name} ${variable.name}`).toBeDefined();
      }
    }
  });

  it('denies ingress by default', () => {
    expect(find(objects, 'NetworkPolicy', 'default-deny-ingress')?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
  });

  describe.each(Object.keys(SERVICES) as Service[])('%s', (service) => {
    const { port, management, config } = SERVICES[service];
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

    it('gets every setting its configuration class requires, from ConfigMaps or Secrets', async () => {
      const module = (await import(pathToFileURL(inRepository(config[0])).href)) as Record<string, new () => object>;
      const given = new Set<string>((container.env ?? []).map((v: { name: string }) => v.name));
      for (const source of container.envFrom) {
        const map = find(objects, 'ConfigMap', source.configMapRef.name);
        expect(map, source.configMapRef.name).toBeDefined();
        for (const name of Object.keys(map!['data'])) given.add(name);
      }
      expect(requiredSettings(module[config[1]]!).filter((name) => !given.has(name))).toEqual([]);
    });
  });

  it('runs the auth-service migrations as a Job of the same image before the rollout', () => {
    const job = find(objects, 'Job', 'auth-service-migrate')!;
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe(find(objects, 'Deployment', 'auth-service')!.spec.template.spec.containers[0].image);
    expect(container.command.join(' ')).toContain('cli/migrate.js');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
  });

  it('exposes only the gateway through the Ingress', () => {
    const ingresses = objects.filter((o) => o.kind === 'Ingress');
    const backends = ingresses.flatMap(
      (i) => i.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name)), // eslint-disable-line @typescript-eslint/no-explicit-any
    );
    expect([...new Set(backends)]).toEqual(['gateway']);
  });
});
