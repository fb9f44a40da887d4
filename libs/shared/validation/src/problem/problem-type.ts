/** Where problem type URIs start unless a service says otherwise (a URN: stable, needs no web site). */
export const DEFAULT_PROBLEM_TYPE_BASE = 'urn:problem-type:';

/** The `type` URI of a code: `VALIDATION.FAILED` → `urn:problem-type:validation.failed`. */
export function problemType(code: string, base: string = DEFAULT_PROBLEM_TYPE_BASE): string {
  return `${base}${code.toLowerCase().replace(/_/g, '-')}`;
}
