import { eventually } from '@platform/infra/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddMemberUseCase } from '../../src/application/add-member.use-case.js';
import { EraseUserUseCase } from '../../src/application/erase-user.use-case.js';
import type { UnitOfWork } from '../../src/application/ports/unit-of-work.port.js';
import { createBusinessTestBed, type BusinessTestBed } from '../support/business-test-bed.js';

// The erasure against the other use cases that read the directory, on PostgreSQL (no Kafka).
describe('erasing a user (use case on PostgreSQL)', () => {
  let bed: BusinessTestBed;
  const eraseUser = new EraseUserUseCase();

  beforeAll(async () => {
    bed = await createBusinessTestBed('business_uc_erasure');
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  const erase = (userId: string) =>
    bed.unitOfWork.run((tx) =>
      eraseUser.execute({ erasureId: uuidv7(), userId, requestedAt: new Date().toISOString() }, tx),
    );
  const recordsChanged = async (userId: string) =>
    (await bed.outboxRecords('business.erasure.completed'))
      .filter((record) => record.key === userId)
      .map((record) => (record.envelope.payload as { recordsChanged: number }).recordsChanged);

  it('waits for a member being added at the same moment, then anonymises the event that adding published', async () => {
    const owner = await bed.registerUser();
    const { business } = await bed.useCases.createBusiness.execute({ actor: owner, name: 'Team', currency: 'EUR' });
    const grace = await bed.registerUser({ displayName: 'Grace Hopper' });

    // AddMember does all its work (directory read, membership, business.member.added), then waits
    // for `release` before committing, while the erasure starts.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const pausedBeforeCommit: UnitOfWork = {
      run: (work) =>
        bed.unitOfWork.run(async (tx) => {
          const result = await work(tx);
          await released;
          return result;
        }),
    };
    const adding = new AddMemberUseCase(pausedBeforeCommit).execute({
      actor: owner,
      businessId: business.id,
      email: grace.email,
      role: 'viewer',
    });
    await eventually('the member added, not committed', async () => {
      const rows: unknown[] = await bed.dataSource.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
      );
      return rows.length === 1;
    });
    const erasing = erase(grace.userId);
    try {
      await eventually('the erasure waiting for the directory row', async () => {
        const rows: unknown[] = await bed.dataSource.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows.length === 1;
      });
    } finally {
      release();
    }
    await adding;
    await erasing;

    const added = (await bed.outboxRecords('business.member.added')).filter(
      (record) => (record.envelope.payload as { userId: string }).userId === grace.userId,
    );
    expect(added.map((record) => record.envelope.payload)).toEqual([
      expect.objectContaining({ email: 'erased@erased.invalid', displayName: 'Erased user' }),
    ]);
    expect(await recordsChanged(grace.userId)).toEqual([2]);
  }, 60_000);

  it('refuses an erased user as the creator of a business or as a new member, and confirms a second erasure with 0', async () => {
    const owner = await bed.registerUser();
    const { business } = await bed.useCases.createBusiness.execute({ actor: owner, name: 'Team', currency: 'EUR' });
    const ada = await bed.registerUser();
    await erase(ada.userId);
    await expect(
      bed.useCases.createBusiness.execute({ actor: ada, name: 'Ada Ltd', currency: 'EUR' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.USER_NOT_IN_DIRECTORY' });
    await expect(
      bed.useCases.addMember.execute({ actor: owner, businessId: business.id, email: ada.email, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'BUSINESS.MEMBER_NOT_IN_DIRECTORY' });
    // A user not erased may take the marker address for real: only live users' addresses are unique.
    const other = await bed.registerUser({ email: 'erased@erased.invalid' });
    await erase(other.userId);
    await erase(ada.userId);
    expect(await recordsChanged(ada.userId)).toEqual([1, 0]);
    expect(await recordsChanged(other.userId)).toEqual([1]);
  }, 60_000);
});
