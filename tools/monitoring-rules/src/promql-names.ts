// Clauses whose parentheses hold label names, not series: `by (job)`, `on (instance)`, ...
const LABEL_LIST_CLAUSES = /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g;
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects: identifiers that are not functions, keywords, label
 * names, label values or durations. Enough for the expressions of this repository's rules and dashboards
 * (no `__name__` matchers); not a PromQL parser.
 */
export function metricNamesOf(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(LABEL_LIST_CLAUSES, ' ');
  const names = new Set<string>();
  for (const [, name = '', call] of stripped.matchAll(/(?<![\w:.])([a-zA-Z_:][\w:]*)(?!\w)(\s*\()?/g)) {
    if (call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names].sort();
}

/** The name a histogram's series `_bucket`/`_count`/`_sum` belong to, or the name itself. */
export function familyOf(name: string): string {
  return name.replace(/_(bucket|count|sum)$/, '');
}
