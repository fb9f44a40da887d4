/**
 * `npm run data:catalogue`: migrates a scratch database per service on the local PostgreSQL
 * (started or reused as for the tests), reads the personal-data marks of every column and writes
 * docs/data/personal-data.md. Exits 1 without writing when a personal-looking column is unmarked
 * or a mark does not parse.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { acquireInfra, repoRoot } from '@platform/infra';
import { CATALOGUE_FILE, catalogueProblems, renderCatalogue } from './catalogue.js';
import { claimsToBeMark } from './marks.js';
import { readAllServices } from './schema.js';

const say = (line: string) => void process.stdout.write(`${line}\n`);
const lease = await acquireInfra('data:catalogue', { log: (line) => say(`infra | ${line}`) });
try {
  const services = await readAllServices((service) => say(`data:catalogue | migrating ${service}`));
  const problems = catalogueProblems(services);
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    process.stderr.write(`data:catalogue: ${problems.length} problem(s); ${CATALOGUE_FILE} is unchanged\n`);
    process.exitCode = 1;
  } else {
    await writeFile(path.join(repoRoot, CATALOGUE_FILE), await renderCatalogue(services));
    const marked = services.map(
      ({ service, columns }) => `${service} ${columns.filter((c) => claimsToBeMark(c.comment)).length} marked`,
    );
    say(`data:catalogue | wrote ${CATALOGUE_FILE} (${marked.join(', ')})`);
  }
} finally {
  await lease.release();
}
