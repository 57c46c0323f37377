// Lint rules that hold the architecture: the core stays pure, the UI never reaches an adapter.
import tseslint from 'typescript-eslint';

// Reading the time: only the Clock port's implementation (src/system-clock.ts) may.
const readsTime = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the Clock port, not Date.now().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port, not new Date().' },
  { selector: "CallExpression[callee.name='Date']", message: 'Use the Clock port, not Date().' },
];

const nodeIo = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:child_process', 'child_process', 'node:net', 'node:http', 'node:https'];

const DYNAMIC_REGEXP = ['NewExpression', 'CallExpression'].map((node) => ({
  selector: `${node}[callee.name='RegExp']`,
  message: 'Match runbook or AWS text with compilePattern/matchesWhole (src/scenarios/pattern.ts, RE2: linear time).',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'state/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Text from runbooks and AWS is matched on RE2 (src/scenarios/pattern.ts), never compiled into a
    // backtracking RegExp that a hostile pattern could stall for minutes; only the clock port reads the time.
    files: ['src/**'],
    rules: { 'no-restricted-syntax': ['error', ...DYNAMIC_REGEXP, ...readsTime] },
  },
  {
    files: ['src/system-clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...DYNAMIC_REGEXP] },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeIo, 'react', 'ink', 'lowdb', 'lowdb/node', 'proper-lockfile'].map((name) => ({ name, message: 'src/core is pure: no I/O, UI or storage imports.' })),
        patterns: [
          { group: ['@aws-sdk/*'], message: 'src/core is pure: AWS lives in src/aws.' },
          { group: ['../*', '!../core/*'], message: 'src/core imports nothing of ours outside src/core.' },
          { group: ['ink-*'], message: 'src/core is pure: no UI imports.' },
        ],
      }],
      'no-restricted-syntax': ['error', ...DYNAMIC_REGEXP, ...readsTime,
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Randomness comes in through a port.' },
      ],
    },
  },
  {
    // A folder inside src/core (src/core/report) may import the core root one level up, nothing further out.
    files: ['src/core/*/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeIo, 'react', 'ink', 'lowdb', 'lowdb/node', 'proper-lockfile'].map((name) => ({ name, message: 'src/core is pure: no I/O, UI or storage imports.' })),
        patterns: [
          { group: ['@aws-sdk/*'], message: 'src/core is pure: AWS lives in src/aws.' },
          { group: ['../../*'], message: 'src/core imports nothing of ours outside src/core.' },
          { group: ['ink-*'], message: 'src/core is pure: no UI imports.' },
        ],
      }],
    },
  },
  {
    files: ['src/report/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeIo, 'react', 'ink', 'lowdb'].map((name) => ({ name, message: 'Renderers are pure.' })),
        patterns: [{ group: ['@aws-sdk/*', '../store/*', '../aws/*', '../ui/*'], message: 'Renderers are pure: they take the report model only.' }],
      }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeIo.map((name) => ({ name, message: 'The UI does no I/O itself: effects go to the runner, which calls the ports.' })),
        patterns: [
          { group: ['@aws-sdk/*'], message: 'The UI talks to AWS through ports only.' },
          // The ports' types and the pure event mapping are the UI's; any other file under src/aws is an adapter.
          { group: ['**/aws/**', '!**/aws/ports.js', '!**/aws/timeline-events.js', '**/store/*', '**/system-clock.js'], allowTypeImports: true, message: 'The UI imports port types only, never an adapter implementation.' },
          { group: ['lowdb', 'lowdb/*', 'proper-lockfile'], message: 'The UI never touches storage directly.' },
        ],
      }],
    },
  },
  {
    files: ['src/aws/**', 'src/store/**', 'src/scenarios/**', 'src/sync/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/ui/*', 'ink', 'react'], message: 'Adapters never import the UI.' }],
      }],
    },
  },
);
