import { type Tree } from '@nx/devkit';
import { GeneratorError } from '../generator-error.js';
import type { ServiceNames } from '../service-name.js';
import { KUSTOMIZE_BASE } from './kustomize.js';

/** The kustomize overlays (dev, prod, ...): each names the registry and tag of every service's image. */
export const KUSTOMIZE_OVERLAYS = 'deploy/k8s/overlays';

/** The gateway's entry of an overlay's `images:` list, on one line: the model the new entry copies. */
const GATEWAY_IMAGE = /^ {2}- \{ name: platform\/gateway\b.*\}$/m;
/** The `images:` list: the key and its indented entries. */
const IMAGES = /^images:\n(?: {2,}.*\n)*/m;

/**
 * Each overlay sets its image as it sets the gateway's (same registry, same tag): without an entry the
 * overlay would deploy the bare `platform/<name>-service` the base names.
 */
export function registerInOverlays(tree: Tree, service: ServiceNames): void {
  const overlays = tree.children(KUSTOMIZE_OVERLAYS).filter((name) => tree.isFile(overlayFile(name)));
  if (overlays.length === 0) {
    throw new GeneratorError(
      `${KUSTOMIZE_OVERLAYS} has no overlay with a kustomization.yaml beside ${KUSTOMIZE_BASE}.`,
    );
  }
  for (const overlay of overlays) {
    const file = overlayFile(overlay);
    const source = tree.read(file, 'utf-8') ?? '';
    const model = GATEWAY_IMAGE.exec(source);
    const images = IMAGES.exec(source);
    if (!model || !images) {
      throw new GeneratorError(
        `${file} has changed shape (no one-line platform/gateway entry under images:): register the service there by hand, or update the generator.`,
      );
    }
    const entry = model[0].replaceAll('platform/gateway', `platform/${service.serviceName}`);
    const at = images.index + images[0].length;
    tree.write(file, `${source.slice(0, at)}${entry}\n${source.slice(at)}`);
  }
}

function overlayFile(overlay: string): string {
  return `${KUSTOMIZE_OVERLAYS}/${overlay}/kustomization.yaml`;
}
