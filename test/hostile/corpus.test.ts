/**
 * The corpus of hostile and broken inputs (issue 8). test/fixtures/hostile/ holds one small canvas per
 * static case, its comment saying what it attacks and what must happen; the cases that need setting up
 * at run time (symlinks to secrets, a pipe, files too big to keep, bytes an editor would mangle, file
 * names, the listener's port) are made below. The table says, per case, what `check` and `build` exit
 * with, where the error is (file:line:column) and what it says, and what its PDF shows.
 *
 * To keep this fast there is ONE `briefing check` and ONE `briefing build --html` of the whole corpus
 * folder (one browser, printing two at a time). Each case is then checked and built again on its own,
 * for its own exit code: the build finds the printed briefings up to date and prints nothing again.
 * Around all of it: a loopback HTTP listener that counts requests (none may come, while printing or when
 * the HTML copies are opened in a browser with JavaScript on), a secret token that must never show, a
 * working folder that must stay as it was.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { terminalSafe } from '../../src/cli/terminal-text.ts';
import { findBrowser } from '../../src/print/find-browser.ts';
import { runCli, type CliRun } from '../support/cli.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { fileTempDir } from '../support/temp.ts';

const FIXTURES = 'test/fixtures/hostile';
const BASELINE = readFileSync(join(FIXTURES, 'baseline.yaml'), 'utf8');

const root = fileTempDir('hostile-');
/** The corpus folder: every case's canvas (but the same-name pair), built and checked as one folder. */
const IN = join(root, 'in');
const OUT = join(root, 'out');
/** What the symlinks point at: outside the corpus folder. */
const SECRETS = join(root, 'secrets');
/** x.yaml and x.yml: refused together, so not in the corpus folder. */
const SAME = join(root, 'same-name');
/** The working folder of every run: nothing may appear in it. */
const CWD = join(root, 'cwd');
const TOKEN = `SECRET-${randomBytes(8).toString('hex')}`;
const LONG_STEM = 'n'.repeat(235); // 240 characters with ".yaml"
const ESCAPE_NAME = 'esc\x1b]0;pwned\x07\x1b[31m.yaml';

type Class = 'css' | 'template syntax' | 'html' | 'terminal' | 'files' | 'check vs build' | 'names';

interface Case {
  /** The canvas in the corpus folder (a fixture's name, or one made at run time). */
  file: string;
  class: Class;
  what: string;
  /** Exit codes of `check` and `build` run on the case alone ('corpus': its runs are the corpus-wide ones). */
  check: number | 'corpus';
  build: number | 'corpus';
  /** line:column after the file's path where the error is reported. */
  at?: string;
  /** What the failing runs say (error lines), or for a built case a warning it prints. */
  message?: RegExp;
  /** Each PDF the corpus build writes for it, with text it must show (compared without whitespace: lines wrap). */
  pdfs?: Record<string, string[]>;
  /** The case's own runs: other paths or options than its file alone into OUT. */
  paths?: () => string[];
  options?: string[];
  /** Its own build writes here (a folder that must hold no briefing afterwards) instead of OUT. */
  out?: string;
  /** Not in the corpus runs (made in another folder, or needing options of its own). */
  own?: boolean;
  /** Characters no embedded font has: a system font may be embedded too. */
  fallbackFont?: boolean;
  /** Its error is about the run, not one file: it does not start with the file's path. */
  fileless?: boolean;
  /** Refused at once (nothing read, no blow-up): each of its own runs ends well within 30 s (a hang guard, not a timing). */
  quick?: boolean;
  /** BUG: what goes wrong today; the case is an it.todo and stays out of the corpus runs. */
  bug?: string;
}

const at = (name: string) => join(IN, name);
const U = 'LISTENER_URL';

const CASES: Case[] = [
  // 1. CSS injection: every field that reaches a CSS string (running heads, footer, chapter heads).
  {
    file: 'css-running-heads.yaml', class: 'css', what: 'a form feed, CR LF, a quote, "</style>", a backslash, U+2028 and rules in every field that reaches a CSS string', check: 0, build: 0,
    pdfs: {
      'css-running-heads.pdf': [
        'Nordwind }body{display:none} · Investor briefing }.fig::after{content:"…', // short_name, briefing.title: the running head, its title cut to one line
        'Investor briefing }.fig::after{content:"6,666.6"}@page{@bottom-center{content:"HACKED"}}', // briefing.title whole, on the cover
        'Oslo"}</style><style>body{display:none}.fig::after{content:"6,666.6"}</style>: NWE }body{display:none}@page{@bottom-center{content:"HACKED"}}', // exchange: ticker
        '1 Revenue \\"} }body{display:none}/*', '1.1 Power sales\\";}*{visibility:hidden}', // a block's and a section's title
      ],
      'css-running-heads--commerce.pdf': ['Commerce "}body{display:none}@page{@top-left{content:"HACKED"}@bottom-center{content:"HACKED"}}'], // the set's title, on the cover
    },
  },
  // 2. Placeholders and template syntax.
  {
    file: 'template-syntax.yaml', class: 'template syntax', what: '"@@CSS@@" placeholders and Handlebars expressions, partials, helpers and a prototype walk in text fields', check: 0, build: 0,
    pdfs: {
      'template-syntax.pdf': [
        'Evil @@CSS@@ {{css}} {{{css}}} Corp · Investor briefing', '@@HTML@@ @@BODY@@ @@STYLES@@ {{> chapter}} {{#each metrics}}LEAKED{{/each}}',
        "1.1 @@CSS@@ {{chartSvg 0}} {{pageOf 'key-figures'}}", "Revenue reached €1,234.5 million. @@CSS@@ {{constructor.constructor 'return process'}} {{{rich this}}}",
        '{{!-- comment --}}', '{{@root.company.name}}', '\\{{escaped}}',
      ],
    },
  },
  // 3. HTML, script and SVG: printed as text, nothing loaded.
  {
    file: 'html-in-text.yaml', class: 'html', what: 'script, img, link, style @import, svg onload, iframe, meta refresh, javascript: and markdown links in a chapter\'s text', check: 0, build: 0,
    pdfs: {
      'html-in-text.pdf': [
        `<script>fetch('${U}/lead-script')</script>`, `1.1 <img src=${U}/title-img>`, `<img src="${U}/img" onerror="fetch('${U}/onerror')">`,
        `<style>@import url(${U}/import);</style><link rel=stylesheet href=${U}/link-css>`, `<link rel=preconnect href=${U}/preconnect>`,
        `<svg onload="fetch('${U}/svg-onload')"><image href="${U}/svg-image"/></svg>`, `<iframe src=${U}/iframe></iframe><object data=${U}/object></object>`,
        `<meta http-equiv=refresh content="0;url=${U}/meta">`, `</p></li></ul><script>new Image().src='${U}/break-out'</script>`,
        `1.2 [Power sales](javascript:fetch('${U}/md-title'))`, `javascript:fetch('${U}/js')`,
        `[click here](${U}/md-link) ![chart](${U}/md-image) <${U}/autolink>`, `${U}/bare`, `data:text/html,<script>fetch('${U}/data')</script>`,
      ],
    },
  },
  {
    file: 'html-in-chart.yaml', class: 'html', what: 'markup in a chart\'s title, point labels, group, caption and a metric\'s label (SVG drawn by Vega)', check: 0, build: 0,
    pdfs: {
      'html-in-chart.pdf': [
        `Revenue <img src=${U}/metric-label>`, `<svg onload="fetch('${U}/chart-title')"></svg> Revenue`, "<image href='", '</text><foreignObject><img',
        `<style>@import url(${U}/caption);</style> Company reports.`,
      ],
    },
  },
  {
    file: 'html-in-table.yaml', class: 'html', what: 'markup in table titles, headings, cells and notes, a unit, a source and a note', check: 0, build: 0,
    pdfs: {
      'html-in-table.pdf': [
        `812 turbines <svg onload="fetch('${U}/unit')">`, `<script>fetch('${U}/table-title')</script>`, `<th onclick=x>Item`, `</td></tr></table><img src=${U}/cell>`,
        `<a href=${U}/source>Annual report</a>`, `<link rel=prefetch href=${U}/table-note>`, `<object data=${U}/row-label></object>`, `<img src=${U}/note>`,
      ],
    },
  },
  {
    file: 'html-in-data-notes.yaml', class: 'html', what: 'markup in the period, summary, sources, notes, a contradiction and the glossary', check: 0, build: 0,
    pdfs: {
      'html-in-data-notes.pdf': [
        `<img src=${U}/period>`, `<script>fetch('${U}/summary')</script> Revenue reached €1,234.5 million.`, `<script>fetch('${U}/contradiction')</script>`,
        `<img src=${U}/contradiction-note>`, `<img src=${U}/source-title>. <link rel=preconnect href=${U}/source-detail>`, `<style>@import url(${U}/note);</style>`,
        `<svg onload="fetch('${U}/term')">`, `<img src=${U}/native>`, `<iframe src=${U}/description> </iframe>`,
      ],
    },
  },
  // 4. Terminal escapes: never reach the terminal raw.
  {
    file: 'term-escapes-printed.yaml', class: 'terminal', what: 'CSI, OSC, BEL, CR, backspace and C1 CSI in labels, a chart title, a point label, a unit and a section title', check: 0, build: 0,
    pdfs: { 'term-escapes-printed.pdf': ['Revenue €1,234.5 million', 'Revenue by year', '1.1 Power sales', 'from 812 turbines.'] },
  },
  {
    file: 'term-escapes-printed.yaml', class: 'terminal', what: 'control characters in printed text (ESC, BEL, CR, backspace, C1 CSI): left out of the PDF, each value named by a control-character warning', check: 0, build: 0,
    message: /term-escapes-printed\.yaml:18:12 warning control-character metrics\.revenue_fy25\.label: holds a control character \(U\+001B\)[^]*:34:40 warning control-character charts\.revenue\.points\[0\]\.label: holds control characters \(U\+000D, U\+0008\)/,
  },
  {
    file: 'term-escape-unknown-key.yaml', class: 'terminal', what: 'an OSC 52 clipboard write and cursor moves in an unknown key', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '17:5', message: /metrics\.revenue_fy25\.label\\u001b\]52;c;cm0gLXJmIH4=\\u0007\\u001b\[2K\\u001b\[1A: unknown key "label\\u001b\]52;c;cm0gLXJmIH4=\\u0007\\u001b\[2K\\u001b\[1A"; did you mean "label"\?/,
  },
  {
    file: 'term-escape-bad-unit.yaml', class: 'terminal', what: 'a fake "ok" line drawn with CR, erase-line and backspaces in a refused unit', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '19:11', message: /metrics\.revenue_fy25\.unit: "USD m\\u000d\\u001b\[2Kok data\/canvas\.yaml\\u0008\\u0008" abbreviates a scale/,
  },
  {
    file: 'term-escape-reference.yaml', class: 'terminal', what: 'an OSC title and a clear-screen inside [[references]]', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '28:24', message: /"\[\[revenue\\u001b\[2J\]\]" is not a metric reference[^]*"\[\[\\u001b\[2Jrevenue\]\]" is not a metric reference/,
  },
  {
    file: 'term-escape-chart-units.yaml', class: 'terminal', what: 'an OSC 8 hyperlink and cursor moves in what a chart error names', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '33:7', message: /charts\.mixed\.points: all points of a chart must share one unit; found EUR million \(revenue_fy25\); turbines\\u001b\[0m \(turbines\)/,
  },
  {
    file: ESCAPE_NAME, class: 'terminal', what: 'an OSC window title, BEL and a colour in the canvas file\'s name', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '29:40', message: /no metric with id "revenue_fy26"; did you mean "revenue_fy25"\?/,
  },
  // 5. Files: symlinks, pipes, size, YAML bombs, tags, nesting, bytes.
  {
    file: 'symlink-yaml-credentials.yaml', class: 'files', what: 'a symlink to a YAML credentials file (api_key: <token>) outside the folder', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '1:1', message: /api_key: unknown key "api_key"/,
  },
  {
    file: 'symlink-ini-credentials.yaml', class: 'files', what: 'a symlink to an AWS-style credentials file (the token on line 3)', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '2:1', message: /: not a canvas: no company:, briefing: or other canvas key at the start of a line, and not valid YAML at this line \(nothing of the file is shown: it may hold a secret\)/,
  },
  {
    file: 'symlink-token-file.yaml', class: 'files', what: 'a symlink to a one-line token file (or .env, .netrc, .npmrc, a private key)', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '1:1', message: /\(top level\): expected a mapping \(key: value lines\), found text without any "key: value" line: this file is not a canvas/,
  },
  {
    file: 'symlink-git-credentials.yaml', class: 'files', what: 'a symlink to a .git-credentials file (a URL with the token as its password, "key:value" to a YAML reader)', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '1:1', message: /this file is not a canvas/,
  },
  {
    file: 'pipe.yaml', class: 'files', what: 'a FIFO and a symlink to /dev/zero in the canvas folder are skipped, without waiting on them; a symlink loop and a dangling symlink fail, named',
    check: 'corpus', build: 'corpus',
  },
  {
    file: 'pipe.yaml', class: 'files', what: 'a FIFO named as the canvas is refused, without waiting on it', check: EXIT.usage, build: EXIT.usage, own: true, quick: true,
    message: /pipe\.yaml: not a canvas file or a folder of them/,
  },
  {
    file: 'zero.yaml', class: 'files', what: 'a symlink to /dev/zero named as the canvas is refused, never read', check: EXIT.usage, build: EXIT.usage, own: true, quick: true,
    message: /zero\.yaml: not a canvas file or a folder of them/,
  },
  {
    file: 'loop.yaml', class: 'files', what: 'a symlink to itself named as the canvas is refused', check: EXIT.usage, build: EXIT.usage, own: true,
    message: /loop\.yaml: cannot read: it is a symbolic link that leads back to itself \(a loop of links\): point it at the canvas file/,
  },
  {
    file: 'binary.yaml', class: 'files', what: 'a binary file (a PNG signature, terminal escapes, every byte value) named .yaml', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '1:11', message: /: bytes that are not UTF-8 text \(0x89\)/, // the first byte after the escapes: the PNG signature
  },
  {
    file: 'empty.yaml', class: 'files', what: 'an empty file', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '1:1', message: /\(top level\): expected a mapping \(key: value lines\), found nothing \(the file is empty, or holds only comments\): this file is not a canvas/,
  },
  {
    file: 'oversize.yaml', class: 'files', what: 'a 6 MB canvas (over the 5 MB limit) is refused unread', check: EXIT.invalidData, build: EXIT.invalidData, quick: true,
    message: /oversize\.yaml: the canvas is 6 MB, over the 5 MB limit for one canvas; nothing was read\. Split it, or raise the limit with --max-canvas-mb/,
  },
  {
    file: 'one-mb-line.yaml', class: 'files', what: 'a paragraph on one 1 MB line, with a broken reference at its end', check: EXIT.invalidData, build: EXIT.invalidData,
    message: /:29:\d{7}: blocks\.revenue_streams\.sections\[0\]\.content\[0\]\.paragraph: no metric with id "nope"/,
  },
  {
    file: 'one-mb-id.yaml', class: 'files', what: 'a 1 MB reference and a 1 MB unit, each quoted by its error', check: EXIT.invalidData, build: EXIT.invalidData,
    message: /:20:11: metrics\.revenue_fy25\.unit: "USD m x{71}…" \(1,048,582 characters\) abbreviates a scale[^\n]*\n[^\n]*:29:40: [^\n]*: no metric with id "a{77}…" \(1,048,576 characters\)\n/,
  },
  {
    file: 'one-mb-key.yaml', class: 'files', what: 'a 1 MB metric id (a key), named by its error', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '17:3', message: /metrics\.B{60}…\(1048576 characters\): YAML syntax: /,
  },
  { file: 'yaml-alias-bomb.yaml', class: 'files', what: 'a billion-laughs alias bomb', check: EXIT.invalidData, build: EXIT.invalidData, quick: true, message: /yaml-alias-bomb\.yaml: YAML syntax: the file repeats \*name references too often to be read/ },
  { file: 'yaml-merge-key-bomb.yaml', class: 'files', what: 'an alias bomb through merge keys (<<: *x)', check: EXIT.invalidData, build: EXIT.invalidData, quick: true, message: /yaml-merge-key-bomb\.yaml: YAML syntax: the file repeats \*name references too often to be read/ },
  {
    file: 'multi-document.yaml', class: 'files', what: 'a second YAML document after "---"', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '29:1', message: /YAML syntax: a line of three dashes \(---\) starts a second document, but a canvas file holds one/,
  },
  {
    file: 'numbers-nan-inf.yaml', class: 'files', what: '.nan, .inf and -.inf where figures belong', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '18:12', message: /value: expected a number, found NaN[^]*equivalent\.value: expected a number, found Infinity[^]*change\.percent: expected a number, found -Infinity/,
  },
  {
    file: 'prototype-keys.yaml', class: 'files', what: '__proto__ and constructor.prototype as top-level keys', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '4:1', message: /__proto__: unknown key "__proto__"[^]*constructor: unknown key "constructor"/,
  },
  {
    file: 'prototype-metric-id.yaml', class: 'files', what: '__proto__ as a metric id', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '17:3', message: /metrics\.__proto__: "__proto__" cannot be an id or key/,
  },
  {
    file: 'yaml-duplicate-key.yaml', class: 'files', what: 'a key given twice (the second value would replace the figure)', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '21:5', message: /metrics\.revenue_fy25\.value: YAML syntax: "value" is given a second time here \(first on line 17\)/,
  },
  {
    file: 'yaml-tag-js-function.yaml', class: 'files', what: '!!js/function, !!js/undefined and !!js/regexp tags', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '17:12', message: /metrics\.revenue_fy25\.label: YAML syntax: a value that starts with ! has a special meaning in YAML/,
  },
  {
    file: 'yaml-tag-python.yaml', class: 'files', what: '!!python/name, !!python/object/apply and !!set tags', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '17:12', message: /metrics\.revenue_fy25\.label: YAML syntax: a value that starts with ! has a special meaning in YAML/,
  },
  {
    file: 'yaml-tag-binary.yaml', class: 'files', what: '!!binary (bytes of terminal escapes) as a label, !!timestamp as a value', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '17:21', message: /metrics\.revenue_fy25\.label: expected text, found a mapping with keys 0, 1, 2, 3, 4/,
  },
  {
    file: 'yaml-deep-nesting.yaml', class: 'files', what: '2,000 nested flow sequences and 1,000 nested flow mappings', check: EXIT.invalidData, build: EXIT.invalidData,
    message: /yaml-deep-nesting\.yaml:31:\d+: data_notes\.notes\[0\]: YAML syntax: /,
  },
  {
    file: 'not-text.yaml', class: 'files', what: 'bytes that are not UTF-8 in a section title (a file saved as Latin-1), a NUL byte in a paragraph', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '4:15', message: /: bytes that are not UTF-8 text \(0xAC\), as a file saved as Windows-1252 or Latin-1 has: save the canvas as UTF-8/, // the euro sign of a comment, the first non-ASCII character
  },
  {
    file: 'shop--commerce.yaml', class: 'files', what: 'a UTF-8 byte order mark and CRLF line endings', check: 0, build: 0,
    pdfs: { 'shop--commerce.pdf': ['Nordwind Energi ASA · Investor briefing FY2025', '1 Revenue Streams'] },
  },
  {
    file: 'metric-id-constructor.yaml', class: 'files', what: 'a metric named "constructor" (a property of every JavaScript object)', check: 0, build: 0,
    pdfs: { 'metric-id-constructor.pdf': ['Revenue reached €1,234.5 million.'] },
  },
  // 6. What used to pass check and fail build.
  {
    file: 'chart-labels.yaml', class: 'check vs build', what: 'U+2028 and U+2029 in a line chart\'s labels, a column chart\'s title and label reading data:image/png;base64,...', check: 0, build: 0,
    message: /^warning: chart-labels: chart "data:image\/png;base64,[^"]*…" \(118 characters\): label "data:image\/png;base64,[^"]*…" \(118 characters\) is too long to print in full/m,
    pdfs: {
      'chart-labels.pdf': [
        'FY 2024', `FY 2025 '); fetch('${U}/label'); ('`,
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', `${U}/label.png`,
      ],
    },
  },
  {
    file: 'log-scale-tiny.yaml', class: 'check vs build', what: 'a log-scale chart with 5e-324', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '37:19', message: /charts\.revenue\.points\[1\]\.metric: a log scale draws values from 1e-300 to 1e300, not 5e-324/,
  },
  {
    file: 'log-scale-huge.yaml', class: 'check vs build', what: 'a log-scale chart with 1.7e308', check: EXIT.invalidData, build: EXIT.invalidData,
    at: '37:19', message: /charts\.revenue\.points\[1\]\.metric: a log scale draws values from 1e-300 to 1e300, not 1\.7e\+308/,
  },
  // 7. Names.
  {
    file: `${LONG_STEM}.yaml`, class: 'names', what: 'a canvas file name of 240 characters (its PDF\'s temporary name would pass 255 bytes)', check: 0, build: EXIT.output,
    message: /n\.yaml: its output name "n{40}\.\.\." is 235 bytes long, too long for a file name with the endings the build adds \(\d+ bytes\); nothing was printed/,
  },
  {
    file: 'shop.yaml', class: 'names', what: 'shop.yaml\'s block set "commerce" beside a canvas shop--commerce.yaml', check: 0, build: EXIT.usage,
    paths: () => [at('shop--commerce.yaml'), at('shop.yaml')], // as the folder lists them: shop--commerce.yaml claims the name first
    message: /shop\.yaml \(commerce\): would overwrite \S*\/out\/shop--commerce\.pdf, claimed by \S*shop--commerce\.yaml in this run; nothing was written/,
    pdfs: { 'shop.pdf': ['Nordwind Energi ASA · Investor briefing FY2025', '1 Revenue Streams'] },
  },
  {
    file: 'x.yaml', class: 'names', what: 'x.yaml beside x.yml (both would write x.pdf)', check: 0, build: EXIT.usage, own: true,
    paths: () => [SAME], out: join(root, 'out-same'), fileless: true,
    message: /x\.yaml and \S*x\.yml would both write x\.pdf/,
  },
  {
    file: 'shop.yaml', class: 'names', what: 'an unknown --set', check: EXIT.usage, build: EXIT.usage, own: true,
    options: ['--set', 'nope'], out: join(root, 'out-set'), fileless: true,
    message: /no canvas has a block set "nope"\. Block sets here: full, commerce/,
  },
];

/** The cases made at run time: secrets and symlinks, special files, big files, bytes, names (in the corpus folder, and beside it). */
function makeRuntimeCases(): void {
  const baseline = Buffer.from(BASELINE);
  // Secrets outside the corpus folder, reached through symlinks.
  mkdirSync(SECRETS);
  writeFileSync(join(SECRETS, 'credentials.yaml'), `api_key: ${TOKEN}\n`);
  writeFileSync(join(SECRETS, 'aws-credentials'), `[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = ${TOKEN}\n`);
  symlinkSync(join(SECRETS, 'credentials.yaml'), at('symlink-yaml-credentials.yaml'));
  symlinkSync(join(SECRETS, 'aws-credentials'), at('symlink-ini-credentials.yaml'));
  writeFileSync(join(SECRETS, 'token'), `${TOKEN}\n`);
  symlinkSync(join(SECRETS, 'token'), at('symlink-token-file.yaml'));
  writeFileSync(join(SECRETS, 'git-credentials'), `https://analyst:${TOKEN}@github.example\n`);
  symlinkSync(join(SECRETS, 'git-credentials'), at('symlink-git-credentials.yaml'));
  execFileSync('mkfifo', [at('pipe.yaml')]);
  symlinkSync('loop.yaml', at('loop.yaml'));
  symlinkSync(join(SECRETS, 'gone.yaml'), at('dangling.yaml'));
  symlinkSync('/dev/zero', at('zero.yaml'));
  writeFileSync(at('binary.yaml'), Buffer.concat([Buffer.from('\x1b]0;x\x07\x1b[2J\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]));
  writeFileSync(at('empty.yaml'), '');
  writeFileSync(at('oversize.yaml'), baseline);
  truncateSync(at('oversize.yaml'), 6 * 1024 * 1024); // sparse: nothing written
  const mb = 1024 * 1024;
  writeFileSync(at('one-mb-id.yaml'), BASELINE.replace('Revenue reached [[revenue_fy25]].', `Revenue reached [[${'a'.repeat(mb)}]].`).replace('    unit: EUR\n', `    unit: USD m ${'x'.repeat(mb)}\n`));
  writeFileSync(at('one-mb-key.yaml'), BASELINE.replace('metrics:\n', `metrics:\n  ${'B'.repeat(mb)}: { label: K, value: 1, unit: EUR, period: FY2025 }\n`));
  writeFileSync(at('one-mb-line.yaml'), BASELINE.replace('Revenue reached [[revenue_fy25]].', `"Revenue reached [[revenue_fy25]]. ${'word '.repeat(1024 * 1024 / 5)}[[nope]]"`));
  const notUtf8 = Buffer.from([0x50, 0x6f, 0x77, 0x65, 0x72, 0x20, 0xff, 0xfe, 0x20, 0x73, 0x61, 0x6c, 0x65, 0x73, 0x20, 0xc3, 0x28]); // "Power \xff\xfe sales \xc3("
  writeFileSync(at('not-text.yaml'), Buffer.from(
    BASELINE.replace('Revenue reached [[revenue_fy25]].', 'Revenue reached [[revenue_fy25]]. Next\0year').replace('Power sales', notUtf8.toString('latin1')), 'latin1'));
  writeFileSync(at('shop--commerce.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASELINE.replace(/\n/g, '\r\n'))]));
  writeFileSync(at(ESCAPE_NAME), BASELINE.replace('Revenue reached [[revenue_fy25]].', 'Revenue reached [[revenue_fy26]].'));
  writeFileSync(at(`${LONG_STEM}.yaml`), baseline);
  writeFileSync(at('shop.yaml'), `${BASELINE.replace('      - title: Power sales\n', '      - title: Power sales\n        tags: [commerce]\n')}block_sets:\n  commerce:\n    title: Commerce\n    tags: [commerce]\n`);
  mkdirSync(SAME);
  writeFileSync(join(SAME, 'x.yaml'), baseline);
  writeFileSync(join(SAME, 'x.yml'), baseline);
}

/** Control characters a terminal acts on: anything but a newline. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;
const STACK = /\n\s+at /;
/** Whitespace out: a PDF's lines wrap wherever they wrap. */
const flat = (text: string) => text.replace(/\s+/g, '');
/** A path as the CLI shows it (absolute: the runs' working folder is elsewhere). */
const shown = (path: string) => terminalSafe(path);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The error and warning entries of a run's stderr, each with its continuation lines. */
const entries = (err: string) => err.split(/\n(?=error: |warning: |internal error)/).filter(Boolean);

let listener: Server;
let url = '';
const requests: string[] = [];
let corpusCheck: CliRun;
let corpusBuild: CliRun;
const own = new Map<Case, { check: CliRun; build: CliRun; ms: number[] }>();
const pdfs = new Map<string, { bytes: Buffer; read: PdfReadBack }>();
let cwdBefore: string[];
let inBefore: string[];
const pages: Array<{ file: string; requests: string[]; dom: string[]; dialogs: string[]; console: string[] }> = [];

const live = CASES.filter((c) => !c.bug);
/** Cases run on their own (all but the pipe in the folder, whose runs are the corpus runs). */
const alone = live.filter((c) => c.check !== 'corpus');
const inCorpus = live.filter((c) => !c.own);
/** The listing of a folder: name, type and size of each entry (symlinks not followed). */
const listing = (dir: string) => readdirSync(dir).sort().map((f) => {
  const s = lstatSync(join(dir, f));
  return `${f} ${s.isSymbolicLink() ? 'link' : s.isFIFO() ? 'fifo' : s.isDirectory() ? 'dir' : 'file'} ${s.size}`;
});

beforeAll(async () => {
  listener = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(listener.address() as { port: number }).port}`;

  for (const dir of [IN, CWD]) mkdirSync(dir);
  writeFileSync(join(CWD, 'sentinel.txt'), 'nothing may be written beside me\n');
  for (const file of readdirSync(FIXTURES)) {
    if (CASES.filter((c) => c.file === file).every((c) => c.bug) || file === 'baseline.yaml') continue;
    writeFileSync(at(file), readFileSync(join(FIXTURES, file), 'utf8').replaceAll(U, url));
  }
  makeRuntimeCases();
  cwdBefore = listing(CWD);
  inBefore = listing(IN);

  const run = (argv: string[]) => runCli(argv, { cwd: CWD });
  // The one build of the corpus prints. While it does, the checks run (nothing to wait on), and each
  // PDF and HTML copy is read back, or opened in a browser of the test's own, as soon as it is in place
  // (renamed there whole).
  const viewer = await startViewer();
  const building = run(['build', IN, '--out', OUT, '--html']);
  const taken = new Set<string>();
  const work: Array<Promise<void>> = [];
  let reading = Promise.resolve();
  const takeNew = () => {
    for (const file of existsSync(OUT) ? readdirSync(OUT) : []) {
      if (taken.has(file) || !/\.(pdf|html)$/.test(file)) continue;
      taken.add(file);
      if (file.endsWith('.html')) work.push(viewer.open(file));
      else {
        reading = reading.then(async () => {
          const bytes = readFileSync(join(OUT, file));
          pdfs.set(file, { bytes, read: await readPdf(new Uint8Array(bytes)) });
        });
      }
    }
  };
  const polling = setInterval(takeNew, 100);
  try {
    corpusCheck = await run(['check', IN]);
    const checks = new Map<Case, [CliRun, number]>();
    for (const c of alone) {
      const t0 = Date.now();
      checks.set(c, [await run(['check', ...(c.paths?.() ?? [at(c.file)]), ...(c.options ?? [])]), Date.now() - t0]);
    }
    corpusBuild = await building;
    takeNew();
    // Each case built on its own: what the corpus build printed is up to date, so nothing prints again.
    for (const c of alone) {
      const t0 = Date.now();
      const build = await run(['build', ...(c.paths?.() ?? [at(c.file)]), '--out', c.out ?? OUT, '--html', ...(c.options ?? [])]);
      const [check, checkMs] = checks.get(c)!;
      own.set(c, { check, build, ms: [checkMs, Date.now() - t0] });
    }
    await Promise.all(work);
    await reading;
  } finally {
    clearInterval(polling);
    await viewer.close();
  }
});

afterAll(async () => {
  await new Promise<void>((resolve) => listener?.close(() => resolve()) ?? resolve());
});

/**
 * A browser of the test's own that opens HTML copies with JavaScript on: as written (its
 * Content-Security-Policy in place) and, for a copy with the listener's address in it, once more with
 * that policy taken out, so that only the escaping stands between the canvas text and the page. Records
 * every request a page made, elements or attributes that could load or run something, dialogs and
 * console messages, in `pages`.
 */
async function startViewer() {
  const browser = await puppeteer.launch({
    executablePath: (await findBrowser({ env: {} })).path,
    args: ['--no-sandbox'],
    userDataDir: join(root, 'viewer-profile'),
  });
  // One page, navigated from copy to copy (a new page for each costs more than loading one).
  const page = await browser.newPage();
  let seen: (typeof pages)[number] | undefined;
  page.on('request', (r) => {
    if (seen && !/^(data|about):/.test(r.url()) && !r.url().startsWith(pathToFileURL(OUT).href)) seen.requests.push(r.url());
  });
  page.on('dialog', (d) => {
    seen?.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => seen?.console.push(m.text()));
  const visit = async (file: string, withoutPolicy: boolean) => {
    seen = { file: `${file}${withoutPolicy ? ' (without its CSP)' : ''}`, requests: [], dom: [], dialogs: [], console: [] };
    pages.push(seen);
    if (withoutPolicy) {
      const html = readFileSync(join(OUT, file), 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      await page.setContent(html, { waitUntil: 'load' });
    } else {
      await page.goto(pathToFileURL(join(OUT, file)).href, { waitUntil: 'load' });
    }
    seen.dom = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'link', 'foreignobject', 'image', 'img', 'base', 'form'].includes(tag)) found.push(`<${tag}>`);
        if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('<meta refresh>');
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) found.push(`${tag} ${attr.name}`);
          if (/^(src|href|xlink:href|data|action)$/i.test(attr.name) && !/^(#|data:)/.test(attr.value)) found.push(`${tag} ${attr.name}=${attr.value}`);
        }
      }
      return found;
    });
  };
  let queue = Promise.resolve();
  return {
    open(file: string): Promise<void> {
      const withUrl = readFileSync(join(OUT, file), 'utf8').includes(url);
      queue = queue.then(() => visit(file, false)).then(() => (withUrl ? visit(file, true) : undefined));
      return queue;
    },
    close: () => browser.close(),
  };
}

/** The stderr entries and stdout lines of a corpus run that name `path`. */
function linesOf(run: CliRun, path: string) {
  const name = shown(path);
  return {
    errors: entries(run.err).filter((e) => e.startsWith(`error: ${name}`) || e.includes(`\n${name}:`)),
    out: run.out.split('\n').filter((l) => l.includes(name)),
  };
}

/** What a failing run must say: the file (at line:column when given) and the message. */
function expectFailure(run: CliRun, c: Case, label: string) {
  if (!c.fileless) {
    expect(run.err, label).toMatch(new RegExp(`^error: ${escapeRegExp(shown(at(c.file)))}`));
  }
  if (c.at) expect(run.err, label).toContain(`${shown(at(c.file))}:${c.at}: `);
  if (c.message) expect(run.err, label).toMatch(c.message);
}

/** What every output of the tool must not hold, whatever the input. */
function expectClean(text: string, label: string) {
  expect(text, `${label}: a control character`).not.toMatch(CONTROL);
  expect(text, `${label}: a stack trace`).not.toMatch(STACK);
  expect(text, `${label}: an internal error`).not.toMatch(/internal error/);
  expect(text, `${label}: the secret token`).not.toContain(TOKEN);
  expect(text.length, `${label}: more than a few lines for a case`).toBeLessThan(4000);
}

describe('the corpus of hostile and broken inputs', () => {
  it('has at least 40 cases covering every class', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.class)).size).toBe(7);
    // Every static fixture is a case (or the baseline the runtime cases are made from).
    for (const file of readdirSync(FIXTURES)) if (file !== 'baseline.yaml') expect(CASES.map((c) => c.file), file).toContain(file);
  });

  for (const c of CASES) {
    const title = `${c.class}: ${c.what}: check ${c.check}, build ${c.build}`;
    if (c.bug) {
      // BUG: see the case's `bug`; the expected behaviour is in its check/build codes.
      it.todo(`${title} (BUG: ${c.bug})`);
      continue;
    }
    it(title, () => {
      const path = at(c.file);
      if (c.check === 'corpus' || c.build === 'corpus') {
        // A pipe in the folder: both corpus runs ended, never named it, and exited with the first failure's code; but
        // a failure to write the output (7: a name too long for a file) wins over any other (README "Exit codes").
        const failing = (code: (x: Case) => number | 'corpus') => inCorpus.filter((x) => code(x) !== 'corpus' && code(x) !== 0).sort((a, b) => (a.file < b.file ? -1 : 1));
        const first = (code: (x: Case) => number | 'corpus') => failing(code).find((x) => code(x) === EXIT.output) ?? failing(code)[0];
        expect(corpusCheck.code).toBe(first((x) => x.check)?.check);
        expect(corpusBuild.code).toBe(first((x) => x.build)?.build);
        for (const run of [corpusCheck, corpusBuild]) {
          for (const skipped of ['pipe.yaml', 'zero.yaml']) expect(`${run.out}\n${run.err}`).not.toContain(skipped);
          // Links that lead nowhere are canvases that cannot be read now (a share not mounted), not canvases deleted: each
          // fails, named, and keeps whatever PDFs it had.
          expect(run.err).toMatch(/dangling\.yaml: cannot read canvas: it is a link to \S*gone\.yaml, which does not exist \(moved, or on a drive or share not mounted\)/);
          expect(run.err).toMatch(/loop\.yaml: cannot read canvas: it is a symbolic link that leads back to itself/);
        }
        return;
      }
      const { check, build, ms } = own.get(c)!;
      // A guard against a hang or a blow-up (reading /dev/zero, expanding the bomb: minutes, or never), not a
      // timing: a refusal takes about a second, and a loaded CI machine may take several.
      if (c.quick) for (const t of ms) expect(t, 'a refusal that should read nothing ran on').toBeLessThan(30_000);
      expect(check.code, `check: ${check.out}\n${check.err}`).toBe(c.check);
      expect(build.code, `build: ${build.out}\n${build.err}`).toBe(c.build);
      expectClean(`${check.out}\n${check.err}`, 'check');
      expectClean(`${build.out}\n${build.err}`, 'build');
      expect(build.out, 'its own build printed again').not.toMatch(/^wrote /m);
      if (c.check !== 0) expectFailure(check, c, 'check');
      if (c.build !== 0) expectFailure(build, c, 'build');
      if (c.check === 0 && !c.own) expect(check.out).toMatch(new RegExp(`^ok ${escapeRegExp(shown(path))}: `, 'm'));
      if (c.build === 0 && c.message) expect(corpusBuild.err).toMatch(c.message); // a warning, printed when it was built
      if (c.out && existsSync(c.out)) expect(readdirSync(c.out).filter((f) => /\.(pdf|html|partial)$/.test(f)), 'written by a refused build').toEqual([]);

      if (c.own) return;
      // The corpus runs: one line (or error) for it, as its own runs say.
      const inCheck = linesOf(corpusCheck, path);
      const inBuild = linesOf(corpusBuild, path);
      if (c.check === 0) expect(inCheck.out.some((l) => l.startsWith(`ok ${shown(path)}: `)), corpusCheck.out).toBe(true);
      else expect(inCheck.errors.join('\n'), corpusCheck.err).toMatch(c.message ?? /./);
      if (c.build !== 0) expect(inBuild.errors.join('\n'), corpusBuild.err).toMatch(c.message ?? /./);
      for (const pdf of Object.keys(c.pdfs ?? {})) {
        expect(corpusBuild.out).toMatch(new RegExp(`^wrote ${escapeRegExp(join(OUT, pdf))}  \\d+ pages  edition [0-9a-f]{8}  \\d+\\.\\d s  \\(\\+ ${escapeRegExp(join(OUT, pdf.replace(/\.pdf$/, '.html')))}\\)$`, 'm'));
      }
      if (c.build !== 0 && !c.pdfs) expect(readdirSync(OUT).filter((f) => f.startsWith(c.file.replace(/\.ya?ml$/, '')))).toEqual([]);

      // What it printed: the canvas's figures as it states them, its text as text, the briefing styled as always.
      for (const [pdf, shows] of Object.entries(c.pdfs ?? {})) {
        const { bytes, read } = pdfs.get(pdf)!;
        const text = read.text.join('\n');
        const where = `${pdf}:\n${text}`;
        expect(read.outline.map((o) => o.title.replace(/^1 .*/s, '1 …')), where).toEqual(['Key figures', 'Contents', '1 …', 'Data notes', 'Important information']);
        expect(flat(read.text[1]), where).toMatch(/€1,234\.5millionFY2025/); // the key figure, nothing appended
        expect(flat(text), where).toMatch(/Revenuereached€1,234\.5million(?![\d€])/);
        expect(flat(text), where).not.toContain('€6,666.6');
        read.text.slice(1).forEach((page, i) => expect(flat(page), where).toContain(`Page${i + 2}of${read.pages}`)); // no footer replaced
        expect(read.fonts.length, where).toBeGreaterThan(0);
        for (const font of read.fonts) expect(font, where).toMatchObject({ name: expect.stringMatching(c.fallbackFont ? /\+/ : /\+(Inter|NotoSansSC)-/), embedded: true });
        expect(read.fonts.filter((f) => /\+Inter-/.test(f.name)).length, where).toBeGreaterThan(0);
        // Control characters never reach the text (the briefing leaves them out, and says so).
        expect(text, where).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
        expect(text, where).not.toContain(TOKEN);
        expect(bytes.includes('/URI'), `${pdf} links to somewhere`).toBe(false);
        for (const show of shows) expect(flat(text), where).toContain(flat(show.replaceAll(U, url)));
      }
    });
  }

  it('built every printable case in the one corpus build, with nothing printed by the later runs', () => {
    const printed = inCorpus.flatMap((c) => Object.keys(c.pdfs ?? {}));
    expect(corpusBuild.out.split('\n').filter((l) => l.startsWith('wrote ')).length, corpusBuild.out).toBe(printed.length);
    // The output folder: the briefings, their HTML copies and the manifest; no temporary file, no lock left.
    expect(readdirSync(OUT).sort()).toEqual(['.briefing-manifest.json', ...printed.flatMap((p) => [p, p.replace(/\.pdf$/, '.html')])].sort());
    expect(existsSync(join(root, 'out-same')), 'a refused build made its output folder').toBe(false);
  });

  it('prints no control character, stack trace or secret in the corpus runs', () => {
    for (const [name, run] of [['check', corpusCheck], ['build', corpusBuild]] as const) {
      const text = `${run.out}\n${run.err}`;
      expect(text, name).not.toMatch(CONTROL);
      expect(text, name).not.toMatch(STACK);
      expect(text, name).not.toContain(TOKEN);
      expect(text, name).not.toMatch(/internal error/);
    }
    for (const file of readdirSync(OUT).filter((f) => !f.endsWith('.pdf'))) expect(readFileSync(join(OUT, file), 'utf8'), file).not.toContain(TOKEN);
  });

  it('writes nothing outside the output folder: not in the working folder, not beside the canvases', () => {
    expect(listing(CWD)).toEqual(cwdBefore);
    expect(listing(IN)).toEqual(inBefore);
    expect(existsSync(join(CWD, 'PWNED')) || existsSync(join(IN, 'PWNED')) || existsSync('PWNED')).toBe(false);
  });

  it('makes no request, while printing or when the HTML copies are opened with JavaScript on, even without their CSP', () => {
    const copies = readdirSync(OUT).filter((f) => f.endsWith('.html'));
    expect(pages.filter((p) => !p.file.includes('without')).length).toBe(copies.length);
    expect(pages.filter((p) => p.file.includes('without')).length).toBe(copies.filter((f) => readFileSync(join(OUT, f), 'utf8').includes(url)).length);
    for (const page of pages) {
      expect(page.requests, page.file).toEqual([]);
      expect(page.dom, `${page.file}: elements or attributes that load or run something`).toEqual([]);
      expect(page.dialogs, page.file).toEqual([]);
      expect(page.console.filter((m) => /Content Security Policy|127\.0\.0\.1/.test(m)), page.file).toEqual([]);
    }
    expect(requests, 'requests that reached the listener').toEqual([]);
    expect(corpusBuild.err).not.toMatch(/blocked a request/);
  });
});
