import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

/** Dotted paths of every failed rule, `total.currency` for nested fields. */
function pathsOf(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [path] : [];
    return [...own, ...pathsOf(error.children ?? [], path)];
  });
}

/**
 * Validates a plain payload the way a consumer would (unknown fields refused, so examples cannot
 * drift from the class) and returns the sorted paths of the fields that failed.
 */
export async function invalidFields(cls: new () => object, plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });
  return [...new Set(pathsOf(errors))].sort();
}
