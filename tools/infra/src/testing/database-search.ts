import pg from 'pg';

/** What to do with a column's value when its person is erased, as its `personal:` mark says. */
export type ErasureAction = 'delete' | 'anonymise' | 'keep-legal-record';

/** A column's personal-data mark: its comment `personal: purpose=...; retention=...; erasure=...`. */
export interface PersonalDataMark {
  purpose?: string;
  retention?: string;
  erasure?: string;
}

/** One row of one column whose text holds a needle. */
export interface DatabaseHit {
  /** The needle found (as given). */
  needle: string;
  schema: string;
  table: string;
  column: string;
  /** The row: its primary key (`id=...`, several columns joined by `, `), or `ctid=(0,1)` without one. */
  row: string;
  /** Up to 40 characters either side of the first occurrence. */
  excerpt: string;
  /** The column's comment, if any. */
  comment: string | null;
  /** The column's personal-data mark, when its comment is one. */
  personal: PersonalDataMark | null;
}

/** A database to search: a connection string or a connected client (left connected). */
export type SearchTarget = string | pg.ClientBase;

interface SearchedColumn {
  schema: string;
  table: string;
  column: string;
  comment: string | null;
  key_columns: string[] | null;
}

const EXCERPT_RADIUS = 40;

// Every text-like column of every user table: string types (text, varchar, char, citext...),
// json/jsonb and arrays, from pg_catalog rather than information_schema, which hides tables the
// user may read but does not own and reports citext as USER-DEFINED. Partitions are searched
// through their parent, once.
const COLUMNS_SQL = `
  SELECT n.nspname AS schema, c.relname AS "table", a.attname AS column,
         col_description(c.oid, a.attnum) AS comment,
         (SELECT array_agg(k.attname::text ORDER BY k.attnum)
            FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY(i.indkey)
           WHERE i.indrelid = c.oid AND i.indisprimary) AS key_columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
   WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
     AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     AND (t.typcategory IN ('S', 'A') OR t.typname IN ('json', 'jsonb'))
   ORDER BY n.nspname, c.relname, a.attnum`;

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Parses `personal: purpose=...; retention=...; erasure=...` (null for any other comment). */
export function parsePersonalDataMark(comment: string | null): PersonalDataMark | null {
  const match = /^\s*personal:\s*(.*)$/s.exec(comment ?? '');
  if (!match) return null;
  const mark: PersonalDataMark = {};
  for (const part of match[1]!.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (name === 'purpose' || name === 'retention' || name === 'erasure') mark[name] = part.slice(at + 1).trim();
  }
  return mark;
}

function excerptAround(value: string, needle: string): string {
  const at = value.toLowerCase().indexOf(needle.toLowerCase());
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(value.length, at + needle.length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${value.slice(start, end)}${end < value.length ? '…' : ''}`;
}

async function searchColumn(client: pg.ClientBase, column: SearchedColumn, needles: string[]): Promise<DatabaseHit[]> {
  const value = `${quoted(column.column)}::text`;
  const key = column.key_columns?.length
    ? `concat_ws(', ', ${column.key_columns.map((name) => `'${name.replaceAll("'", "''")}=' || ${quoted(name)}::text`).join(', ')})`
    : `'ctid=' || ctid::text`;
  // strpos on lower(), not ILIKE: an e-mail's underscores would be wildcards.
  const { rows } = await client.query<{ row: string; value: string }>(
    `SELECT ${key} AS row, ${value} AS value FROM ${quoted(column.schema)}.${quoted(column.table)}
      WHERE ${needles.map((_, index) => `strpos(lower(${value}), lower($${index + 1})) > 0`).join(' OR ')}`,
    needles,
  );
  const personal = parsePersonalDataMark(column.comment);
  return rows.flatMap((row) =>
    needles
      .filter((needle) => row.value.toLowerCase().includes(needle.toLowerCase()))
      .map((needle) => ({
        needle,
        schema: column.schema,
        table: column.table,
        column: column.column,
        row: row.row,
        excerpt: excerptAround(row.value, needle),
        comment: column.comment,
        personal,
      })),
  );
}

/**
 * Every place of a database that holds any of `needles`, in any case: each text, character, JSON
 * and array column of each table of every schema, found in the catalogue so that a table added
 * later is searched too. Each hit carries its column's `personal:` mark, so that a test of an
 * erasure can allow values in `erasure=keep-legal-record` columns only.
 */
export async function searchDatabase(target: SearchTarget, needles: readonly string[]): Promise<DatabaseHit[]> {
  const searched = needles.filter((needle) => needle.length > 0);
  if (searched.length !== needles.length) throw new Error('searchDatabase: an empty needle matches everything');
  if (searched.length === 0) return [];
  const client = typeof target === 'string' ? new pg.Client({ connectionString: target }) : target;
  if (typeof target === 'string') await client.connect();
  try {
    const { rows: columns } = await client.query<SearchedColumn>(COLUMNS_SQL);
    const hits: DatabaseHit[] = [];
    for (const column of columns) hits.push(...(await searchColumn(client, column, searched)));
    return hits;
  } finally {
    if (typeof target === 'string') await (client as pg.Client).end();
  }
}

/** `table.column` of each hit, once each, in order: a short, stable summary to assert on. */
export function placesOf(hits: readonly DatabaseHit[]): string[] {
  const places = hits.map((hit) => (hit.schema === 'public' ? '' : `${hit.schema}.`) + `${hit.table}.${hit.column}`);
  return [...new Set(places)].sort();
}
