import { describe, it, expect } from 'vitest';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { loadCanvas, parseCanvas } from '../../src/load/load-canvas.ts';

/** The message lines a YAML syntax error produces (it must be a BriefingError, never a crash). */
function syntaxLines(text: string, file = 'canvas.yaml'): string[] {
  try {
    parseCanvas(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).exitCode).toBe(EXIT.invalidData);
    return (error as Error).message.split('\n');
  }
  throw new Error('the text parsed, but it has a syntax error');
}

async function fixtureLines(name: string): Promise<string[]> {
  const error = await loadCanvas(`test/fixtures/invalid/${name}`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BriefingError);
  return (error as Error).message.split('\n');
}

const LAYOUT = 'keys of one mapping line up, nested keys are indented by two more spaces';

describe('YAML typed with a Japanese or Chinese input method', () => {
  const metric = (lines: string[]) => `company:\n  name: Sony Group\nmetrics:\n  op:\n${lines.map((l) => `    ${l}\n`).join('')}`;
  const IME = '(as a Japanese or Chinese input method types it)';

  it('says which character is full-width: a colon, the space after one, indentation, a bracket; at the key where it is', () => {
    expect(syntaxLines(metric(['label: Operating income', 'value：2005.6', 'unit: JPY']))[0]).toBe(`canvas.yaml:6:10: metrics.op.value: YAML syntax: the colon after "value" is full-width (：) ${IME}: write a half-width colon and a space (value: …)`);
    expect(syntaxLines(metric(['label：Operating income', 'value: 2005.6']))[0]).toBe(`canvas.yaml:5:10: metrics.op.label: YAML syntax: the colon after "label" is full-width (：) ${IME}: write a half-width colon and a space (label: …)`);
    expect(syntaxLines(metric(['label: Operating income', 'value:\u30002005.6', 'unit: JPY']))[0]).toBe(`canvas.yaml:6:11: metrics.op.value: YAML syntax: the space after "value:" is full-width (U+3000) ${IME}: write a half-width space (value: …)`);
    expect(syntaxLines('company:\n  name: Sony Group\nmetrics:\n  op:\n\u3000\u3000label: Operating income\n    value: 2005.6\n')[0]).toMatch(/^canvas\.yaml:5:1: .*YAML syntax: this line is indented with a full-width space \(U\+3000/);
    expect(syntaxLines(metric(['label: Operating income', 'change: ｛ percent: -18.6 ｝']))[0]).toBe(`canvas.yaml:6:13: metrics.op.change: YAML syntax: the value of "change" opens with a full-width bracket (｛) ${IME}: write its brackets half-width, { } for a mapping or [ ] for a list`);
  });

  it('does not blame full-width text near an error of another kind', () => {
    // A title opening with a full-width bracket, and a paragraph's line opening with a full-width space (字下げ), are valid.
    const title = `company:\n  name: Sony Group\nblocks:\n  key_partnerships:\n    sections:\n      - title: ［速報］供給\n        content:\n          - bullets: [a, b\n`;
    expect(syntaxLines(title)[0]).toMatch(/this \[ is never closed/);
    const indented = `company:\n  name: Sony Group\nblocks:\n  key_partnerships:\n    sections:\n      - title: 供給\n        content:\n          - paragraph: |\n              \u3000当社は長期契約を結んでいる。\n          - bullets: [a, b\n`;
    expect(syntaxLines(indented)[0]).toMatch(/this \[ is never closed/);
  });

  it('leaves full-width punctuation in text alone', () => {
    expect(() => parseCanvas(metric(['label: "営業利益：連結"', 'note: 注記：前年同期比　＋５％']), 'canvas.yaml')).not.toThrow();
  });
});

describe('YAML syntax errors', () => {
  it('reports only the first error, with a count of the ones after it, and a plain hint for a tab', async () => {
    expect(await fixtureLines('tab-indent.yaml')).toEqual([
      'test/fixtures/invalid/tab-indent.yaml:4:1: company.exchange: YAML syntax: this line is indented with a tab: indent with spaces, not tabs',
      'and 1 more syntax error after it, often caused by this one: fix it and run again',
    ]);
  });

  it('says a tab in the indentation of a folded text\'s line is a tab, with the text\'s own indentation, whatever YAML made of the line', () => {
    const head = 'block_sets:\n  commerce:\n    title: Commerce\n    description: >-\n      Taobao, Tmall and 88VIP,\n';
    // More of the text; and a line with a colon, which YAML took for a key lined up with none ("indented 1 space").
    for (const line of ['\tquick commerce.', '\tquick commerce and local services: the consumption business']) {
      expect(syntaxLines(`${head}${line}\n    blocks: [channels]\n`)[0], line).toBe('canvas.yaml:6:1: block_sets.commerce.description: YAML syntax: this line is indented with a tab: indent with spaces, not tabs (6 spaces to go on with the text of "description" on line 4)');
    }
  });

  it('counts a slip the parser reports twice on one line once', () => {
    expect(syntaxLines('company:\n\tname: A\n  ticker: X\n')).toEqual([
      'canvas.yaml:2:1: company.name: YAML syntax: this line is indented with a tab: indent with spaces, not tabs',
    ]);
  });

  it('points at an over-indented key, not at the line above where the parser notices it', async () => {
    expect(await fixtureLines('over-indented-key.yaml')).toEqual([
      `test/fixtures/invalid/over-indented-key.yaml:18:7: metrics.revenue.unit: YAML syntax: "unit" is indented more than "value" on line 17, which already has a value: line it up with "value" (4 spaces); ${LAYOUT}`,
    ]);
  });

  it('points at the first key of a mapping when it is the one out of line with the keys after it', () => {
    const metric = (label: string, rest: string) => `metrics:\n  revenue:\n${label}    unit: GBP\n    scale: million\n    period: FY2025\n${rest}`;
    expect(syntaxLines(metric('   label: Revenue\n', '  staff:\n    label: Staff\n'))[0]).toBe(
      `canvas.yaml:3:4: metrics.revenue.label: YAML syntax: "label" is indented 3 spaces, but the keys after it ("unit", "scale") 4 spaces: indent "label" like them; ${LAYOUT}`,
    );
    // One space too many: the parser stops at the next key, but the first one is the odd one out all the same.
    expect(syntaxLines(metric('     label: Revenue\n', '  staff:\n    label: Staff\n'))[0]).toBe(
      `canvas.yaml:3:6: metrics.revenue.label: YAML syntax: "label" is indented 5 spaces, but the keys after it ("unit", "scale") 4 spaces: indent "label" like them; ${LAYOUT}`,
    );
    // A list's first item one space deeper than the items after it: it is named, not the second.
    expect(syntaxLines('metrics:\n  rev:\n    values:\n       - { value: 1, period: Q1 2025 }\n      - { value: 2, period: Q2 2025 }\n      - { value: 3, period: Q3 2025 }\n')[0]).toBe(
      `canvas.yaml:4:8: metrics.rev.values[0]: YAML syntax: this list item is indented 7 spaces, but the items after it (lines 5 and 6) 6 spaces: line its "-" up with theirs; ${LAYOUT}`,
    );
    // The keys after it too deep, a later key back at its column, or it two spaces in and they not: they are the ones out of line.
    expect(syntaxLines('company:\n  name: A\n    ticker: X\n    exchange: Y\n  country: Z\n')[0]).toMatch(/^canvas\.yaml:3:5: company\.ticker: YAML syntax: "ticker" is indented more than "name" on line 2/);
    expect(syntaxLines('company:\n  name: A\n    ticker: X\n    exchange: Y\nbriefing:\n  period: FY2025\n')[0]).toMatch(/^canvas\.yaml:3:5: company\.ticker: YAML syntax: "ticker" is indented more than "name" on line 2/);
  });

  it('refuses a list item one space deeper than the one above: valid YAML, but it would print as more of that item\'s text', () => {
    const bullets = (first: string, second: string) => `blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - bullets:\n${first}- Contracted share of output.\n${second}- Merchant exposure.\n`;
    expect(syntaxLines(bullets(' '.repeat(14), ' '.repeat(15)))).toEqual([
      'canvas.yaml:8:16: blocks.revenue_streams.sections[0].content[0].bullets[0]: YAML syntax: this "- " line is indented more than line 7, so it reads as more of line 7\'s text, not as a list item (the PDF would run the two together): line its "-" up with the one on line 7 (14 spaces) to make it an item of its own',
    ]);
    // Under a key, not an item: the "-" may be meant as part of the text.
    expect(syntaxLines('company:\n  name: Acme\n    - Holdings\n')[0]).toMatch(/^canvas\.yaml:3:5: company\.name: YAML syntax: this "- " line .*: line it up with the items it belongs with, or put the text of line 2 in double quotes if the "-" is part of it$/);
    // In quotes, or one line with a dash inside: text as written.
    expect(() => parseCanvas('company:\n  name: "Acme\n    - Holdings"\n  note: Acme - Holdings\n', 'canvas.yaml')).not.toThrow();
  });

  it('offers the columns a dedented key may have meant', async () => {
    expect(await fixtureLines('dedented-key.yaml')).toEqual([
      `test/fixtures/invalid/dedented-key.yaml:19:6: metrics.revenue.change.basis: YAML syntax: "basis" is indented 5 spaces, which lines up with no key above it: line it up with "percent" on line 18 (6 spaces) or "change" on line 17 (4 spaces); ${LAYOUT}`,
    ]);
  });

  it('points at a list item indented one space off', () => {
    const text = 'blocks:\n  channels:\n    sections:\n      - title: Online\n        content:\n          - chart: a\n           - chart: b\n';
    expect(syntaxLines(text)).toEqual([
      `canvas.yaml:7:12: blocks.channels.sections[0].content[1].chart: YAML syntax: this list item is indented 11 spaces, which lines up with no list above it: line it up with the "-" on line 6 (10 spaces); ${LAYOUT}`,
    ]);
  });

  it('explains a key beside list items in one mapping', () => {
    const text = 'metrics:\n  - revenue_q2:\n      label: Revenue\n  revenue_q3:\n    label: Revenue\n';
    expect(syntaxLines(text)).toEqual([
      'canvas.yaml:4:3: metrics.revenue_q3: YAML syntax: "revenue_q3" lines up with the list item ("- ") on line 2, but one mapping holds either list items or keys: remove the "- " on line 2, or write this line as a list item too',
    ]);
  });

  it('says where an unclosed quote opened, not where the file ends', async () => {
    expect(await fixtureLines('broken-syntax.yaml')).toEqual([
      'test/fixtures/invalid/broken-syntax.yaml:2:9: company.name: YAML syntax: this quote (") is never closed: add the closing " where the text ends',
    ]);
  });

  it('says where an unclosed { opened', () => {
    expect(syntaxLines('metrics:\n  revenue:\n    change: { percent: 4.2, basis: YoY\n    period: FY2025\n')).toEqual([
      'canvas.yaml:3:13: metrics.revenue.change: YAML syntax: this { is never closed: end it with }',
    ]);
  });

  it('says a [ closed on a later line needs its lines indented', () => {
    const text = 'metrics: {}\nrows:\n  - [Net income, { metric: net_income },\n  Impairment of an offshore project]\n';
    expect(syntaxLines(text)).toEqual([
      'canvas.yaml:3:5: rows[0]: YAML syntax: this [ is closed on line 4, but the lines up to there must be indented more than this line: indent them, or write the whole [ ... ] on one line',
    ]);
  });

  it('refuses a key that is a list, a mapping or text over several lines, at the key (the YAML reader would make text of its own of it)', () => {
    expect(syntaxLines('company:\n  ? [a, b]\n  : x\n')).toEqual(['canvas.yaml:2:5: company: YAML syntax: this key is a list or mapping; a key is one word such as revenue_q3 (ids: lower-case letters, digits and underscores)']);
    expect(syntaxLines('company:\n  ? |\n    two\n    lines\n  : x\n')[0]).toMatch(/^canvas\.yaml:2:5: company: YAML syntax: this key is text over several lines;/);
  });

  it("quotes no line that may hold a password or token (the config's smtp URL), naming its place only", () => {
    const lines = syntaxLines('mail:\n  from: ir@example.com\n  smtp: smtp://user:pa: ss@host:587\n', 'briefing.config.yaml');
    expect(lines[0]).toBe('briefing.config.yaml:3:23: mail.smtp: YAML syntax: this line is not valid YAML (it is not shown: it may hold a password or token); put the whole value in double quotes');
  });

  it('quotes nothing of a file with no canvas key that does not parse: a credentials file may be behind it', () => {
    for (const secret of ['password: Sup3rS3cret: x', 'password: !Sup3rS3cret', 'api_key: %Sup3rS3cret', 'token: "Sup3rS3cret']) {
      const lines = syntaxLines(`${secret}\n`);
      expect(lines.join('\n')).not.toContain('Sup3rS3cret');
      expect(lines[0]).toMatch(/^canvas\.yaml:\d+:\d+: not a canvas: no company:, briefing: or other canvas key at the start of a line, and not valid YAML at this line/);
    }
  });

  it('names a duplicate key and where it first appears, since a second value would replace a figure', () => {
    const text = 'metrics:\n  revenue_q3:\n    label: Revenue\n    value: 101.3\n  revenue_q3:\n    label: Revenue\n    value: 99.1\n';
    expect(syntaxLines(text, 'dup.yaml')).toEqual([
      'dup.yaml:5:3: metrics.revenue_q3: YAML syntax: "revenue_q3" is given a second time here (first on line 2): a canvas may give each key once (a second value would silently replace the first figure); keep one, or rename the other',
    ]);
  });

  it('asks for quotes around a value with a colon in it', () => {
    expect(syntaxLines('charts:\n  growth:\n    title: Cloud: the next decade\n')).toEqual([
      'canvas.yaml:3:17: charts.growth.title: YAML syntax: the value of "title" has a colon followed by a space (or the line end), which YAML reads as a new key: put the whole value in double quotes: title: "Cloud: the next decade"',
    ]);
  });

  it('points at a key pulled out of line between two that line up, not at the key after it', () => {
    const text = 'metrics:\n  net_cash:\n    label: Net cash\n    value: 212.0\n  period_end: 2025-06-30\n    source: Half-year report\n';
    expect(syntaxLines(text)[0]).toBe(
      `canvas.yaml:5:3: metrics.net_cash.period_end: YAML syntax: "period_end" is indented less than the keys around it ("value" on line 4, "source" on line 6): indent it like them (4 spaces); ${LAYOUT}`,
    );
  });

  it('blames the key after it, not a key among others with values, when that one is pushed in', () => {
    const text = 'metrics:\n  net_cash:\n    label: Net cash\n    value: 212.0\n    change:\n      percent: 5\n      basis: YoY\n    qualifier: approx\n      decimals: 1\n';
    expect(syntaxLines(text)[0]).toBe(
      `canvas.yaml:9:7: metrics.net_cash.decimals: YAML syntax: "decimals" is indented more than "qualifier" on line 8, which already has a value: line it up with "qualifier" (4 spaces); ${LAYOUT}`,
    );
  });

  it('asks to line up a list item pushed in under the item before it', () => {
    const text = 'blocks:\n  channels:\n    sections:\n      - title: Online\n        content:\n          - paragraph: Text here.\n              - chart: trend\n';
    expect(syntaxLines(text)[0]).toBe(
      'canvas.yaml:7:15: blocks.channels.sections[0].content[1].chart: YAML syntax: this "- " is indented more than the one on line 6, whose "paragraph" has a value already: line it up with it (10 spaces); the items of one list line up',
    );
  });

  it('asks to leave the key\'s line empty when a key has both a value and a list under it', () => {
    const text = 'blocks:\n  key_resources:\n    sections: Generation fleet\n      - title: Generation fleet\n        content:\n          - paragraph: Wind farms.\n';
    expect(syntaxLines(text)[0]).toBe(
      'canvas.yaml:3:15: blocks.key_resources.sections: YAML syntax: "sections" has both a value here, "Generation fleet", and a list ("- ") under it from line 4: a key holds one or the other. To give "sections" the list, leave nothing after "sections:" on this line',
    );
  });

  it('points at the colon in a continued paragraph line', () => {
    const text = 'blocks:\n  channels:\n    sections:\n      - title: Online\n        content:\n          - paragraph: Revenue grew strongly in the quarter\n              for one reason: cloud demand.\n';
    expect(syntaxLines(text)).toEqual([
      'canvas.yaml:7:29: blocks.channels.sections[0].content[0].paragraph: YAML syntax: the text of "paragraph" (line 6) continues here, and a colon followed by a space reads as a new key: put the whole text in double quotes, or write it as a folded block (paragraph: >- with the text on the lines below)',
    ]);
  });

  it('points at a line of text that lost its indentation', () => {
    expect(syntaxLines('briefing:\n  summary: >-\n    Revenue grew in the quarter,\n  led by cloud.\n')).toEqual([
      'canvas.yaml:4:3: briefing.summary: YAML syntax: this line is not indented like the text of "summary" (line 2) above it: to continue that text, indent it 4 spaces; to start a new key, write key: value',
    ]);
  });

  it('asks for quotes around a paragraph that starts with a [[reference]]', () => {
    const text = 'blocks:\n  channels:\n    sections:\n      - title: Online\n        content:\n          - paragraph: [[cloud_revenue]] grew strongly.\n';
    expect(syntaxLines(text)).toEqual([
      'canvas.yaml:6:24: blocks.channels.sections[0].content[0].paragraph: YAML syntax: a value that starts with [ is read as a list, so no text may follow its closing bracket: put the whole value in double quotes: paragraph: "[[cloud_revenue]] grew strongly."',
    ]);
  });

  it('explains a quote inside a quoted value', () => {
    expect(syntaxLines("company:\n  name: 'Alibaba's cloud'\n")).toEqual([
      `canvas.yaml:2:18: company.name: YAML syntax: text follows the quote that closes this value: put the whole value in quotes; inside 'single quotes' write a quote as '', e.g. name: "Alibaba's cloud"`,
    ]);
  });

  it('asks for quotes around text that starts with *, even when YAML would read it as an alias', () => {
    expect(syntaxLines('metrics:\n  revenue:\n    note: * excluding one-offs\n')).toEqual([
      'canvas.yaml:3:11: metrics.revenue.note: YAML syntax: a value that starts with * has a special meaning in YAML: put the whole value in double quotes: note: "* excluding one-offs"',
    ]);
    expect(syntaxLines('metrics:\n  revenue:\n    note: *unaudited\n')).toEqual([
      'canvas.yaml:3:11: metrics.revenue.note: YAML syntax: a value that starts with * refers to a value marked &unaudited elsewhere, and there is none: to write text that starts with *, put the whole value in double quotes',
    ]);
  });

  it('rejects an unknown !tag, which would silently empty the value', () => {
    expect(syntaxLines('metrics:\n  revenue:\n    note: !important\n')).toEqual([
      'canvas.yaml:3:11: metrics.revenue.note: YAML syntax: a value that starts with ! has a special meaning in YAML: put the whole value in double quotes: note: "!important"',
    ]);
  });

  it('asks for the missing space after a colon', () => {
    expect(syntaxLines('company:\n  name:Alibaba\n  ticker: BABA\n')).toEqual([
      'canvas.yaml:2:8: company: YAML syntax: put a space after the colon of "name:"',
    ]);
  });

  it('asks for the missing space after a list item\'s dash, not for a colon or another indentation', () => {
    expect(syntaxLines('key_figures:\n  - revenue\n  -margin\n  - users\n')).toEqual([
      'canvas.yaml:3:4: key_figures[0]: YAML syntax: put a space after the "-" that starts this list item: without one, YAML reads the line as text, not as an item (- item)',
    ]);
    // The first item: it and the items below it read as one text, which is valid YAML.
    expect(syntaxLines('blocks:\n  channels:\n    sections:\n      - title: Stores\n        content:\n          - bullets:\n              -Online first.\n              - Then stores.\n')).toEqual([
      'canvas.yaml:7:16: blocks.channels.sections[0].content[0].bullets: YAML syntax: put a space after the "-" that starts this list item: without one, YAML reads it and the "- " lines below it as one text, not as a list (- item)',
    ]);
  });

  it('refuses text that a comment cuts short ("the #1 operator"), naming what would be lost, and leaves a comment with a space after its # alone', () => {
    const bullets = (line: string) => `blocks:\n  channels:\n    sections:\n      - title: Stores\n        content:\n          - bullets:\n              - ${line}\n`;
    expect(syntaxLines(bullets('Nordwind is the #1 wind operator in Norway, with a 12% share.'))).toEqual([
      'canvas.yaml:7:33: blocks.channels.sections[0].content[0].bullets[0]: YAML syntax: " #" starts a comment, so this text stops before "#1 wind operator in Norway, with a 12% s…" and the briefing would print "Nordwind is the": put the whole text in double quotes to keep it, or put a space after the "#" if it is a comment',
    ]);
    expect(syntaxLines('company:\n  name: Turbine suppliers #2\n')[0]).toMatch(/^canvas\.yaml:2:27: company\.name: YAML syntax: " #" starts a comment, so this text stops before "#2"/);
    // The whole value a comment: the key is left empty.
    expect(syntaxLines('company:\n  name: Nordwind\n  ticker: #NWE\n')).toEqual([
      'canvas.yaml:3:11: company.ticker: YAML syntax: " #" starts a comment, so "#NWE" is read as one and "ticker" is left empty: put the value in double quotes to keep it, or put a space after the "#" if it is a comment',
    ]);
    // A comment as YAML writes one, and the text quoted: read as they are.
    expect(() => parseCanvas(bullets('Stores first.  # checked with IR'), 'canvas.yaml')).not.toThrow();
    expect(() => parseCanvas(bullets('"Nordwind is the #1 wind operator."'), 'canvas.yaml')).not.toThrow();
  });
});
