import { describe, expect, it } from 'vitest';
import { publishedContracts } from '../src/registry/published-contracts.js';
import { describeIncompatibility, findIncompatibilities } from './schema/compare-schemas.js';
import { contractsSchema } from './schema/derive-schema.js';
import { readSnapshot, UPDATE_FLAG, writeSnapshot } from './schema/snapshot-file.js';

const published = readSnapshot();
const current = contractsSchema(publishedContracts.contracts);

describe('published contracts', () => {
  it('stay compatible with contracts.snapshot.json', async () => {
    const problems = findIncompatibilities(published, current).map(describeIncompatibility);
    // Checked before writing: updating the snapshot must never launder a breaking change.
    expect(problems, problems.join('\n')).toEqual([]);
    if (process.env[UPDATE_FLAG] === '1') await writeSnapshot(current);
  });

  it('are all recorded in contracts.snapshot.json', () => {
    // In update mode the first test has just written the file: read what it wrote.
    const recorded = process.env[UPDATE_FLAG] === '1' ? readSnapshot() : published;
    const unrecorded = Object.keys(current).filter((key) => !(key in recorded));
    const hint = `record new contracts with ${UPDATE_FLAG}=1 npx nx test contracts: ${unrecorded.join(', ')}`;
    expect(unrecorded, hint).toEqual([]);
  });
});
