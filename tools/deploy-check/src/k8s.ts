import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repositoryRoot } from './repository.js';

/** Where tools/scripts/ensure-prerequisites.mjs installs kustomize and kubernetes-validate (LOCAL_TOOLS_DIR moves it). */
const toolsDir = path.resolve(process.env['LOCAL_TOOLS_DIR'] ?? path.join(repositoryRoot, '.tools'));
export const kustomizeBin = path.join(toolsDir, 'kustomize-v5.8.1', 'kustomize');
export const kubernetesValidateBin = path.join(toolsDir, 'kubernetes-validate', 'bin', 'kubernetes-validate');

/** A rendered Kubernetes object, loosely typed: the checks walk it. */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: any;
} & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `kustomize build` of a folder under deploy/k8s: the YAML and its objects. Offline. */
export function render(overlay: string): { yaml: string; objects: Manifest[] } {
  const result = spawnSync(kustomizeBin, ['build', path.join(repositoryRoot, 'deploy/k8s', overlay)], {
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`kustomize build ${overlay} failed: ${result.stderr}`);
  const objects = parseAllDocuments(result.stdout).map((document) => document.toJS() as Manifest);
  return { yaml: result.stdout, objects };
}

/** kubernetes-validate --strict (the Kubernetes 1.37 schemas it bundles, no network) of one YAML file. */
export function validateManifests(file: string): { ok: boolean; output: string } {
  const result = spawnSync(kubernetesValidateBin, ['--strict', '--quiet', '-k', '1.37.0', file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
