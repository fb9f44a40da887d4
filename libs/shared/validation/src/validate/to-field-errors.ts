import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/field-error.js';

/** The path of a child property: brackets for array (and map) items, dots for properties. */
function childPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/**
 * Flattens class-validator's error tree into one entry per failed rule, with the field's full
 * path (`items[2].quantity`) and the rule name as code.
 */
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  // An explicit stack instead of recursion: the payload decides how deep the tree goes.
  const pending: Array<{ error: ValidationError; path: string }> = errors
    .map((error) => ({ error, path: childPath(parent, String(error.property)) }))
    .reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { error, path } = next;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field: path || '$', message, code });
    }
    const children = [...(error.children ?? [])].reverse();
    for (const child of children) pending.push({ error: child, path: childPath(path, String(child.property)) });
  }
  return result;
}
