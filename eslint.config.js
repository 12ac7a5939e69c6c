// Lint and format rules, run by `npm run lint` (part of `npm test` and CI). Besides the usual checks,
// the rules below turn the architecture README.md describes into errors:
// - a stage folder under src/ imports no other stage's runtime code (types are how stages hand data on);
// - each library is imported only in the stage that owns it (not even its types elsewhere);
// - the CLI reaches the stages only through src/pipeline.ts; no stage or shared file reaches up to it.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The stages, in pipeline order, and the libraries each one owns. */
const STAGES = {
  load: ['yaml'],
  validate: ['zod'],
  compare: [],
  model: ['diff'],
  plan: [],
  charts: ['vega', 'vega-lite', 'vega-[a-z-]+', '@napi-rs/canvas'],
  render: ['handlebars'],
  print: ['puppeteer-core', 'puppeteer', 'pdf-lib'],
  deliver: [],
  send: ['nodemailer'],
  preview: [],
  queue: ['bullmq', 'ioredis'],
};
/** Folders under src/ that are not stages, and the libraries they own. */
const OTHERS = { cli: ['commander', 'chokidar'] };

const STAGE_NAMES = Object.keys(STAGES);

const OWNERS = { ...STAGES, ...OTHERS };

/** Imports (or subpath imports) of the libraries other parts of src/ own: one pattern per owner, named in the message. */
const libraryPatterns = (except) =>
  Object.entries(OWNERS)
    .filter(([owner, libraries]) => owner !== except && libraries.length > 0)
    .map(([owner, libraries]) => ({
      regex: `^(${libraries.join('|')})(/.*)?$`,
      message: `Only src/${owner}/ imports this library, not even its types (README "How it works").`,
    }));

/**
 * A runtime import of one of `folders` (stages, or pipeline.ts / cli/ above them) by a relative path
 * from any depth below src/: "./load/x.ts", "../load/x.ts", "../../load/x.ts". Types stay allowed.
 */
const importOf = (folders, message) => ({
  regex: `^(\\./|(\\.\\./)+)(${folders.join('|')})(/|\\.ts$)`,
  allowTypeImports: true,
  message,
});

/** The files above the stages: they run the stages (pipeline, the public API) or the command line. */
const ABOVE = ['pipeline', 'index', 'cli'];

const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'output/', 'schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // typeof import('x') stays allowed: it types a module loaded with require() (a native addon).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      // Formatting, as the code is written: 2 spaces, single quotes, semicolons, trailing commas on multi-line lists.
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, flatTernaryExpressions: true, offsetTernaryExpressions: true, ignoredNodes: ['TSUnionType', 'TSIntersectionType', 'ConditionalExpression', 'ConditionalExpression *'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/object-curly-spacing': ['error', 'always'],
      '@stylistic/array-bracket-spacing': ['error', 'never'],
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0 }],
      '@stylistic/no-multi-spaces': ['error', { ignoreEOLComments: true }],
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/type-annotation-spacing': 'error',
    },
  },
  // Stages: no other stage's runtime code, nothing above them, no library another part owns.
  ...STAGE_NAMES.map((stage) => ({
    files: [`src/${stage}/**/*.{ts,js}`],
    rules: restrict([
      importOf(STAGE_NAMES.filter((s) => s !== stage), `Stages do not import each other's code (types aside); src/pipeline.ts passes data between them.`),
      importOf(ABOVE, 'A stage does not reach up to the pipeline or the command line: they call it.'),
      ...libraryPatterns(stage),
    ]),
  })),
  // The CLI: commander, and the stages only through pipeline.ts.
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([
      importOf(STAGE_NAMES, 'The CLI reaches the stages only through src/pipeline.ts.'),
      ...libraryPatterns('cli'),
    ]),
  },
  // pipeline.ts and index.ts run the stages: no library of their own.
  {
    files: ['src/pipeline.ts', 'src/index.ts'],
    rules: restrict(libraryPatterns()),
  },
  // Shared code (canvas/, config, errors and the helpers beside the stages) sits below them: no
  // stage's code (types aside, the canvas types come from validate/), nothing above, no library.
  {
    files: ['src/canvas/**/*.ts', 'src/*.ts'],
    ignores: ['src/pipeline.ts', 'src/index.ts'],
    rules: restrict([
      importOf(STAGE_NAMES, 'Shared code sits below the stages and imports none of them (types aside).'),
      importOf(ABOVE, 'Shared code sits below the pipeline and the command line.'),
      ...libraryPatterns(),
    ]),
  },
  // bin/compiled-cli.js keeps each source's import.meta.url in the compiled CLI; import.meta.dirname and .filename
  // would silently become the bundle's.
  {
    files: ['src/**/*.ts', 'src/**/*.js'],
    ignores: ['src/preview/client/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.type='MetaProperty'][object.meta.name='import'][property.name!='url']",
        message: 'Only import.meta.url is kept when the CLI is compiled (bin/compiled-cli.js): derive paths from it.',
      }],
    },
  },
  // Test files share their worker's modules (vitest.config.ts isolate: false), where vi.mock() misses a module
  // another file loaded first: a test fakes a module by spying on its export (vi.spyOn) and restoring it.
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...[
        "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock)$/]",
        "CallExpression[callee.object.name='vi'][callee.computed=true][callee.property.value=/^(mock|doMock|unmock|doUnmock)$/]",
      ].map((selector) => ({
        selector,
        message: 'Test files share modules (vitest.config.ts isolate: false): spy on the export with vi.spyOn and restore it after the file, instead of vi.mock.',
      })), {
        // Under another name the two above would not see it.
        selector: "ImportSpecifier[imported.name='vi'][local.name!='vi']",
        message: 'Import vi as vi: the rule against vi.mock (shared modules, vitest.config.ts isolate: false) looks for that name.',
      }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  // The preview's pages run in the browser: its globals, not Node's.
  {
    files: ['src/preview/client/**/*.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', EventSource: 'readonly', SharedWorker: 'readonly', self: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', console: 'readonly', process: 'off', Buffer: 'off' },
    },
  },
);
