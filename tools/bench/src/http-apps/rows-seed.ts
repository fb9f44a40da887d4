// The table behind GET /rows/:id, made by the benchmark (and the peer's spec) in a database of its own.
import type pg from 'pg';

/** Creates `bench_rows` with `count` rows whose JSON answer is about 1 KB each, and analyses it. */
export async function seedRows(client: pg.ClientBase, count: number): Promise<void> {
  await client.query(
    `CREATE TABLE bench_rows (id integer PRIMARY KEY, name text NOT NULL, updated_at timestamptz NOT NULL, payload jsonb NOT NULL)`,
  );
  // ≈ 1 KB once serialised: a name, a timestamp and a payload of tags, counters and a note.
  await client.query(
    `INSERT INTO bench_rows (id, name, updated_at, payload)
     SELECT i, 'row ' || i, now() - i * interval '1 minute',
            jsonb_build_object(
              'status', (ARRAY['draft', 'issued', 'paid'])[1 + i % 3],
              'tags', (SELECT jsonb_agg('tag-' || ((i + t) % 97)) FROM generate_series(1, 16) t),
              'counters', (SELECT jsonb_object_agg('c' || t, (i * t) % 1000) FROM generate_series(1, 16) t),
              'note', repeat(md5(i::text), 18))
     FROM generate_series(1, $1::integer) i`,
    [count],
  );
  await client.query('ANALYZE bench_rows');
}
