import { IsString, IsUrl, MinLength } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ServiceConfig } from './config.js';

class OrdersConfig extends ServiceConfig {
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL!: string;

  @IsString()
  @MinLength(16)
  JWT_SECRET!: string;
}

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
});
