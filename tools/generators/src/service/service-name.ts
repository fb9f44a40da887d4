import { names, type Tree } from '@nx/devkit';
import { GeneratorError } from './generator-error.js';

/** One kebab-case segment list: `orders`, `tax-rates`; digits allowed after the first letter. */
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Longest name: keeps `<name>-service` readable in log prefixes, metric labels and k8s object names. */
const MAX_LENGTH = 30;

/** Names that would clash with the platform's own projects, folders, databases or roles. */
const RESERVED = new Set([
  'api',
  'app',
  'apps',
  'auth',
  'business',
  'dev',
  'gateway',
  'generators',
  'infra',
  'libs',
  'messaging',
  'migrations',
  'notification',
  'payment-sandbox',
  'platform',
  'postgres',
  'service',
  'shared',
  'test',
  'tools',
]);

/** Every spelling of a service's name the templates and registrations need. */
export interface ServiceNames {
  /** `tax-rates` */
  name: string;
  /** `tax-rates-service`: the Nx project, the process, the Kafka client and consumer group. */
  serviceName: string;
  /** `apps/tax-rates-service` */
  root: string;
  /** `TaxRates`: class prefix (`TaxRatesConfig`). */
  className: string;
  /** `taxRates`: function prefix (`taxRatesServiceOptions`). */
  propertyName: string;
  /** `TAX_RATES`: error-code prefix and environment-variable prefix (`TAX_RATES_DATABASE`). */
  constantName: string;
  /** `tax_rates`: its PostgreSQL database and role. */
  database: string;
}

/**
 * Checks `raw` and returns its spellings: kebab-case, not reserved, no project or folder of that
 * name yet. A trailing `-service` is dropped (`orders-service` means `orders`).
 */
export function serviceNames(tree: Tree, raw: string | undefined, projects: ReadonlySet<string>): ServiceNames {
  const name = (raw ?? '').trim().replace(/-service$/, '');
  if (!KEBAB_CASE.test(name)) {
    throw new GeneratorError(
      `"${raw ?? ''}" is not a valid service name: use lower-case kebab-case starting with a letter, e.g. "orders" or "tax-rates".`,
    );
  }
  if (name.length > MAX_LENGTH) {
    throw new GeneratorError(`"${name}" is too long: a service name has at most ${MAX_LENGTH} characters.`);
  }
  if (RESERVED.has(name)) {
    throw new GeneratorError(`"${name}" is reserved: it names a part of the platform already. Choose another name.`);
  }
  const serviceName = `${name}-service`;
  const root = `apps/${serviceName}`;
  if (projects.has(serviceName) || projects.has(name) || tree.exists(root)) {
    throw new GeneratorError(
      `${serviceName} already exists (${tree.exists(root) ? root : `an Nx project named ${projects.has(name) ? name : serviceName}`}): nothing was generated. Pick another name, or remove the existing one first.`,
    );
  }
  const spelled = names(name);
  return {
    name,
    serviceName,
    root,
    className: spelled.className,
    propertyName: spelled.propertyName,
    constantName: spelled.constantName,
    database: name.replace(/-/g, '_'),
  };
}
