import 'reflect-metadata';
import { isSecretKey } from '@platform/logging';

/** What a secret's value is replaced with wherever a configuration is shown. */
export const SECRET_MASK = '***';

const SECRET = Symbol('platform:secret-setting');

/**
 * Marks a setting of a configuration class as a secret (a key, a password, a URL with
 * credentials): its value never appears in configuration errors, logs or dumps.
 */
export function Secret(): PropertyDecorator {
  return (prototype, property) => Reflect.defineMetadata(SECRET, true, prototype, property);
}

/**
 * True when the setting is marked `@Secret()` on its class (or a parent), or its name is one the
 * log redactor treats as secret (`*_PASSWORD`, `*_SECRET`...), so a forgotten mark does not leak.
 */
export function isSecretSetting(config: object, name: string): boolean {
  return Reflect.getMetadata(SECRET, config, name) === true || isSecretKey(name);
}

/** The configuration's settings with every secret that has a value replaced by `***`: what may be shown. */
export function maskSecrets(config: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => [
      name,
      value !== undefined && isSecretSetting(config, name) ? SECRET_MASK : value,
    ]),
  );
}
