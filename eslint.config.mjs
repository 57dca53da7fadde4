// The lint gate (zero warnings): typescript-eslint's recommended type-checked set for the server, its tests,
// benchmarks and scripts (no `any`, no unsafe use of an `any` value, floating or misused promises, needless
// assertions), exhaustive switches, `eqeqeq`, and the layering rules below. Import cycles: scripts/import-cycles.mjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** What the type-checked set covers; console/ (its own tsconfig) keeps the plain recommended set for now. */
const SERVER = ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'examples/**/*.ts', 'ormconfig.ts'];
const typeChecked = tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: SERVER }));
const UNSAFE_ANY = ['assignment', 'member-access', 'call', 'return', 'argument'].map(
  (r) => `@typescript-eslint/no-unsafe-${r}`,
);
/**
 * Still exempt from the no-unsafe-* rules (not from the rest), until typed — a file leaves its list when it is:
 * the e2e and browser tests that read HTTP bodies untyped (test/helpers/app.ts `UntypedBody`; a typed test
 * passes `http<T>()` what it reads, e.g. `http<{ items: Item[] }>` or `http<ProblemDetails>`), and the specs
 * that break the JSON fixtures of src/rules/testing (`MutablePack`) into invalid packs on purpose.
 */
const UNTYPED_BODIES = [
  'test/e2e/checks.e2e.spec.ts',
  'test/e2e/pack-publish.e2e.spec.ts',
  'test/e2e/records.e2e.spec.ts',
  'test/e2e/repair.e2e.spec.ts',
  'test/e2e/response-contract.e2e.spec.ts',
];
const FIXTURE_BREAKERS = [
  'src/modules/packs/pack-snapshot.spec.ts',
  'src/rules/lint/lint.spec.ts',
  'src/rules/measures/measures.loader.spec.ts',
  'src/rules/tiers/pack.loader.spec.ts',
];

/** The engine core (src/rules) depends on no framework, database or feature module. */
const CORE_PATTERNS = [
  {
    group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', '@electric-sql/*', '**/modules', '**/modules/**'],
    message: 'src/rules must not depend on NestJS, TypeORM, a database driver or src/modules',
  },
];
/** File reading in the core is the loaders' business (and the tests'). */
const CORE_FILE_READERS = [
  'src/rules/shared/json-file.ts',
  'src/rules/tiers/pack.loader.ts',
  'src/rules/lint/lint.ts',
  'src/rules/coverage/coverage.run.ts',
  'src/rules/testing/**/*.ts',
  'src/rules/**/*.spec.ts',
];
const CORE_NO_FS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
  name,
  message:
    'src/rules reads files only in its loaders (shared/json-file.ts, tiers/pack.loader.ts, lint/lint.ts, coverage/coverage.run.ts)',
}));
const APART = 'tiers/ and measures/ do not import each other: what both need belongs in rules/shared';
const SHARED_BELOW = 'rules/shared is what the other folders build on: it imports none of them';
/** The options of the rule for core files: reading files or not, and the folders (a regex) they may not import. */
function coreImports({ readsFiles, notFolder, why = APART }) {
  const patterns = [...CORE_PATTERNS];
  if (notFolder) patterns.push({ regex: `^\\.\\./${notFolder}/`, message: why });
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths: readsFiles ? [] : CORE_NO_FS, patterns }] };
}
/** Outside the core: a folder's index only, never the files behind it. */
const CORE_INDEXES_ONLY = {
  regex: '(^|/)rules/[a-z-]+/',
  message: 'import the rules core through its indexes (src/rules or src/rules/<folder>), not a file inside a folder',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...typeChecked,
  // Layout is Prettier's (`npm run format`); ESLint's stylistic rules that could disagree with it are off.
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The console is being reworked; it keeps its former rules until the type-checked set is extended to it.
    files: ['console/**/*.ts', 'console/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    files: SERVER,
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
  { files: [...UNTYPED_BODIES, ...FIXTURE_BREAKERS], rules: Object.fromEntries(UNSAFE_ANY.map((r) => [r, 'off'])) },
  // Layering (architecture.md; issue 12) with ESLint's own rule (typescript-eslint's wrapper, which also
  // sees `import type`). A later block replaces an earlier block's options for the same file, so each
  // block states every restriction that applies to its files.
  // The engine core: no framework, no database, no feature module, no file reading outside the loaders;
  // tiers/ and measures/ share through shared/, never through each other.
  { files: ['src/rules/**/*.ts'], rules: coreImports({ readsFiles: false }) },
  { files: ['src/rules/tiers/**/*.ts'], rules: coreImports({ readsFiles: false, notFolder: 'measures' }) },
  { files: ['src/rules/measures/**/*.ts'], rules: coreImports({ readsFiles: false, notFolder: 'tiers' }) },
  {
    files: ['src/rules/shared/**/*.ts'],
    rules: coreImports({ readsFiles: false, notFolder: '[a-z-]+', why: SHARED_BELOW }),
  },
  { files: CORE_FILE_READERS, rules: coreImports({ readsFiles: true }) },
  {
    files: ['src/rules/shared/json-file.ts', 'src/rules/shared/**/*.spec.ts'],
    rules: coreImports({ readsFiles: true, notFolder: '[a-z-]+', why: SHARED_BELOW }),
  },
  {
    files: CORE_FILE_READERS.filter((f) => f.startsWith('src/rules/tiers/')).concat('src/rules/tiers/**/*.spec.ts'),
    rules: coreImports({ readsFiles: true, notFolder: 'measures' }),
  },
  { files: ['src/rules/measures/**/*.spec.ts'], rules: coreImports({ readsFiles: true, notFolder: 'tiers' }) },
  {
    // Outside the core, the core is used through its indexes (src/rules/index.ts or src/rules/<folder>/index.ts).
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'ormconfig.ts'],
    ignores: ['src/rules/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [CORE_INDEXES_ONLY] }] },
  },
  {
    // Test fixtures and arbitraries (rules/testing) are for tests, benchmarks and scripts, not the application.
    files: ['src/**/*.ts'],
    ignores: ['src/rules/**', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            CORE_INDEXES_ONLY,
            { regex: '(^|/)rules/testing$', message: 'rules/testing is test support: the application does not use it' },
          ],
        },
      ],
    },
  },
);
