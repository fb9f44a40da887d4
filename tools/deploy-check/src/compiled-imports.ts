import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const builtins = new Set(builtinModules);
/** Entries copied into dist/ that an image never runs: register.mjs loads TypeScript through swc-node (a dev tool). */
const SOURCE_TREE_ONLY = new Set(['register.mjs']);

/** The npm package a bare import specifier names (`@scope/name/sub` → `@scope/name`), or undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtins.has(name) ? undefined : name;
}

/** Every npm package the compiled JavaScript under `dir` imports or requires by name. */
export function compiledImports(dir: string): Set<string> {
  const packages = new Set<string>();
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.(m?js)$/.test(entry.name)) {
        if (SOURCE_TREE_ONLY.has(entry.name)) continue;
        const code = readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        for (const match of code.matchAll(IMPORT_SPECIFIER)) {
          const name = packageOf(match[1]!);
          if (name) packages.add(name);
        }
      }
    }
  };
  visit(dir);
  return packages;
}
