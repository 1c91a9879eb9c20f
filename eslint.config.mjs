// Lint: type-aware TypeScript rules, React hooks, no import cycles, and the layers of DESIGN.md.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Who may import whom: each zone lists the folders a layer must not reach into. */
const layers = [
  // shared is used by both sides and does no I/O: it imports nothing from either.
  {
    target: './shared',
    from: ['./electron', './renderer'],
    message: 'shared/ must not import electron/ or renderer/.',
  },
  {
    target: './renderer',
    from: ['./electron'],
    message: 'renderer/ talks to the host over the API, never imports electron/.',
  },
  // Inside electron/: main → host → lan → services → {documents, database}, never upward.
  {
    target: './electron/host',
    from: ['./electron/main'],
    message: 'The host runs without the Electron shell: do not import electron/main.',
  },
  {
    target: './electron/lan',
    from: ['./electron/main', './electron/host'],
    message: 'lan/ is below host/: pass what it needs in.',
  },
  {
    target: './electron/services',
    from: ['./electron/main', './electron/host', './electron/lan'],
    message: 'services/ are below lan/: move the shared piece down.',
  },
  {
    target: './electron/documents',
    from: ['./electron/main', './electron/host', './electron/lan', './electron/services', './electron/database'],
    message: 'documents/ builds files from plain data: pass it in.',
  },
  {
    target: './electron/database',
    from: ['./electron/main', './electron/host', './electron/lan', './electron/services', './electron/documents'],
    message: 'database/ is the bottom layer.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // Pages run on phones too (WeChat's built-in browser, iOS 14): no built-ins newer than Chrome 90 / Safari 14.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Object', property: 'hasOwn', message: 'Safari 14 has no Object.hasOwn: use hasOwnProperty.call.' },
      ],
      'no-restricted-globals': ['error', { name: 'structuredClone', message: 'Safari 14 has no structuredClone.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter's pattern: `{}` means none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
