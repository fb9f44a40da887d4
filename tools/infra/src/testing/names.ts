import { randomBytes } from 'node:crypto';

/**
 * A name no other test file or parallel run will pick: `<prefix>_<time>_<random>`, lower case,
 * letters, digits and underscores only, at most 63 characters (PostgreSQL's identifier limit).
 * Valid as a database, schema, Kafka topic and consumer group name.
 */
export function uniqueName(prefix = 'test'): string {
  const clean =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'test';
  const suffix = `${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
  return `${clean.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}
