// Lint and format rules, run by `npm run lint` (part of `npm test` and CI). Besides the usual checks,
// the rules below turn the architecture README.md describes into errors:
// - a stage folder under src/ imports no other stage's runtime code (types are how stages hand data on);
// - each library is imported only in the stage that owns it (not even its types elsewhere);
// - the CLI reaches the stages only through src/pipeline.ts.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The stages, in pipeline order, and the libraries each one owns. */
const STAGES = {
  load: ['yaml'],
  validate: ['zod'],
  model: [],
  charts: ['vega', 'vega-lite', 'vega-[a-z-]+', '@napi-rs/canvas'],
  render: ['handlebars'],
  print: ['puppeteer-core', 'puppeteer', 'pdf-lib'],
  deliver: [],
};
/** Folders under src/ that are not stages, and the libraries they own. */
const OTHERS = { cli: ['commander'] };

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

/** A runtime import of one of `stages`, from a file `depth` folders below src/. Types stay allowed. */
const stagePattern = (stages, depth, message) => ({
  regex: `^${depth === 0 ? '\\./' : '(\\.\\./)'.repeat(depth)}(${stages.join('|')})/`,
  allowTypeImports: true,
  message,
});

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
  // Stages: no other stage's runtime code, no library another part owns.
  ...STAGE_NAMES.map((stage) => ({
    files: [`src/${stage}/**/*.{ts,js}`],
    rules: restrict([
      stagePattern(STAGE_NAMES.filter((s) => s !== stage), 1, `Stages do not import each other's code (types aside); src/pipeline.ts passes data between them.`),
      ...libraryPatterns(stage),
    ]),
  })),
  // The CLI: commander, and the stages only through pipeline.ts.
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: restrict([
      stagePattern(STAGE_NAMES, 0, 'The CLI reaches the stages only through src/pipeline.ts.'),
      stagePattern(STAGE_NAMES, 1, 'The CLI reaches the stages only through src/pipeline.ts.'),
      ...libraryPatterns('cli'),
    ]),
  },
  // Everything else under src/ (pipeline, config, errors, shared helpers in canvas/): no library at all.
  {
    files: ['src/*.ts', 'src/canvas/**/*.ts'],
    ignores: ['src/cli.ts'],
    rules: restrict(libraryPatterns()),
  },
  // canvas/ and the shared files beside the stages are below them: they import no stage.
  {
    files: ['src/canvas/**/*.ts', 'src/errors.ts', 'src/fonts.ts', 'src/did-you-mean.ts', 'src/words.ts'],
    rules: restrict([
      stagePattern(STAGE_NAMES, 1, 'Shared code sits below the stages and imports none of them.'),
      stagePattern(STAGE_NAMES, 0, 'Shared code sits below the stages and imports none of them.'),
      ...libraryPatterns(),
    ]),
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
