import { createContractRegistry, defineEvent, type ContractRegistry, type EventContract } from '@platform/contracts';
import { randomBytes } from 'node:crypto';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';

/** Payload of the test event: a note and its position in a sequence, to check order. */
export class TestNoteAddedV1 {
  @IsString()
  @MaxLength(200)
  text!: string;

  @IsInt()
  @Min(0)
  sequence!: number;
}

/** A contract family of one test's own, so parallel test files never share a topic. */
export interface TestContracts {
  registry: ContractRegistry;
  /** `<family>.note.added` v1, on `topic`. */
  noteAdded: EventContract<string, 1, TestNoteAddedV1>;
  topic: string;
  /** The family's domain, to recreate the contracts elsewhere. */
  domain: string;
}

/**
 * A fresh event family (`t<random>.note.added` on `t<random>.note.v1`) and its registry; pass the
 * `domain` of an existing family to get the same contracts again (in a child process).
 */
export function testContracts(domain = `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}`): TestContracts {
  const family = `${domain}.note`;
  const noteAdded = defineEvent({
    type: `${family}.added`,
    version: 1,
    topic: `${family}.v1`,
    payload: TestNoteAddedV1,
    example: { text: 'hello', sequence: 0 },
    description: 'A note was added (tests only).',
  });
  return { registry: createContractRegistry([noteAdded]), noteAdded, topic: noteAdded.topic, domain };
}
