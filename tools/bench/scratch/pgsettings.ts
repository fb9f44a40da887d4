import { acquireInfra } from '@platform/infra';
import pg from 'pg';
const lease = await acquireInfra('scratch', { log: (l) => console.error(l) });
try {
  const c = new pg.Client({ connectionString: lease.endpoints.databaseUrl });
  await c.connect();
  for (const s of ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections', 'full_page_writes', 'wal_level'])
    console.log(s, (await c.query(`SHOW ${s}`)).rows[0]);
  await c.end();
} finally { await lease.release(); }
