import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parsePersonalDataMark, placesOf, searchDatabase, type TestDatabase } from './index.js';

// The search an erasure test runs over a service's database, against a real PostgreSQL.
describe('searchDatabase', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('database_search');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`
      CREATE TABLE people (id uuid PRIMARY KEY, email varchar(200), display_name text, initials char(8), age int);
      COMMENT ON COLUMN people.email IS 'personal: purpose=log-in name; retention=while the account exists; erasure=delete';
      CREATE TABLE invoices (business_id int, number int, customer_name text, lines jsonb, tags text[],
                             PRIMARY KEY (business_id, number));
      COMMENT ON COLUMN invoices.customer_name IS 'personal: purpose=addressee; retention=10 years; erasure=keep-legal-record';
      COMMENT ON COLUMN invoices.tags IS 'free tags';
      CREATE TABLE events_log (payload json);
      CREATE SCHEMA audit;
      CREATE TABLE audit.entries (id bigint PRIMARY KEY, detail text);
      CREATE TABLE readings (at date NOT NULL, note text) PARTITION BY RANGE (at);
      CREATE TABLE readings_2026 PARTITION OF readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      CREATE VIEW people_view AS SELECT * FROM people;
      INSERT INTO people VALUES ('0192f0c1-7a4e-7c3b-8f00-1234567890ab', 'Ada_L@Example.com', 'Ada Lovelace', 'AL', 36),
                                ('0192f0c1-7a4e-7c3b-8f00-1234567890ac', 'adaxl@example.com', 'Charles Babbage', 'CB', 79);
      INSERT INTO invoices VALUES (7, 1, 'Ada Lovelace', '[{"description": "Notes for ada_l@example.com"}]', '{vip,ada lovelace}');
      INSERT INTO events_log VALUES ('{"email": "ADA_L@EXAMPLE.COM"}');
      INSERT INTO audit.entries VALUES (42, 'erased ada_l@example.com at her request');
      INSERT INTO readings VALUES ('2026-03-04', 'met Ada Lovelace');
    `);
    await client.end();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('finds a needle in any case in every text, character, JSON and array column of every schema', async () => {
    const hits = await searchDatabase(database.url, ['ada_l@example.com']);
    expect(placesOf(hits)).toEqual(['audit.entries.detail', 'events_log.payload', 'invoices.lines', 'people.email']);
    // `_` is no wildcard: adaxl@example.com is not a hit.
    expect(hits.filter((hit) => hit.table === 'people')).toHaveLength(1);
  });

  it('names the row by its primary key, or its ctid without one, with an excerpt around the match', async () => {
    const hits = await searchDatabase(database.url, ['Ada Lovelace']);
    expect(placesOf(hits)).toEqual(['invoices.customer_name', 'invoices.tags', 'people.display_name', 'readings.note']);
    expect(hits.find((hit) => hit.table === 'people')).toMatchObject({
      needle: 'Ada Lovelace',
      schema: 'public',
      row: 'id=0192f0c1-7a4e-7c3b-8f00-1234567890ab',
      excerpt: 'Ada Lovelace',
    });
    expect(hits.find((hit) => hit.column === 'customer_name')!.row).toBe('business_id=7, number=1');
    // A partitioned table is searched once, through its parent.
    expect(hits.filter((hit) => hit.table.startsWith('readings'))).toEqual([
      expect.objectContaining({ table: 'readings', row: expect.stringMatching(/^ctid=\(\d+,\d+\)$/) }),
    ]);
    const long = await searchDatabase(database.url, ['her request']);
    expect(long[0]!.excerpt).toBe('erased ada_l@example.com at her request');
  });

  it('gives each hit its column’s personal-data mark, so a caller can allow legal records only', async () => {
    const hits = await searchDatabase(database.url, ['Ada Lovelace', 'ada_l@example.com']);
    expect(hits.find((hit) => hit.column === 'customer_name')).toMatchObject({
      personal: { purpose: 'addressee', retention: '10 years', erasure: 'keep-legal-record' },
    });
    expect(hits.find((hit) => hit.column === 'email')!.personal).toEqual({
      purpose: 'log-in name',
      retention: 'while the account exists',
      erasure: 'delete',
    });
    expect(hits.find((hit) => hit.column === 'tags')).toMatchObject({ comment: 'free tags', personal: null });
    const unlawful = hits.filter((hit) => hit.personal?.erasure !== 'keep-legal-record');
    expect(placesOf(unlawful)).toEqual([
      'audit.entries.detail',
      'events_log.payload',
      'invoices.lines',
      'invoices.tags',
      'people.display_name',
      'people.email',
      'readings.note',
    ]);
  });

  it('reports each needle found, searches a connected client and leaves it connected', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const hits = await searchDatabase(client, ['charles babbage', 'nobody@example.com', 'CB']);
      expect(hits.map((hit) => `${hit.needle} ${hit.table}.${hit.column}`)).toEqual([
        'charles babbage people.display_name',
        'CB people.initials',
      ]);
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
    await expect(searchDatabase(database.url, ['ada', ''])).rejects.toThrow(/empty needle/);
  });

  it('reads only `personal:` comments as marks', () => {
    expect(parsePersonalDataMark('personal: purpose=a; erasure=anonymise')).toEqual({
      purpose: 'a',
      erasure: 'anonymise',
    });
    expect(parsePersonalDataMark('not personal: erasure=delete')).toBeNull();
    expect(parsePersonalDataMark(null)).toBeNull();
  });
});
