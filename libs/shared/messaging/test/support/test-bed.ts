import { afterAll, beforeAll } from 'vitest';
import {
  createMessagingTestBed,
  testContracts,
  type MessagingTestBed,
  type TestContracts,
} from '../../src/testing/index.js';

/**
 * The test bed of one spec file, made before its tests and closed after them: a database and Kafka
 * client of its own (`createMessagingTestBed`), and the test contracts' topic with `partitions`.
 * `bed()` is the bed once the file's `beforeAll` has run.
 */
export function testBedPerFile(partitions = 1): { contracts: TestContracts; bed: () => MessagingTestBed } {
  const contracts = testContracts();
  let current: MessagingTestBed | undefined;
  beforeAll(async () => {
    current = await createMessagingTestBed();
    await current.createTopic(contracts.topic, partitions);
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    contracts,
    bed: () => {
      if (!current) throw new Error('the test bed is made in beforeAll');
      return current;
    },
  };
}
