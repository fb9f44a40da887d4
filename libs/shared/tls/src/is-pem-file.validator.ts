import { ValidateBy, type ValidationArguments } from 'class-validator';
import { pemFileProblem } from './pem-file.js';

/** class-validator rule: the setting names a readable file holding PEM (a CA, certificate or key). */
export function IsPemFile(): PropertyDecorator {
  return ValidateBy({
    name: 'isPemFile',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && pemFileProblem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        typeof args?.value === 'string'
          ? `${args.property} must name a readable PEM file: ${pemFileProblem(args.value) ?? 'it holds none'}`
          : `${args?.property} must be a file path`,
    },
  });
}

/**
 * class-validator rule: this setting is set only together with `setting` matching `pattern`,
 * e.g. a CA file only with a TLS URL (a CA beside a plain connection would protect nothing).
 */
export function OnlyWith(setting: string, pattern: RegExp, what: string): PropertyDecorator {
  return ValidateBy({
    name: 'onlyWith',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (value === undefined || value === '' || value === false) return true;
        const other = (args?.object as Record<string, unknown>)[setting];
        return typeof other === 'string' && pattern.test(other);
      },
      defaultMessage: (args?: ValidationArguments) => `${args?.property} needs ${setting} to be ${what}`,
    },
  });
}
