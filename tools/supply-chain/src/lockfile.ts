/** The parts of an npm v3 lockfile (package-lock.json) that the SBOM and the scan read. */
export interface Lockfile {
  name: string;
  version: string;
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

export interface LockEntry {
  name?: string;
  version?: string;
  /** Needed only by devDependencies: `npm ci --omit=dev` leaves it out. */
  dev?: boolean;
  /** A dev dependency that is also an optional dependency of production: `--omit=dev` keeps it. */
  devOptional?: boolean;
  link?: boolean;
}

/** One installed package of the lockfile: where it lands, what it is, its package URL. */
export interface LockedPackage {
  path: string;
  name: string;
  version: string;
  purl: string;
}

/**
 * The packages `npm ci --omit=dev` installs, as the Dockerfile's production stage does: every entry
 * of the lockfile except the root, workspace links and those only devDependencies need.
 */
export function productionPackages(lock: Lockfile): LockedPackage[] {
  return lockedPackages(lock, (entry) => entry.dev !== true);
}

/** The packages only devDependencies need: none of them may reach the production image or its SBOM. */
export function devOnlyPackages(lock: Lockfile): LockedPackage[] {
  return lockedPackages(lock, (entry) => entry.dev === true);
}

function lockedPackages(lock: Lockfile, keep: (entry: LockEntry) => boolean): LockedPackage[] {
  return Object.entries(lock.packages).flatMap(([path, entry]) => {
    const { version } = entry;
    if (path === '' || entry.link === true || version === undefined || !keep(entry)) return [];
    const name = entry.name ?? packageNameAt(path);
    return [{ path, name, version, purl: npmPurl(name, version) }];
  });
}

/** `node_modules/a/node_modules/@s/b` holds `@s/b`. */
export function packageNameAt(path: string): string {
  const marker = 'node_modules/';
  return path.slice(path.lastIndexOf(marker) + marker.length);
}

/** The package URL of an npm package (purl spec: the scope's `@` is percent-encoded). */
export function npmPurl(name: string, version: string): string {
  const encoded = name
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
  return `pkg:npm/${encoded}@${encodeURIComponent(version)}`;
}
