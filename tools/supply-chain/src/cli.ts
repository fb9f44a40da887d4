/**
 * `npm run sbom`: writes the CycloneDX SBOM of the production dependencies to dist/sbom/ and checks
 * it against package-lock.json (exit 1 on any problem).
 * `npm run audit:prod`: npm audit over the production dependencies; exit 1 on a critical advisory,
 * 0 with a SKIPPED line when the advisory service cannot be reached (exit 1 then too with
 * AUDIT_REQUIRE_SERVICE=true, for a CI that must scan).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runProductionAudit } from './audit.js';
import { describeVerdict, judgeAudit } from './audit-verdict.js';
import { devOnlyPackages, productionPackages } from './lockfile.js';
import { readLockfile, repositoryRoot } from './repository.js';
import { type CycloneDxBom, sbomProblems } from './sbom-check.js';
import { SBOM_FILE, writeSbom } from './sbom.js';

const say = (prefix: string, line: string) => void process.stdout.write(`${prefix} | ${line}\n`);

async function sbom(): Promise<number> {
  const file = path.join(repositoryRoot, SBOM_FILE);
  await writeSbom(file);
  const lock = await readLockfile();
  const bom = JSON.parse(await readFile(file, 'utf8')) as CycloneDxBom;
  const problems = sbomProblems(bom, lock);
  for (const problem of problems) process.stderr.write(`sbom | ${problem}\n`);
  if (problems.length > 0) return 1;
  say(
    'sbom',
    `wrote ${SBOM_FILE}: CycloneDX ${bom.specVersion}, ${bom.components?.length} production components ` +
      `(${devOnlyPackages(lock).length} dev-only packages left out)`,
  );
  return 0;
}

async function audit(): Promise<number> {
  const lock = await readLockfile();
  const verdict = judgeAudit(await runProductionAudit(), lock);
  for (const line of describeVerdict(verdict, productionPackages(lock).length)) say('audit:prod', line);
  if (verdict.outcome === 'skipped') {
    if (process.env['AUDIT_REQUIRE_SERVICE'] !== 'true') return 0;
    say('audit:prod', 'AUDIT_REQUIRE_SERVICE=true: a scan that could not run fails');
    return 1;
  }
  return verdict.outcome === 'passed' ? 0 : 1;
}

const commands: Record<string, () => Promise<number>> = { sbom, audit };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write(`usage: cli.ts ${Object.keys(commands).join('|')}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await command();
}
