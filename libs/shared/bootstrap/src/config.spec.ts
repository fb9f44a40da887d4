import { inspect } from 'node:util';
import { getLogger } from '@platform/logging';
import { captureLogs } from '@platform/logging/testing';
import { IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ServiceConfig } from './config.js';
import { Secret } from './secret-setting.js';

class OrdersConfig extends ServiceConfig {
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL!: string;

  @IsString()
  @MinLength(16)
  JWT_SECRET!: string;
}

/** Secrets by mark only: their names look harmless to the log redactor. */
class SigningConfig extends ServiceConfig {
  @Secret()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: '$property must be 32 bytes in base64, not "$value"' })
  SEAL_KEY!: string;

  @Secret()
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/)
  CACHE_URL?: string;

  @IsString()
  REGION = 'eu-west-1';
}

const SEAL_KEY = 'c2lnbmluZy1rZXktZm9yLXRlc3RzLW9ubHktMzJieXQ=';

describe('loadConfig', () => {
  it('reads declared settings from the environment, converts numbers, and keeps defaults', () => {
    const config = loadConfig(OrdersConfig, {
      DATABASE_URL: 'postgres://app@127.0.0.1:5432/orders',
      JWT_SECRET: 'a-long-enough-secret',
      PORT: '8080',
      PATH: '/usr/bin',
    });
    expect(config).toBeInstanceOf(OrdersConfig);
    expect(config.PORT).toBe(8080);
    expect(config.MANAGEMENT_PORT).toBe(9464);
    expect(config.NODE_ENV).toBe('development');
    expect(config.DATABASE_URL).toBe('postgres://app@127.0.0.1:5432/orders');
    expect(Object.keys(config)).not.toContain('PATH');
  });

  it('names every missing or malformed setting in one line, without showing secret values', () => {
    let error: unknown;
    try {
      loadConfig(OrdersConfig, { PORT: 'eighty', NODE_ENV: 'staging', JWT_SECRET: 'short-secret' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^invalid configuration: /);
    expect(message).toContain(
      'NODE_ENV: NODE_ENV must be one of the following values: development, test, production (got "staging")',
    );
    expect(message).toMatch(/PORT: [^;]*PORT must be an integer number \(got "eighty"\)/);
    expect(message).toContain('DATABASE_URL: DATABASE_URL must be a URL address (got nothing)');
    expect(message).toContain(
      'JWT_SECRET: JWT_SECRET must be longer than or equal to 16 characters (got a value that is not shown)',
    );
    expect(message).not.toContain('short-secret');
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(ServiceConfig, { PORT: '' });
    expect(config.PORT).toBe(3000);
  });

  it('masks a marked secret even where the message of a rule quotes the value', () => {
    let message = '';
    try {
      loadConfig(SigningConfig, { SEAL_KEY: 'not-base64-signing-key!' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'invalid configuration: SEAL_KEY: SEAL_KEY must be 32 bytes in base64, not "***" (got a value that is not shown)',
    );
  });
});

describe('a loaded configuration, written out', () => {
  const config = loadConfig(SigningConfig, { SEAL_KEY, CACHE_URL: 'redis://:cache-pw@127.0.0.1:6379' });

  it('shows secrets as *** in JSON and in inspect, other settings as they are', () => {
    expect(config.SEAL_KEY).toBe(SEAL_KEY);
    for (const shown of [JSON.parse(JSON.stringify(config)), inspect(config)]) {
      expect(JSON.stringify(shown)).not.toContain(SEAL_KEY);
      expect(JSON.stringify(shown)).not.toContain('cache-pw');
    }
    expect(JSON.parse(JSON.stringify(config))).toMatchObject({
      SEAL_KEY: '***',
      CACHE_URL: '***',
      REGION: 'eu-west-1',
      PORT: 3000,
    });
    expect(inspect(config)).toContain("SEAL_KEY: '***'");
  });

  it('keeps an unset secret visible as unset', () => {
    const withoutCache = loadConfig(SigningConfig, { SEAL_KEY });
    expect(JSON.parse(JSON.stringify(withoutCache))).not.toHaveProperty('CACHE_URL', '***');
  });

  it('never reaches a log line with a secret value', () => {
    const logs = captureLogs();
    getLogger('Config').info('configuration', { config });
    expect(logs.output()).not.toContain(SEAL_KEY);
    expect(logs.records()[0]).toMatchObject({ config: { SEAL_KEY: '***', REGION: 'eu-west-1' } });
  });
});
