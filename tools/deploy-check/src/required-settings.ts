import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * The settings a configuration class (a `ServiceConfig`) cannot start without: properties it declares
 * rules for that have no default value and are not conditional (`@IsOptional`, `@ValidateIf`).
 */
export function requiredSettings(schema: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  const conditional = new Set(
    metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  const defaults = new schema() as Record<string, unknown>;
  const declared = new Set(metadata.map((m) => m.propertyName));
  return [...declared].filter((name) => !conditional.has(name) && defaults[name] === undefined).sort();
}
