import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runProductionAudit } from '../src/audit.js';
import { judgeAudit } from '../src/audit-verdict.js';
import { type Lockfile } from '../src/lockfile.js';
import { readLockfile } from '../src/repository.js';

// The real `npm audit` over this repository's lockfile, pointed at an advisory service on loopback
// that answers the registry's bulk advisory endpoint the way the public registry does.
type Answer = { status: number; body?: unknown };

let server: Server;
let registry: string;
let answer: Answer;
let posted: Record<string, string[]> | undefined;
let cache: string;
let lock: Lockfile;

beforeAll(async () => {
  lock = await readLockfile();
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/-/npm/v1/security/advisories/bulk') {
        posted = JSON.parse(gunzipIfNeeded(Buffer.concat(chunks))) as Record<string, string[]>;
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      } else {
        // Packuments (npm asks for them to compute fixes): not served, as for an unknown package.
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(async () => {
  posted = undefined;
  await rm(cache, { recursive: true, force: true });
});

function gunzipIfNeeded(body: Buffer): string {
  // npm gzips the bulk request body.
  return body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body).toString('utf8') : body.toString('utf8');
}

async function audit() {
  // A fresh cache each time: npm would otherwise answer from an earlier response.
  cache = await mkdtemp(path.join(tmpdir(), 'npm-audit-cache-'));
  return judgeAudit(await runProductionAudit({ registry, npmArgs: [`--cache=${cache}`, '--fetch-retries=0'] }), lock);
}

const advisory = (severity: string) => ({
  uuid: [
    {
      id: 1099999,
      url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
      title: 'Code execution in uuid (test advisory)',
      severity,
      vulnerable_versions: '<99.0.0',
      cwe: ['CWE-94'],
      cvss: { score: 9.8, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    },
  ],
});

describe('npm audit of the production dependencies', () => {
  it('fails on a critical advisory against a production package, naming its installed version', async () => {
    answer = { status: 200, body: advisory('critical') };

    const verdict = await audit();

    expect(verdict).toMatchObject({
      outcome: 'failed',
      findings: [
        {
          name: 'uuid',
          versions: [lock.packages['node_modules/uuid']!.version],
          advisories: [{ id: 'GHSA-aaaa-bbbb-cccc', range: '<99.0.0' }],
        },
      ],
    });
  });

  it('passes when the worst advisory is high, having asked about production packages only', async () => {
    answer = { status: 200, body: advisory('high') };

    expect(await audit()).toMatchObject({ outcome: 'passed', counts: { high: 1, critical: 0 } });
    expect(posted).toHaveProperty('kafkajs');
    expect(posted).toHaveProperty('uuid');
    expect(posted).not.toHaveProperty('vitest');
    expect(posted).not.toHaveProperty('@cyclonedx/cyclonedx-npm');
  });

  it('skips when the service refuses the endpoint (405, like the registry here)', async () => {
    answer = { status: 405 };

    expect(await audit()).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('405') });
  });

  it('skips when nothing listens where the service should be', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    cache = await mkdtemp(path.join(tmpdir(), 'npm-audit-cache-'));

    const run = await runProductionAudit({
      registry: `http://127.0.0.1:${port}/`,
      npmArgs: [`--cache=${cache}`, '--fetch-retries=0'],
    });

    expect(judgeAudit(run, lock)).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
