import { devOnlyPackages, type Lockfile, productionPackages } from './lockfile.js';
import { SBOM_SPEC_VERSION } from './sbom.js';

/** The parts of a CycloneDX JSON BOM that the check reads. */
export interface CycloneDxBom {
  bomFormat?: string;
  specVersion?: string;
  metadata?: { component?: { name?: string; version?: string } };
  components?: CycloneDxComponent[];
}

export interface CycloneDxComponent {
  group?: string;
  name: string;
  version?: string;
  purl?: string;
  properties?: { name: string; value: string }[];
}

/** cyclonedx-npm records where each package lands in node_modules: the lockfile's key for it. */
const PATH_PROPERTY = 'cdx:npm:package:path';

/** The component's full npm name (`@scope/name`). */
export function componentName(component: CycloneDxComponent): string {
  return component.group ? `${component.group}/${component.name}` : component.name;
}

export function componentPath(component: CycloneDxComponent): string | undefined {
  return component.properties?.find((property) => property.name === PATH_PROPERTY)?.value;
}

/**
 * What is wrong with an SBOM of the production image, one sentence each (none: it is right): the
 * format and spec version, then, package by package against package-lock.json, every production
 * package listed with its version and purl, and nothing else (no dev-only package).
 */
export function sbomProblems(bom: CycloneDxBom, lock: Lockfile): string[] {
  const problems: string[] = [];
  if (bom.bomFormat !== 'CycloneDX') problems.push(`bomFormat is ${String(bom.bomFormat)}, not CycloneDX`);
  if (bom.specVersion !== SBOM_SPEC_VERSION)
    problems.push(`specVersion is ${String(bom.specVersion)}, not ${SBOM_SPEC_VERSION}`);
  if (bom.metadata?.component?.name !== lock.name) problems.push(`the main component is not ${lock.name}`);
  const components = bom.components ?? [];
  if (components.length === 0) return [...problems, 'the SBOM lists no component'];

  const listed = new Map(components.map((component) => [componentPath(component), component]));
  const production = productionPackages(lock);
  const devOnly = new Set(devOnlyPackages(lock).map((pkg) => pkg.path));
  const productionPaths = new Set(production.map((pkg) => pkg.path));
  for (const pkg of production) {
    const component = listed.get(pkg.path);
    if (!component) {
      problems.push(`${pkg.name}@${pkg.version} (${pkg.path}) is a production package missing from the SBOM`);
      continue;
    }
    if (componentName(component) !== pkg.name || component.version !== pkg.version)
      problems.push(
        `${pkg.path} is ${componentName(component)}@${component.version} in the SBOM, ${pkg.name}@${pkg.version} in the lockfile`,
      );
    if (component.purl !== pkg.purl) problems.push(`${pkg.path} has purl ${component.purl}, expected ${pkg.purl}`);
  }
  for (const component of components) {
    const path = componentPath(component);
    const label = `${componentName(component)}@${component.version}`;
    if (path === undefined) problems.push(`${label} has no ${PATH_PROPERTY} property`);
    else if (devOnly.has(path)) problems.push(`${label} (${path}) is a dev-only package`);
    else if (!productionPaths.has(path)) problems.push(`${label} (${path}) is not in package-lock.json`);
  }
  return problems;
}
