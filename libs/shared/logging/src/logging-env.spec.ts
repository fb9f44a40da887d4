import { describe, expect, it } from 'vitest';
import { loggingOptionsFromEnv } from './logging-env.js';

const identity = { service: 'billing', version: '2.0.1' };

describe('loggingOptionsFromEnv', () => {
  it('has defaults for an empty environment', () => {
    expect(loggingOptionsFromEnv({}, identity)).toEqual({
      service: 'billing',
      version: '2.0.1',
      environment: 'development',
      level: 'info',
      format: 'json',
      dir: undefined,
      retentionDays: 14,
      slowRequestMs: 1000,
    });
  });

  it('reads every variable', () => {
    const options = loggingOptionsFromEnv(
      {
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'pretty',
        LOG_DIR: '/var/log/billing',
        LOG_RETENTION_DAYS: '30',
        SLOW_REQUEST_MS: '0',
        NODE_ENV: 'production',
      },
      identity,
    );
    expect(options.level).toBe('debug');
    expect(options.format).toBe('pretty');
    expect(options.dir).toBe('/var/log/billing');
    expect(options.retentionDays).toBe(30);
    expect(options.slowRequestMs).toBe(0);
    expect(options.environment).toBe('production');
  });

  it('accepts levels and formats in any case, and treats blank values as unset', () => {
    const options = loggingOptionsFromEnv({ LOG_LEVEL: 'WARN', LOG_FORMAT: ' JSON ', LOG_DIR: '  ' }, identity);
    expect(options.level).toBe('warn');
    expect(options.format).toBe('json');
    expect(options.dir).toBeUndefined();
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error; got "loud"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of debug, info, warn, error; got "verbose"'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT must be one of json, pretty; got "xml"'],
    [{ LOG_RETENTION_DAYS: '0' }, 'LOG_RETENTION_DAYS must be a whole number of at least 1; got "0"'],
    [{ LOG_RETENTION_DAYS: '14d' }, 'LOG_RETENTION_DAYS must be a whole number of at least 1; got "14d"'],
    [{ SLOW_REQUEST_MS: '-5' }, 'SLOW_REQUEST_MS must be a whole number of at least 0; got "-5"'],
    [{ SLOW_REQUEST_MS: '1.5' }, 'SLOW_REQUEST_MS must be a whole number of at least 0; got "1.5"'],
  ])('rejects %o with one clear message', (env, message) => {
    expect(() => loggingOptionsFromEnv(env, identity)).toThrow(new Error(message));
  });

  it('names every malformed variable in the one error', () => {
    expect(() => loggingOptionsFromEnv({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' }, identity)).toThrow(
      new Error(
        'LOG_LEVEL must be one of debug, info, warn, error; got "loud"\nLOG_FORMAT must be one of json, pretty; got "xml"',
      ),
    );
  });

  it('refuses an empty service name', () => {
    expect(() => loggingOptionsFromEnv({}, { service: ' ', version: '1' })).toThrow(
      'the service name must not be empty',
    );
  });
});
