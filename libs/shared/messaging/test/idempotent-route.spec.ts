import 'reflect-metadata';
import {
  Body,
  Controller,
  Global,
  Inject,
  Injectable,
  Module,
  Post,
  Res,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { applyValidation, DomainError } from '@platform/validation';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetIdempotentRequests,
  IdempotentRequestsModule,
  idempotentRequestSubscribers,
  IdempotentRoute,
  purgeIdempotentRequests,
} from '../src/index.js';
import { createMessagingTestBed, type MessagingTestBed } from '../src/testing/index.js';

/** Holds a note's handler until the test lets it go: a slow upstream, or two requests side by side. */
class Gates {
  private readonly entered = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly open = new Set<string>();
  held = new Set<string>();

  async pass(text: string): Promise<void> {
    this.entered.set(text, (this.entered.get(text) ?? 0) + 1);
    if (!this.held.has(text) || this.open.has(text)) return;
    await new Promise<void>((resolve) => this.waiting.set(text, [...(this.waiting.get(text) ?? []), resolve]));
  }

  async until(text: string, count: number): Promise<void> {
    while ((this.entered.get(text) ?? 0) < count) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  release(text: string): void {
    this.open.add(text);
    for (const resolve of this.waiting.get(text) ?? []) resolve();
  }
}

const gates = new Gates();
/** Whether notes may be written; a closed notebook is a 4xx before any transaction. */
const notebook = { open: true };

/** Stands in for GatewayIdentityGuard: the caller's id from a header. */
@Injectable()
class TestIdentityGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; identity?: object }>();
    const userId = request.headers['x-test-user'];
    if (userId) request.identity = { userId };
    return true;
  }
}

@Controller('notes')
@UseGuards(TestIdentityGuard)
class NotesController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Post()
  @IdempotentRoute()
  async create(
    @Body() body: { text: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; text: string }> {
    if (!notebook.open) throw new DomainError('NOTE.NOTEBOOK_CLOSED', 'business_rule', 'The notebook is closed.');
    await gates.pass(body.text);
    const id = randomUUID();
    await this.dataSource.transaction((manager) =>
      manager.query(`INSERT INTO note (id, text) VALUES ($1, $2)`, [id, body.text]),
    );
    // A failure after the commit (a step outside the transaction): the effect happened all the same.
    if (body.text === 'fails after commit') throw new Error('the step after the commit failed');
    reply.header('location', `/notes/${id}`);
    return { id, text: body.text };
  }
}

describe('@IdempotentRoute', () => {
  let bed: MessagingTestBed;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    bed = await createMessagingTestBed({ subscribers: idempotentRequestSubscribers });
    await bed.dataSource.query(`CREATE TABLE note (id uuid PRIMARY KEY, text text NOT NULL)`);
    const dataSource = bed.dataSource;
    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class DatabaseModule {}
    @Module({ imports: [DatabaseModule, IdempotentRequestsModule.forRoot()], controllers: [NotesController] })
    class AppModule {}
    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false });
    applyValidation(app);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await bed?.close();
  });
  beforeEach(() => {
    notebook.open = true;
  });

  const post = (text: string, key: string, extra: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...extra },
      body: JSON.stringify({ text }),
      signal,
    });
  const answer = async (response: Response) => ({
    status: response.status,
    location: response.headers.get('location'),
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  });
  const notes = async (text: string): Promise<number> =>
    ((await bed.dataSource.query(`SELECT count(*)::int AS n FROM note WHERE text = $1`, [text])) as { n: number }[])[0]!
      .n;
  const stored = async (): Promise<Array<{ subject: string | null; response_status: number | null }>> =>
    bed.dataSource.query(`SELECT subject, response_status FROM messaging_idempotent_request`);
  /** Waits until the answer naming `text` is stored (the row's key is a hash the test does not compute). */
  const completed = async (text: string): Promise<void> => {
    for (let poll = 0; poll < 250; poll += 1) {
      const rows = (await bed.dataSource.query(
        `SELECT 1 FROM messaging_idempotent_request WHERE completed_at IS NOT NULL AND strpos(response_body, $1) > 0`,
        [text],
      )) as unknown[];
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no answer naming ${text} was stored`);
  };

  it('runs a request once per key: the retry gets the first answer, replayed, and writes nothing', async () => {
    const key = randomUUID();
    const first = await answer(await post('once', key));
    const second = await post('once', key);

    expect(first.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await answer(second)).toEqual(first);
    expect(await notes('once')).toBe(1);
  });

  it('answers the retry of a request whose answer was lost (the gateway gave up) with the stored answer', async () => {
    const key = randomUUID();
    gates.held.add('lost');
    const gaveUp = new AbortController();
    const first = post('lost', key, {}, gaveUp.signal).catch((error: unknown) => error);
    await gates.until('lost', 1);
    gaveUp.abort(); // the gateway's timeout: the client never sees this answer
    expect(await first).toBeInstanceOf(Error);
    gates.release('lost'); // the upstream goes on and commits
    await completed('lost');

    const retry = await post('lost', key);
    const replayed = await answer(retry);

    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.status).toBe(201);
    expect(replayed.location).toMatch(/^\/notes\//);
    expect(await notes('lost')).toBe(1);
  });

  it('lets one of two concurrent requests with the same key write; the other answers as the first did', async () => {
    const key = randomUUID();
    gates.held.add('twice');
    const both = [post('twice', key), post('twice', key)];
    await gates.until('twice', 2); // both past the lookup, inside the handler
    gates.release('twice');
    const answers = await Promise.all(both.map(async (response) => answer(await response)));

    expect(await notes('twice')).toBe(1);
    const created = answers.filter((one) => one.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const one of answers) {
      if (one.status === 409) expect(JSON.parse(one.body)).toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });
      else expect(one).toEqual(created[0]);
    }
  });

  it('answers the retry of a request that committed and then failed with the same failure, not a second effect', async () => {
    const key = randomUUID();
    const failed = await answer(await post('fails after commit', key));
    const retry = await post('fails after commit', key);

    expect(failed.status).toBe(500);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await answer(retry)).toEqual(failed);
    expect(await notes('fails after commit')).toBe(1);
  });

  it('tells the retry of a request whose process died after its commit: in progress at first, then answer lost', async () => {
    const key = randomUUID();
    expect((await post('died', key)).status).toBe(201);
    // As a SIGKILL between the commit and the answer leaves it: the key recorded, no answer.
    const forget = `UPDATE messaging_idempotent_request
        SET response_status = NULL, response_headers = NULL, response_body = NULL, completed_at = NULL
      WHERE strpos(response_body, '"died"') > 0 RETURNING key`;
    const [[row]] = (await bed.dataSource.query(forget)) as [{ key: string }[], number];

    const soon = await post('died', key);
    expect(soon.status).toBe(409);
    expect(soon.headers.get('retry-after')).toBe('1');
    expect(await soon.json()).toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });

    await bed.dataSource.query(
      `UPDATE messaging_idempotent_request SET created_at = now() - interval '31 seconds' WHERE key = $1`,
      [row!.key],
    );
    const late = await post('died', key);
    expect(late.status).toBe(409);
    expect(late.headers.get('retry-after')).toBeNull();
    expect(await late.json()).toMatchObject({ code: 'IDEMPOTENCY.ANSWER_LOST' });
    expect(await notes('died')).toBe(1);
  });

  it('remembers nothing of a request that wrote nothing, so its retry runs again', async () => {
    const key = randomUUID();
    notebook.open = false;
    const refused = await post('refused', key);
    expect(refused.status).toBe(422);
    const before = (await stored()).length;

    notebook.open = true;
    const retry = await post('refused', key);

    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await notes('refused')).toBe(1);
    expect((await stored()).length).toBe(before + 1); // the successful retry is the one remembered
  });

  it('refuses the same key with another body (422) and writes nothing', async () => {
    const key = randomUUID();
    expect((await post('original', key)).status).toBe(201);
    const other = await post('another', key);

    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await notes('another')).toBe(0);
  });

  it("scopes keys to their caller: another user's same key is another request", async () => {
    const key = randomUUID();
    const ann = await post('per-caller', key, { 'x-test-user': randomUUID() });
    const bob = await post('per-caller', key, { 'x-test-user': randomUUID() });

    expect([ann.status, bob.status]).toEqual([201, 201]);
    expect(bob.headers.get('idempotent-replayed')).toBeNull();
    expect(await notes('per-caller')).toBe(2);
  });

  it('forgets keys past the retention, and the requests of an erased person', async () => {
    const ann = randomUUID();
    const bob = randomUUID();
    expect((await post('by-ann', randomUUID(), { 'x-test-user': ann })).status).toBe(201);
    expect((await post(`naming ${ann}`, randomUUID())).status).toBe(201); // no caller, but the answer names Ann
    expect((await post('by-bob', randomUUID(), { 'x-test-user': bob })).status).toBe(201);
    const old = randomUUID();
    expect((await post('old', old)).status).toBe(201);
    await bed.dataSource.query(
      `UPDATE messaging_idempotent_request SET created_at = now() - interval '25 hours' WHERE strpos(response_body, '"old"') > 0`,
    );
    const before = (await stored()).length;

    const forgotten = await bed.dataSource.transaction((manager) => forgetIdempotentRequests(manager, ann));
    const purged = await purgeIdempotentRequests(bed.dataSource.manager);

    expect(forgotten).toBe(2);
    expect(purged).toBe(1);
    const left = await stored();
    expect(left.length).toBe(before - 3);
    expect(left.some((row) => row.subject === ann)).toBe(false);
    expect(left.some((row) => row.subject === bob)).toBe(true);
    // The old key is free again: the same request runs anew.
    expect((await post('old', old)).headers.get('idempotent-replayed')).toBeNull();
    expect(await notes('old')).toBe(2);
  });
});
