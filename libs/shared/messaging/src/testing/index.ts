export { createMessagingTestBed } from './messaging-test-bed.js';
export type { MessagingTestBed, MessagingTestBedOptions } from './messaging-test-bed.js';
export { testContracts, TestNoteAddedV1 } from './test-contracts.js';
export type { TestContracts } from './test-contracts.js';
