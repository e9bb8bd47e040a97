// Lint: zero warnings. Enforces DESIGN.md's layering (arrows only point down) and the
// no-console rule (PHI must never reach logs; use src/main/log.ts).
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' };
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: ['node:*'], message: 'src/shared is pure TypeScript: no node: modules.' },
          { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing above it.' },
        ],
        [noElectron],
      ),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: ['**/renderer/**', '**/preload/**'], message: 'main never imports the renderer or preload.' }],
        [noElectron],
      ),
    },
  },
  {
    files: ['src/main/services/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: ['**/renderer/**', '**/preload/**'], message: 'services never import the renderer or preload.' },
          { group: ['**/api', '**/handlers/**', '**/host/**', '**/cli/**', '**/electron/**', '**/hub/**'], message: 'services sit below api.ts and the hosts.' },
        ],
        [noElectron],
      ),
    },
  },
  {
    // The team hub is a host of its own over PostgreSQL: it uses services' pure parts, never a desktop host.
    files: ['src/main/hub/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: ['**/renderer/**', '**/preload/**'], message: 'The hub never imports the renderer or preload.' },
          { group: ['**/api', '**/handlers/**', '**/host/**', '**/electron/**', '**/app'], message: 'The hub is not the desktop app: it serves from PostgreSQL, not a workspace.' },
        ],
        [noElectron],
      ),
    },
  },
  {
    // The desktop's hub client speaks to a hub over HTTPS only: it shares no code with the hub server.
    files: ['src/main/sync/**', 'src/main/services/hub-link/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: ['**/renderer/**', '**/preload/**'], message: 'The hub client never imports the renderer or preload.' },
          { group: ['**/hub/**', '**/handlers/**', '**/host/**', '**/cli/**', '**/electron/**', '**/api'], message: 'The hub client reaches the hub over the network, and sits below the handlers and hosts.' },
        ],
        [noElectron],
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          { group: ['node:*'], message: 'The renderer is sandboxed: no node: modules.' },
          { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches main only through the API client.' },
        ],
        [noElectron],
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only src/shared.' }]),
    },
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No .skip in committed tests.' },
      ],
    },
  },
  {
    files: ['scripts/**', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
