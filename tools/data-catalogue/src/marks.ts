/**
 * The personal-data mark: a PostgreSQL column comment that a service's migration writes on every
 * column holding personal data. One exact grammar, parsed strictly, so that the catalogue never
 * guesses what a mark meant:
 *
 *   personal: purpose=<text>; retention=<text>; erasure=<delete|anonymise|keep-legal-record>
 */
export const ERASURE_ACTIONS = ['delete', 'anonymise', 'keep-legal-record'] as const;

/** What happens to the value when its person asks to be erased. */
export type ErasureAction = (typeof ERASURE_ACTIONS)[number];

export interface PersonalDataMark {
  purpose: string;
  retention: string;
  erasure: ErasureAction;
}

export type ParsedMark = { ok: true; mark: PersonalDataMark } | { ok: false; reason: string };

const GRAMMAR = 'personal: purpose=<text>; retention=<text>; erasure=<delete|anonymise|keep-legal-record>';
const MARK = /^personal: purpose=([^;]*); retention=([^;]*); erasure=([^;]*)$/;

/** A comment that claims to be a mark (and so must parse); other column comments are documentation. */
export function claimsToBeMark(comment: string | null): comment is string {
  return comment !== null && /^\s*personal\b/i.test(comment);
}

/** Parses a mark, refusing anything but the exact grammar: texts non-empty and trimmed, a known action. */
export function parseMark(comment: string): ParsedMark {
  const match = MARK.exec(comment);
  if (!match) return { ok: false, reason: `does not follow "${GRAMMAR}"` };
  const [, purpose = '', retention = '', erasure = ''] = match;
  for (const [field, text] of [
    ['purpose', purpose],
    ['retention', retention],
  ] as const) {
    if (text.trim() === '') return { ok: false, reason: `${field} is empty` };
    if (text !== text.trim()) return { ok: false, reason: `${field} has leading or trailing spaces` };
  }
  if (!(ERASURE_ACTIONS as readonly string[]).includes(erasure)) {
    return { ok: false, reason: `erasure "${erasure}" is not one of ${ERASURE_ACTIONS.join(', ')}` };
  }
  return { ok: true, mark: { purpose, retention, erasure: erasure as ErasureAction } };
}

/** The statement a migration runs to mark a column, with the texts still to fill in. */
export function markStatement(table: string, column: string): string {
  return `COMMENT ON COLUMN ${table}.${column} IS 'personal: purpose=<...>; retention=<...>; erasure=<delete|anonymise|keep-legal-record>';`;
}
