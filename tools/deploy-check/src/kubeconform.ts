import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { kubernetesValidateDir, toolsDir } from './k8s.js';

/** The Kubernetes version the manifests are validated for: the schemas kubernetes-validate 1.37.0 bundles. */
export const KUBERNETES_VERSION = '1.37.0';

/** kubeconform, built from the Go module proxy (v0.8.0 builds with Go 1.26 in about half a minute). */
const KUBECONFORM = { module: 'github.com/yannh/kubeconform/cmd/kubeconform', version: 'v0.8.0' };
const kubeconformDir = path.join(toolsDir, `kubeconform-${KUBECONFORM.version}`);
export const kubeconformBin = path.join(kubeconformDir, 'kubeconform');

/** The schemas kubeconform reads: kubernetes-validate's, with their references made local (see below). */
const schemaRoot = path.join(toolsDir, `kubeconform-schemas-${KUBERNETES_VERSION}`);
const SCHEMA_FOLDER = `v${KUBERNETES_VERSION}-local-strict`;

/**
 * Builds kubeconform into .tools/ once, like tools/infra's Mailpit: `go get -tool` in a scratch module,
 * then `go build`. Needs Go and the module proxy the first time only; throws with the reason otherwise.
 */
export function ensureKubeconform(): string {
  if (existsSync(kubeconformBin)) return kubeconformBin;
  mkdirSync(toolsDir, { recursive: true });
  const scratch = mkdtempSync(path.join(toolsDir, '.kubeconform-build-'));
  try {
    writeFileSync(path.join(scratch, 'go.mod'), 'module kubeconformbuild\n\ngo 1.24\n');
    const run = (args: string[]) => {
      const result = spawnSync('go', args, { cwd: scratch, encoding: 'utf8' });
      if (result.error) throw new Error(`kubeconform needs Go to build it once: ${result.error.message}`);
      if (result.status !== 0) throw new Error(`go ${args.join(' ')} failed:\n${result.stderr}`);
    };
    run(['get', '-tool', `${KUBECONFORM.module}@${KUBECONFORM.version}`]);
    run(['build', '-o', path.join(scratch, 'out', 'kubeconform'), KUBECONFORM.module]);
    mkdirSync(kubeconformDir, { recursive: true });
    renameSync(path.join(scratch, 'out', 'kubeconform'), kubeconformBin);
    return kubeconformBin;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The folder of the schemas inside the installed kubernetes-validate package (its venv's Python says where). */
function bundledSchemas(): string {
  const python = path.join(kubernetesValidateDir, 'bin', 'python');
  const result = spawnSync(
    python,
    ['-c', 'import kubernetes_validate, os; print(os.path.dirname(kubernetes_validate.__file__))'],
    { encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    throw new Error(
      `kubernetes-validate is not installed in ${kubernetesValidateDir}: ${result.stderr ?? result.error}`,
    );
  }
  return path.join(result.stdout.trim(), 'kubernetes-json-schema', SCHEMA_FOLDER);
}

/**
 * kubernetes-validate's schemas in a form kubeconform can read offline, derived once into .tools/.
 *
 * Each kind's schema (e.g. `job-batch-v1.json`) says `"$id": "https://kubernetes.io/api/job/batch/v1"`
 * and refers to its parts as `"$ref": "/api/_definitions.json#/$defs/..."`, which against that id is
 * `https://kubernetes.io/api/_definitions.json`. kubernetes-validate resolves it from an in-memory
 * registry; kubeconform's compiler fetches it from the network (its only loaders are file and HTTP),
 * fails offline, and reports every kind as "could not find schema". Without the `$id` and with the
 * reference made relative (`_definitions.json#/$defs/...`), it resolves to the `_definitions.json`
 * beside the file; that file keeps its own `$id`, so its internal references still point at itself.
 * The schema content is unchanged.
 */
export function kubeconformSchemas(): string {
  const target = path.join(schemaRoot, SCHEMA_FOLDER);
  if (existsSync(target)) return schemaRoot;
  const source = bundledSchemas();
  mkdirSync(schemaRoot, { recursive: true });
  const scratch = mkdtempSync(path.join(schemaRoot, '.derive-'));
  for (const name of readdirSync(source).filter((file) => file.endsWith('.json'))) {
    let text = readFileSync(path.join(source, name), 'utf8');
    if (name !== '_definitions.json') {
      const { $id: _id, ...schema } = JSON.parse(text) as Record<string, unknown>;
      text = JSON.stringify(schema).replaceAll('"/api/_definitions.json#', '"_definitions.json#');
    }
    writeFileSync(path.join(scratch, name), text);
  }
  // Whole or not at all: a run stopped half-way leaves only a scratch folder behind.
  renameSync(scratch, target);
  return schemaRoot;
}

/** What kubeconform said of a file: every resource's status and the counts. */
export interface KubeconformResult {
  ok: boolean;
  /** The resources that were not valid, as `Kind name: message`. */
  problems: string[];
  valid: number;
  invalid: number;
  errors: number;
  skipped: number;
}

/**
 * `kubeconform -strict` of one YAML file against the derived schemas, offline. A kind without a
 * schema is an error, not skipped: every object must be checked.
 */
export function validateWithKubeconform(file: string): KubeconformResult {
  const location = `${kubeconformSchemas()}/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`;
  const result = spawnSync(
    kubeconformBin,
    [
      '-strict',
      '-summary',
      '-output',
      'json',
      '-kubernetes-version',
      KUBERNETES_VERSION,
      '-schema-location',
      location,
      file,
    ],
    { encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  const report = JSON.parse(result.stdout) as {
    resources?: { kind: string; name: string; status: string; msg: string }[];
    summary: { valid: number; invalid: number; errors: number; skipped: number };
  };
  return {
    ok: result.status === 0,
    problems: (report.resources ?? [])
      .filter((resource) => resource.status !== 'statusValid')
      .map((resource) => `${resource.kind} ${resource.name}: ${resource.msg}`),
    ...report.summary,
  };
}
