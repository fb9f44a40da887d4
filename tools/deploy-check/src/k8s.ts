import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repositoryRoot } from './repository.js';

/** Where tools/scripts/ensure-prerequisites.mjs installs kustomize and kubernetes-validate (LOCAL_TOOLS_DIR moves it). */
export const toolsDir = path.resolve(process.env['LOCAL_TOOLS_DIR'] ?? path.join(repositoryRoot, '.tools'));
export const kustomizeBin = path.join(toolsDir, 'kustomize-v5.8.1', 'kustomize');
/** The virtualenv of kubernetes-validate (PyPI): the source of the Kubernetes JSON schemas kubeconform reads. */
export const kubernetesValidateDir = path.join(toolsDir, 'kubernetes-validate');

/** A rendered Kubernetes object, loosely typed: the checks walk it. */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
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
