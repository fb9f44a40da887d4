import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The `@platform/*` path aliases of tsconfig.base.json, as exact-match Vite aliases. */
function tsconfigAliases() {
  const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
    find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
    replacement: path.join(root, target!),
  }));
}

export interface ProjectTestOptions {
  /** Start (or reuse) PostgreSQL and Kafka once per run; true for every project that talks to them. */
  infra?: boolean;
}

/**
 * The one Vitest configuration of the repository; a project's vitest.config.ts calls this.
 * SWC compiles the tests because esbuild does not emit the decorator metadata Nest injects by.
 */
export function projectTestConfig(projectDir: string, options: ProjectTestOptions = {}): ViteUserConfig {
  const name = path.relative(root, projectDir);
  const reportName = name.replace(/\//g, '__');
  return defineConfig({
    root: projectDir,
    plugins: [
      swc.vite({
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      }),
    ],
    resolve: { alias: tsconfigAliases() },
    test: {
      name,
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      environment: 'node',
      globalSetup: options.infra === false ? [] : [path.join(root, 'tools/infra/src/testing/global-setup.ts')],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      teardownTimeout: 120_000,
      reporters: [
        'default',
        ['json', { outputFile: path.join(root, '.data/test-results', `${reportName}.json`) }],
        [
          path.join(root, 'vitest.failure-reporter.ts'),
          { outputFile: path.join(root, '.data/test-results/failures', `${reportName}.json`), root },
        ],
      ],
    },
  });
}
