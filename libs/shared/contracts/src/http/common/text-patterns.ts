// Patterns of the public contract, written in the subset every regex dialect reads alike (no \p{}
// classes, no lookaround, every white-space character spelled out) so that the service, the
// OpenAPI validators and the contract fuzzer agree on what they match.

// Control characters, line and paragraph separators, bidirectional overrides and isolates.
const FORBIDDEN = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
// White space as both ECMAScript's \s and Unicode's White_Space read it, spelled out.
const SPACE = '\\s\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff';

/**
 * One line of visible text: at least one character that is not white space, and no control
 * characters, line separators or bidirectional overrides anywhere. Names, address lines, invoice
 * line descriptions.
 */
export const VISIBLE_TEXT_PATTERN = `^[^${FORBIDDEN}]*[^${SPACE}${FORBIDDEN}][^${FORBIDDEN}]*$`;

/** Shared by the patterns below and their class-validator twins. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
export const COUNTRY_PATTERN = '^[A-Z]{2}$';
export const INVOICE_PREFIX_PATTERN = '^[A-Z0-9]{1,10}$';
export const TAX_ID_PATTERN = '^[A-Za-z0-9 .-]+$';

/** `@ApiProperty` bounds of a name (business, customer): 1 to 200 code points of visible text. */
export const NAME_PROPERTY = {
  minLength: 1,
  maxLength: 200,
  pattern: VISIBLE_TEXT_PATTERN,
  description: '1 to 200 characters (Unicode code points), not only white space, no control characters.',
} as const;
