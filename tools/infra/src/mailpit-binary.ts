import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors.js';
import { repoRoot } from './paths.js';
import { onPath, run } from './process.js';

/** The Go module and version of Mailpit that tools/infra/mailpit.json pins (ensure-prerequisites.mjs reads it too). */
export function declaredMailpit(): { module: string; version: string } {
  const file = path.join(repoRoot, 'tools', 'infra', 'mailpit.json');
  const declared = JSON.parse(readFileSync(file, 'utf8')) as { module?: string; version?: string };
  if (!declared.module || !declared.version) throw new InfraError(`${file} needs "module" and "version"`);
  return { module: declared.module, version: declared.version };
}

/** Where the built Mailpit lives: `.tools/mailpit-<version>/mailpit` (git-ignored; `LOCAL_TOOLS_DIR` moves .tools). */
export function mailpitBinPath(env: NodeJS.ProcessEnv = process.env): string {
  const toolsDir = path.resolve(env['LOCAL_TOOLS_DIR'] ?? path.join(repoRoot, '.tools'));
  return path.join(toolsDir, `mailpit-${declaredMailpit().version}`, 'mailpit');
}

/** True when the pinned Mailpit has been built already. */
export function mailpitPresent(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(mailpitBinPath(env));
}

/**
 * Builds the pinned Mailpit from the Go module proxy once (`go get -tool` in a scratch module, then
 * `go build`, about a minute), in a temporary folder renamed into place, so a half build is never used.
 * Its web UI's assets are not in the module (they are built with npm in Mailpit's repository): the
 * SMTP server and the REST API work, the UI page loads empty.
 */
export async function ensureMailpitBinary(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const bin = mailpitBinPath(env);
  if (existsSync(bin)) return bin;
  if (!(await onPath('go'))) {
    throw new InfraError(
      'Go is needed once to build Mailpit (the SMTP server that captures e-mails) from the Go module proxy: install it (https://go.dev/dl, Debian: apt-get install golang)',
    );
  }
  const { module, version } = declaredMailpit();
  const target = path.dirname(bin);
  mkdirSync(path.dirname(target), { recursive: true });
  log(
    `Mailpit: building ${module}@${version} from the Go module proxy into ${path.relative(process.cwd(), target) || target} (once, about a minute)`,
  );
  const scratch = mkdtempSync(`${target}.build-`);
  try {
    writeFileSync(path.join(scratch, 'go.mod'), 'module mailpitbuild\n\ngo 1.24\n');
    const goEnv = { ...process.env, ...env, GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' };
    await run('go', ['get', '-tool', `${module}@${version}`], { cwd: scratch, env: goEnv });
    await run('go', ['build', '-o', path.join(scratch, 'out', 'mailpit'), module], { cwd: scratch, env: goEnv });
    rmSync(target, { recursive: true, force: true });
    renameSync(path.join(scratch, 'out'), target);
  } catch (error) {
    throw new InfraError(`building Mailpit with Go failed: ${(error as Error).message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return bin;
}
