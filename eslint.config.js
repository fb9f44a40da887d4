import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * Who may import whom, by Nx project tags:
 * - type:app   an HTTP or Kafka service; imports libraries only, never another app
 * - type:lib   a library; imports other libraries only, never an app or a tool
 * - type:tool  repository tooling (infra launcher, benchmarks); imports libraries and tools
 * - scope:shared may be used by every service
 * Test files may also use tools (the infra test helpers), never apps.
 */
const constraints = (forTests) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: forTests ? ['type:lib', 'type:tool'] : ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: forTests ? ['type:lib', 'type:tool'] : ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
];

const boundaries = (forTests) => [
  'error',
  {
    // Built code imports only built projects; tests run from source and may use tools.
    enforceBuildableLibDependency: !forTests,
    allow: [],
    depConstraints: constraints(forTests),
  },
];

const testFiles = ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts'];

export default [
  {
    // Generated code (the typed client's types) is checked by its generator's test, not by style rules.
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/.nx/**',
      'tools/kafka/lib/**',
      '**/fixtures/**',
      '**/generated/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      // Lets consistent-type-imports see that a class used only as a constructor parameter type
      // is still needed at run time: decorator metadata refers to it (Nest injects by it).
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      // A test that asserts on a value it just checked may say so with `!`.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Test-runner configuration is not project code: it may reach the shared config at the root.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Command-line tools and benchmarks talk to a person on the terminal.
    files: ['tools/**/*.ts', 'tools/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  prettier,
];
