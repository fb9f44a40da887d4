import { describe, expect, it } from 'vitest';
import { runDlqCli } from '../test/support/cli.js';
import { actorOf, inboxRetentionDays, parseArgs } from './args.js';
import { runCli } from './cli.js';
import { UsageError } from './errors.js';

/** Runs the CLI in this process with collected output; bad input must fail before any broker is needed. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { env, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('parseArgs', () => {
  it('reads list with its filters, in both flag forms', () => {
    expect(
      parseArgs(['list', '--topic', 'shop.order.v1', '--type=shop.order.placed', '--limit', '3', '--json'], {}),
    ).toEqual({
      name: 'list',
      topic: 'shop.order.v1',
      filters: { type: 'shop.order.placed', limit: 3 },
      json: true,
    });
  });

  it('reads replay with its defaults: 7 days of inbox retention, the actor from USER', () => {
    expect(parseArgs(['replay', '--topic', 'shop.order.v1', '--reason', 'fixed in 1.4.2'], { USER: 'ada' })).toEqual({
      name: 'replay',
      topic: 'shop.order.v1',
      filters: {},
      json: false,
      dryRun: false,
      force: false,
      inboxRetentionDays: 7,
      actor: 'ada',
      reason: 'fixed in 1.4.2',
    });
  });

  it('takes --actor and --inbox-retention-days over the environment', () => {
    const command = parseArgs(
      ['replay', '--topic', 't.v1', '--dry-run', '--force', '--actor', 'grace', '--inbox-retention-days', '14'],
      { USER: 'ada', INBOX_RETENTION_DAYS: '3' },
    );
    expect(command).toMatchObject({ dryRun: true, force: true, actor: 'grace', inboxRetentionDays: 14 });
    expect(command).not.toHaveProperty('reason');
  });

  it('reads audit', () => {
    expect(parseArgs(['audit', '--limit', '5'], {})).toEqual({ name: 'audit', limit: 5, json: false });
  });

  it('answers help for no command, help and --help', () => {
    for (const argv of [[], ['help'], ['--help'], ['list', '--help']])
      expect(parseArgs(argv, {})).toEqual({ name: 'help' });
  });

  it.each([
    [['purge'], 'dlq: unknown command "purge" (commands: list, replay, audit; see --help)'],
    [['list'], 'dlq list: --topic <original topic> is required'],
    [['list', '--topic'], 'dlq list: --topic needs a value'],
    [['list', '--topic', '--json'], 'dlq list: --topic needs a value'],
    [['list', '--topic=', '--json'], 'dlq list: --topic needs a value'],
    [['list', '--topic', 'a b'], 'dlq list: --topic "a b" is not a Kafka topic name'],
    [['list', '--topic', 't.v1', '--colour'], 'dlq list: unknown flag --colour (see --help)'],
    [['list', '--topic', 't.v1', '--force'], 'dlq list: unknown flag --force (see --help)'],
    [['list', '--topic', 't.v1', 'extra'], 'dlq list: unexpected argument "extra"'],
    [['list', '--topic', 't.v1', '--topic', 'u.v1'], 'dlq list: --topic is given twice'],
    [['list', '--topic', 't.v1', '--json=yes'], 'dlq list: --json takes no value'],
    [['list', '--topic', 't.v1', '--since', 'last week'], '--since must be an ISO-8601 date or date-time'],
    [['replay', '--topic', 't.v1'], 'dlq replay: --reason <text> is required'],
    [['replay', '--topic', 't.v1', '--reason', '   '], 'dlq replay: --reason <text> is required'],
    [
      ['replay', '--topic', 't.v1', '--dry-run', '--inbox-retention-days', '0'],
      '--inbox-retention-days must be a positive number of days, got "0"',
    ],
    [['audit', '--limit', 'all'], '--limit must be a positive whole number, got "all"'],
    [['audit', '--topic', 't.v1'], 'dlq audit: unknown flag --topic (see --help)'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(UsageError);
    expect(() => parseArgs(argv, {})).toThrow(message);
  });
});

describe('inboxRetentionDays', () => {
  it('takes the flag, else INBOX_RETENTION_DAYS, else 7 days', () => {
    expect(inboxRetentionDays('2.5', { INBOX_RETENTION_DAYS: '9' })).toBe(2.5);
    expect(inboxRetentionDays(undefined, { INBOX_RETENTION_DAYS: '9' })).toBe(9);
    expect(inboxRetentionDays(undefined, {})).toBe(7);
  });

  it('names the environment variable when it is malformed', () => {
    expect(() => inboxRetentionDays(undefined, { INBOX_RETENTION_DAYS: 'a week' })).toThrow(
      'INBOX_RETENTION_DAYS must be a positive number of days, got "a week"',
    );
  });
});

describe('actorOf', () => {
  it('takes --actor, else USER, else the account name', () => {
    expect(actorOf('grace', { USER: 'ada' })).toBe('grace');
    expect(actorOf(undefined, { USER: 'ada' })).toBe('ada');
    expect(actorOf(undefined, {})).not.toBe('');
  });
});

describe('dlq CLI', () => {
  it('prints one line on stderr and exits with 2 on bad input, before looking for a broker', async () => {
    const result = await cli(['list', '--topic', 't.v1', '--since', '2026-11-23', '--until', '2026-11-22']);
    expect(result).toEqual({
      code: 2,
      out: [],
      err: ['dlq: --since (2026-11-23) must be before --until (2026-11-22)'],
    });
  });

  it('exits with 2 for an unknown command and a missing --topic', async () => {
    expect((await cli(['relay'])).code).toBe(2);
    expect(await cli(['replay', '--reason', 'x'])).toEqual({
      code: 2,
      out: [],
      err: ['dlq replay: --topic <original topic> is required'],
    });
  });

  it('prints its usage for --help and exits with 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^usage: npm run dlq -- <command>/);
  });

  it('says how to get a broker when none is configured, with exit code 1', async () => {
    const result = await cli(['list', '--topic', 't.v1'], { INFRA_DATA_DIR: '/nonexistent/dlq-test' });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'dlq: no Kafka brokers: set KAFKA_BROKERS=host:port[,host:port...] or run `npm run infra:up` (it writes /nonexistent/dlq-test/infra.env)',
    ]);
  });

  it('as a process, exits with 2 and one stderr line for a bad --limit', async () => {
    const result = await runDlqCli(['list', '--topic', 't.v1', '--limit', '0'], {});
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'dlq: --limit must be a positive whole number, got "0"\n' });
  });
});
