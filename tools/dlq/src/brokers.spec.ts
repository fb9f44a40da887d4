import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBrokers } from './brokers.js';
import { DlqError } from './errors.js';

describe('resolveBrokers', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dlq-brokers-'));
  const emptyDir = path.join(dataDir, 'empty');
  writeFileSync(
    path.join(dataDir, 'infra.env'),
    'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\nKAFKA_BROKERS=127.0.0.1:19092\n',
  );

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes KAFKA_BROKERS from the environment first', () => {
    expect(resolveBrokers({ KAFKA_BROKERS: 'k1:9092, k2:9093', INFRA_DATA_DIR: dataDir })).toEqual([
      'k1:9092',
      'k2:9093',
    ]);
  });

  it('else reads the KAFKA_BROKERS= line that `npm run infra:up` wrote', () => {
    expect(resolveBrokers({ INFRA_DATA_DIR: dataDir })).toEqual(['127.0.0.1:19092']);
  });

  it('else tells the user to run infra:up or set KAFKA_BROKERS', () => {
    expect(() => resolveBrokers({ INFRA_DATA_DIR: emptyDir })).toThrow(DlqError);
    expect(() => resolveBrokers({ INFRA_DATA_DIR: emptyDir })).toThrow(
      /set KAFKA_BROKERS=host:port.* or run `npm run infra:up`/,
    );
  });

  it('names a malformed broker and where it came from', () => {
    expect(() => resolveBrokers({ KAFKA_BROKERS: 'localhost', INFRA_DATA_DIR: emptyDir })).toThrow(
      'KAFKA_BROKERS has "localhost", which is not host:port (KAFKA_BROKERS from the environment)',
    );
  });
});
