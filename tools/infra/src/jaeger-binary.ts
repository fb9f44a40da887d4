import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors.js';
import { repoRoot } from './paths.js';
import { onPath, run } from './process.js';

/** The Go module and version of Jaeger that tools/infra/jaeger.json pins (ensure-prerequisites.mjs reads it too). */
export function declaredJaeger(): { module: string; version: string } {
  const file = path.join(repoRoot, 'tools', 'infra', 'jaeger.json');
  const declared = JSON.parse(readFileSync(file, 'utf8')) as { module?: string; version?: string };
  if (!declared.module || !declared.version) throw new InfraError(`${file} needs "module" and "version"`);
  return { module: declared.module, version: declared.version };
}

/** Where the built Jaeger lives: `.tools/jaeger-<version>/jaeger` (git-ignored; `LOCAL_TOOLS_DIR` moves .tools). */
export function jaegerBinPath(env: NodeJS.ProcessEnv = process.env): string {
  const toolsDir = path.resolve(env['LOCAL_TOOLS_DIR'] ?? path.join(repoRoot, '.tools'));
  return path.join(toolsDir, `jaeger-${declaredJaeger().version}`, 'jaeger');
}

/** True when the pinned Jaeger has been built already. */
export function jaegerPresent(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(jaegerBinPath(env));
}

/**
 * Builds the pinned Jaeger (v2, an OpenTelemetry Collector distribution) from the Go module proxy
 * once: `go get -tool` in a scratch module, then `go build`, in a temporary folder renamed into
 * place, so a half build is never used. It compiles the whole collector (several hundred packages),
 * which takes minutes; `-p=1` and a low priority leave the machine usable meanwhile. Its web UI is
 * a placeholder page (the UI's assets come from another build); the query API is complete.
 */
export async function ensureJaegerBinary(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const bin = jaegerBinPath(env);
  if (existsSync(bin)) return bin;
  if (!(await onPath('go'))) {
    throw new InfraError(
      'Go is needed once to build Jaeger (where the services send their traces) from the Go module proxy: install it (https://go.dev/dl)',
    );
  }
  const { module, version } = declaredJaeger();
  const target = path.dirname(bin);
  mkdirSync(path.dirname(target), { recursive: true });
  log(
    `Jaeger: building ${module}@${version} from the Go module proxy into ${path.relative(process.cwd(), target) || target} ` +
      '(once; it compiles the whole OpenTelemetry Collector, about 5 to 10 minutes on 2 cores)',
  );
  const scratch = mkdtempSync(`${target}.build-`);
  try {
    writeFileSync(path.join(scratch, 'go.mod'), 'module jaegerbuild\n\ngo 1.24\n');
    const goEnv = { ...process.env, ...env, GOFLAGS: '-buildvcs=false -p=1', CGO_ENABLED: '0' };
    await run('go', ['get', '-tool', `${module}@${version}`], { cwd: scratch, env: goEnv });
    const out = path.join(scratch, 'out', 'jaeger');
    await run('nice', ['-n', '10', 'go', 'build', '-o', out, module], { cwd: scratch, env: goEnv });
    rmSync(target, { recursive: true, force: true });
    renameSync(path.join(scratch, 'out'), target);
  } catch (error) {
    throw new InfraError(`building Jaeger with Go failed: ${(error as Error).message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return bin;
}
