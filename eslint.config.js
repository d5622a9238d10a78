import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'dist-test', 'node_modules', 'models', 'test-fixtures', 'bench', 'playwright-report', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.tsx', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The app layer holds no module-level mutable variables and does nothing when imported: state lives in
    // objects that are constructed (LiveSession, stores created by a factory), and work starts when main.tsx
    // calls it. src/app/noImportEffects.test.ts checks the second half by importing every module.
    files: ['src/app/**/*.tsx', 'src/app/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/app/exercises/buildDemoData.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > VariableDeclaration[kind="let"], Program > VariableDeclaration[kind="var"], Program > ExportNamedDeclaration > VariableDeclaration[kind="let"]',
          message: 'src/app: no module-level let/var. Keep state in a constructed object (see src/app/live/LiveSession.ts).',
        },
        {
          selector: 'Program > ExpressionStatement:not([directive])',
          message: 'src/app: nothing runs at import. Do it in a function that main.tsx (or a component) calls.',
        },
        {
          selector:
            'Program > IfStatement, Program > BlockStatement, Program > ForStatement, Program > ForOfStatement, Program > ForInStatement, Program > WhileStatement, Program > TryStatement',
          message: 'src/app: nothing runs at import.',
        },
      ],
    },
  },
  {
    // The pure core: geometry, smoothing, rules, counters, cues. A function of a keypoint stream,
    // replayable in Node; no React, no DOM, no TensorFlow.
    files: ['src/core/**/*.ts', 'src/session/**/*.ts', 'src/storage/schema.ts', 'src/words/**/*.ts'],
    // Tests beside the pure modules read recorded fixtures from disk; the modules themselves may not.
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'],
              message: 'src/core is pure: no React or stores.',
            },
            { group: ['@tensorflow/*', '@tensorflow-models/*', '@mediapipe/*'], message: 'src/core is pure: no TensorFlow.' },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'src/core runs in the browser and Node alike: no Node APIs.' },
            {
              group: ['../app/*', '../pose/*', '../render/*', '../../app/*', '../../pose/*', '../../render/*'],
              message: 'src/core must not depend on the app, the model or drawing.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'requestAnimationFrame',
        'HTMLVideoElement',
        'HTMLCanvasElement',
      ],
    },
  },
  {
    // The app's pure helpers: how failures are worded for people, what the measured model speeds say. Types from
    // the model layer only; no React, stores, TensorFlow or DOM.
    files: ['src/app/errors.ts', 'src/app/modelSpeed.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'],
              message: 'A pure module: no React or stores.',
            },
            { group: ['@tensorflow/*', '@tensorflow-models/*', '@mediapipe/*'], message: 'A pure module: no TensorFlow.' },
            { group: ['../pose/*', './*'], allowTypeImports: true, message: 'A pure module: types only from the model layer and the app.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'requestAnimationFrame',
        'HTMLVideoElement',
        'HTMLCanvasElement',
      ],
    },
  },
);
