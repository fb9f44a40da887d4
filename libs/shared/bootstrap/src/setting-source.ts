import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from './config-error.js';

/** `<NAME>_FILE` names a file holding `<NAME>`'s value, as Docker and Kubernetes mount secrets. */
export const FILE_SUFFIX = '_FILE';

/** A bigger file is a wrong path (a log, an image), not a setting. */
const MAX_FILE_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A setting's raw value (undefined: unset), or why it could not be read. */
export type SettingSource = { value: string | undefined } | { problem: string };

/**
 * Where setting `name` comes from: the variable `NAME`, or the file that `NAME_FILE` names (UTF-8,
 * one trailing newline dropped). Empty counts as unset, in both. Both set is ambiguous, and a file
 * that cannot be read is a problem; a problem names the variable and the path, never the content.
 */
export function settingSource(name: string, env: NodeJS.ProcessEnv): SettingSource {
  const fileVariable = `${name}${FILE_SUFFIX}`;
  const direct = nonEmpty(env[name]);
  const path = nonEmpty(env[fileVariable]);
  if (path === undefined) return { value: direct };
  if (direct !== undefined) return { problem: `${name} and ${fileVariable} are both set (set one of them)` };
  try {
    return { value: nonEmpty(readSettingFile(path)) };
  } catch (error) {
    return { problem: `${fileVariable}: cannot read ${JSON.stringify(path)} (${reason(error)})` };
  }
}

/**
 * One setting, from `NAME` or `NAME_FILE`, for scripts that run without a configuration class
 * (a migration CLI's DATABASE_URL). Throws `ConfigError` on a problem.
 */
export function readSetting(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const source = settingSource(name, env);
  if ('problem' in source) throw new ConfigError(`invalid configuration: ${source.problem}`);
  return source.value;
}

class UnusableFile extends Error {}

function readSettingFile(path: string): string {
  // Checked before reading: reading a FIFO or a device could block or never end.
  const stats = statSync(path);
  if (!stats.isFile()) throw new UnusableFile('not a regular file');
  if (stats.size > MAX_FILE_BYTES) throw new UnusableFile(`larger than ${MAX_FILE_BYTES} bytes`);
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UnusableFile('not UTF-8 text');
  }
  // `echo secret > file` and most editors end the file with a newline that is not part of the value.
  return text.replace(/\r?\n$/, '');
}

/** Why, without the file's content: our own reason, or the system's error code (ENOENT, EACCES). */
function reason(error: unknown): string {
  if (error instanceof UnusableFile) return error.message;
  return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
