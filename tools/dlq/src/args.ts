import { userInfo } from 'node:os';
import { UsageError } from './errors.js';
import { parseFilters, parsePositiveInteger, type DeadLetterFilters } from './select.js';

export const USAGE = `usage: npm run dlq -- <command> [flags]

  list    --topic <topic> [filters] [--json]
          the dead letters of <topic> (read from <topic>.dlq up to its current end)
  replay  --topic <topic> [filters] --reason <text> [--dry-run] [--force]
          [--inbox-retention-days <n>] [--actor <name>] [--json]
          re-publish the selected dead letters to <topic>, each with its key, value and headers
  audit   [--limit <n>] [--json]
          the replay runs recorded in the audit topic, the latest last

filters:
  --type <event type>    e.g. business.invoice.issued
  --since <ISO time>     failed at or after (2026-11-23 is midnight UTC; a time needs Z or an offset)
  --until <ISO time>     failed before
  --event-id <uuid>      one event
  --limit <n>            at most n, the earliest failures first

environment: KAFKA_BROKERS (else .data/infra.env from \`npm run infra:up\`), INBOX_RETENTION_DAYS
(default 7), DLQ_AUDIT_TOPIC (default platform.dlq-replay-audit.v1), LOG_LEVEL (default error).
`;

export type Command =
  | { name: 'help' }
  | { name: 'list'; topic: string; filters: DeadLetterFilters; json: boolean }
  | {
      name: 'replay';
      topic: string;
      filters: DeadLetterFilters;
      json: boolean;
      dryRun: boolean;
      force: boolean;
      inboxRetentionDays: number;
      actor: string;
      reason?: string;
    }
  | { name: 'audit'; limit?: number; json: boolean };

type FlagKind = 'text' | 'switch';

const FILTER_FLAGS = {
  topic: 'text',
  type: 'text',
  since: 'text',
  until: 'text',
  'event-id': 'text',
  limit: 'text',
  json: 'switch',
} as const satisfies Record<string, FlagKind>;

const FLAGS = {
  list: FILTER_FLAGS,
  replay: {
    ...FILTER_FLAGS,
    'dry-run': 'switch',
    force: 'switch',
    'inbox-retention-days': 'text',
    actor: 'text',
    reason: 'text',
  },
  audit: { limit: 'text', json: 'switch' },
} as const satisfies Record<string, Record<string, FlagKind>>;

type CommandName = keyof typeof FLAGS;
type Flags = Record<string, string | true>;

// Kafka's own rule for topic names.
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(FLAGS, name);
}

/** `--name value`, `--name=value` and `--switch`; every flag at most once, no positional arguments. */
function readFlags(command: CommandName, args: readonly string[]): Flags {
  const known: Record<string, FlagKind> = FLAGS[command];
  const flags: Flags = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`dlq ${command}: unexpected argument "${arg}"`);
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const kind = known[name];
    if (kind === undefined) throw new UsageError(`dlq ${command}: unknown flag --${name} (see --help)`);
    if (Object.hasOwn(flags, name)) throw new UsageError(`dlq ${command}: --${name} is given twice`);
    if (kind === 'switch') {
      if (equals !== -1) throw new UsageError(`dlq ${command}: --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      value = args[index + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`dlq ${command}: --${name} needs a value`);
      index += 1;
    }
    if (value === '') throw new UsageError(`dlq ${command}: --${name} needs a value`);
    flags[name] = value;
  }
  return flags;
}

function text(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredTopic(command: CommandName, flags: Flags): string {
  const topic = text(flags, 'topic');
  if (topic === undefined) throw new UsageError(`dlq ${command}: --topic <original topic> is required`);
  if (!TOPIC_NAME.test(topic)) throw new UsageError(`dlq ${command}: --topic "${topic}" is not a Kafka topic name`);
  return topic;
}

/** Days from --inbox-retention-days, else INBOX_RETENTION_DAYS, else 7; a positive number. */
export function inboxRetentionDays(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const [source, raw] =
    flag !== undefined
      ? ['--inbox-retention-days', flag]
      : ['INBOX_RETENTION_DAYS', env['INBOX_RETENTION_DAYS']?.trim()];
  if (raw === undefined || raw === '') return 7;
  const days = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(days > 0)) {
    throw new UsageError(`${source} must be a positive number of days, got "${raw}"`);
  }
  return days;
}

/** Who runs the replay: --actor, else USER, else the OS account name. */
export function actorOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const named = flag?.trim() || env['USER']?.trim();
  if (named) return named;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The command a person typed, checked; UsageError (exit code 2) for anything wrong. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h' || rest.includes('--help')) {
    return { name: 'help' };
  }
  if (!isCommand(name))
    throw new UsageError(`dlq: unknown command "${name}" (commands: list, replay, audit; see --help)`);
  const flags = readFlags(name, rest);
  const json = flags['json'] === true;
  if (name === 'audit') {
    const limit = text(flags, 'limit');
    return { name, json, ...(limit === undefined ? {} : { limit: parsePositiveInteger('--limit', limit) }) };
  }
  const topic = requiredTopic(name, flags);
  const filters = parseFilters({
    type: text(flags, 'type'),
    since: text(flags, 'since'),
    until: text(flags, 'until'),
    eventId: text(flags, 'event-id'),
    limit: text(flags, 'limit'),
  });
  if (name === 'list') return { name, topic, filters, json };
  const dryRun = flags['dry-run'] === true;
  const reason = text(flags, 'reason')?.trim();
  if (!dryRun && !reason) {
    throw new UsageError(
      'dlq replay: --reason <text> is required (what was fixed: a ticket, a deploy); --dry-run needs none',
    );
  }
  return {
    name,
    topic,
    filters,
    json,
    dryRun,
    force: flags['force'] === true,
    inboxRetentionDays: inboxRetentionDays(text(flags, 'inbox-retention-days'), env),
    actor: actorOf(text(flags, 'actor'), env),
    ...(reason ? { reason } : {}),
  };
}
