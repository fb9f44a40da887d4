import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configureLogging, LOG_LEVELS, type LogLevel } from '@platform/logging';
import { parseArgs, USAGE, type Command } from './args.js';
import { auditTopicFrom, readAuditTrail } from './audit-trail.js';
import { dlqKafka, resolveBrokers } from './brokers.js';
import { DlqError, UsageError } from './errors.js';
import {
  auditCountLine,
  auditLine,
  deadLetterJson,
  deadLetterLine,
  listingCountLine,
  replayLines,
  replaySummaryLine,
} from './output.js';
import { readDeadLetters } from './read-dead-letters.js';
import { replayDeadLetters } from './replay.js';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

/** Runs one command and returns the exit code: 0 done, 1 failed (or every selected event refused), 2 bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv, io.env);
  } catch (error) {
    return reportFailure(error, io);
  }
  if (command.name === 'help') {
    io.out(USAGE.trimEnd());
    return 0;
  }
  try {
    return await execute(command, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function execute(command: Exclude<Command, { name: 'help' }>, io: CliIo): Promise<number> {
  const brokers = resolveBrokers(io.env);
  const kafka = dlqKafka(brokers);
  const auditTopic = auditTopicFrom(io.env);
  // In JSON mode stdout holds only JSON lines; the human summary goes to stderr.
  const summary = (line: string) => (command.json ? io.err(line) : io.out(line));
  switch (command.name) {
    case 'list': {
      const listing = await readDeadLetters(kafka, command.topic, command.filters);
      for (const letter of listing.letters) io.out(command.json ? deadLetterJson(letter) : deadLetterLine(letter));
      summary(listingCountLine(listing));
      return 0;
    }
    case 'replay': {
      const report = await replayDeadLetters({ kafka, auditTopic, ...command });
      if (command.json) io.out(JSON.stringify(report.record));
      else for (const line of replayLines(report)) io.out(line);
      summary(replaySummaryLine(report, auditTopic));
      // Nothing replayed although something was selected: every one was refused.
      return report.record.selected.length > 0 && report.accepted.length === 0 ? 1 : 0;
    }
    case 'audit': {
      const records = await readAuditTrail(kafka, auditTopic, command.limit);
      for (const record of records) io.out(command.json ? JSON.stringify(record) : auditLine(record));
      summary(auditCountLine(records.length, auditTopic));
      return 0;
    }
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || error instanceof DlqError) {
    io.err(error.message.startsWith('dlq') ? error.message : `dlq: ${error.message}`);
    return error.exitCode;
  }
  // kafkajs's error classes are not named exports of its CommonJS entry; their names all start so.
  if (error instanceof Error && error.name.startsWith('KafkaJS')) {
    io.err(`dlq: Kafka failed: ${error.message} (is the broker up? \`npm run infra:status\`)`);
    return 1;
  }
  io.err(`dlq: unexpected failure\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}

function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const level = env['LOG_LEVEL'];
  return LOG_LEVELS.find((known) => known === level) ?? 'error';
}

/** True when Node runs this file as the program (the loader gives the main module its real path). */
function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// Run as a program, not imported by a test: library logs go to stderr, readable, errors only by default.
if (isMain()) {
  configureLogging({ service: 'dlq', level: logLevelFrom(process.env), format: 'pretty', stream: process.stderr });
  const io: CliIo = {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
