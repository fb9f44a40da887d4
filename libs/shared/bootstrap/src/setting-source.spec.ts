import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IsString, Matches } from 'class-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ServiceConfig } from './config.js';
import { Secret } from './secret-setting.js';
import { readSetting } from './setting-source.js';

class DatabaseConfig extends ServiceConfig {
  @Secret()
  @Matches(/^postgres:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsString()
  KAFKA_BROKERS = '127.0.0.1:9092';
}

const dir = mkdtempSync(path.join(tmpdir(), 'bootstrap-setting-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** A fresh file holding `content`, as a container platform mounts a secret. */
function secretFile(content: string | Buffer): string {
  const file = path.join(dir, `secret-${++files}`);
  writeFileSync(file, content);
  return file;
}

/** The ConfigError message `load` throws. */
function configError(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no ConfigError');
}

const DB_URL = 'postgres://app:pw-from-file@127.0.0.1:5432/app';

describe('settings from files (<NAME>_FILE)', () => {
  it('takes the value from the file NAME_FILE names', () => {
    const config = loadConfig(DatabaseConfig, { DATABASE_URL_FILE: secretFile(DB_URL) });
    expect(config.DATABASE_URL).toBe(DB_URL);
  });

  it('drops one trailing newline, and only one', () => {
    expect(loadConfig(DatabaseConfig, { DATABASE_URL_FILE: secretFile(`${DB_URL}\n`) }).DATABASE_URL).toBe(DB_URL);
    expect(loadConfig(DatabaseConfig, { DATABASE_URL_FILE: secretFile(`${DB_URL}\r\n`) }).DATABASE_URL).toBe(DB_URL);
    expect(readSetting('KEY', { KEY_FILE: secretFile('two lines\n\n') })).toBe('two lines\n');
    expect(readSetting('KEY', { KEY_FILE: secretFile(' spaced ') })).toBe(' spaced ');
  });

  it('works for every setting, secret or not, converted as from the variable', () => {
    const config = loadConfig(DatabaseConfig, {
      DATABASE_URL: DB_URL,
      PORT_FILE: secretFile('8080\n'),
      KAFKA_BROKERS_FILE: secretFile('kafka:9092'),
    });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toBe('kafka:9092');
  });

  it('refuses NAME and NAME_FILE both set, as ambiguous', () => {
    const message = configError(() =>
      loadConfig(DatabaseConfig, { DATABASE_URL: DB_URL, DATABASE_URL_FILE: secretFile(DB_URL) }),
    );
    expect(message).toBe('invalid configuration: DATABASE_URL and DATABASE_URL_FILE are both set (set one of them)');
  });

  it('treats an empty NAME_FILE, an empty NAME beside it, and an empty file as unset', () => {
    expect(loadConfig(DatabaseConfig, { DATABASE_URL: DB_URL, DATABASE_URL_FILE: '' }).DATABASE_URL).toBe(DB_URL);
    expect(loadConfig(DatabaseConfig, { DATABASE_URL: '', DATABASE_URL_FILE: secretFile(DB_URL) }).DATABASE_URL).toBe(
      DB_URL,
    );
    expect(loadConfig(DatabaseConfig, { DATABASE_URL: DB_URL, PORT_FILE: secretFile('\n') }).PORT).toBe(3000);
  });

  it('names the variable and the path of a missing file, once, beside the other bad settings', () => {
    const missing = path.join(dir, 'no-such-secret');
    const message = configError(() => loadConfig(DatabaseConfig, { DATABASE_URL_FILE: missing, PORT: 'eighty' }));
    expect(message).toMatch(/^invalid configuration: /);
    expect(message).toContain(`DATABASE_URL_FILE: cannot read ${JSON.stringify(missing)} (ENOENT)`);
    expect(message).toMatch(/PORT: .*\(got "eighty"\)/);
    // Not reported a second time as missing.
    expect(message).not.toContain('got nothing');
  });

  it('says why a file is unusable without quoting what it holds', () => {
    const notUtf8 = secretFile(Buffer.from([0x70, 0x77, 0xff, 0xfe, 0x21]));
    expect(configError(() => readSetting('KEY', { KEY_FILE: notUtf8 }))).toBe(
      `invalid configuration: KEY_FILE: cannot read ${JSON.stringify(notUtf8)} (not UTF-8 text)`,
    );
    const directory = path.join(dir, 'a-directory');
    mkdirSync(directory);
    expect(configError(() => readSetting('KEY', { KEY_FILE: directory }))).toContain('(not a regular file)');
    const big = secretFile(Buffer.alloc(1024 * 1024 + 1, 'x'));
    expect(configError(() => readSetting('KEY', { KEY_FILE: big }))).toContain('(larger than 1048576 bytes)');
  });

  it('never shows the content of a secret file that fails validation', () => {
    const message = configError(() =>
      loadConfig(DatabaseConfig, { DATABASE_URL_FILE: secretFile('mysql://root:pw-wrong-kind@db/app\n') }),
    );
    expect(message).toBe(
      'invalid configuration: DATABASE_URL: DATABASE_URL must be a postgres:// URL (got a value that is not shown)',
    );
  });

  it('reads one setting for a script without a configuration class (readSetting)', () => {
    expect(readSetting('DATABASE_URL', { DATABASE_URL_FILE: secretFile(`${DB_URL}\n`) })).toBe(DB_URL);
    expect(readSetting('DATABASE_URL', { DATABASE_URL: DB_URL })).toBe(DB_URL);
    expect(readSetting('DATABASE_URL', {})).toBeUndefined();
  });
});
