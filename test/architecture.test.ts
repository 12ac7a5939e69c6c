/**
 * The architecture rules in eslint.config.js, tried on planted files: a rule that silently stopped
 * matching would let the layering README.md describes erode without a single failing check.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/**
 * The restricted-import messages ESLint gives `code` as if it were the file at `path`. A planted file
 * ESLint cannot parse throws: it has no restricted imports only because nothing was checked.
 */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: path });
  const unchecked = result!.messages.filter((m) => m.fatal || m.ruleId === null);
  if (unchecked.length > 0) throw new Error(`${path} was not linted: ${unchecked.map((m) => m.message).join('; ')}`);
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the architecture rules', () => {
  it('keep a stage from importing another stage\'s code, but not its types', async () => {
    expect(await violations('src/model/planted.ts', "import { createRenderer } from '../render/render-html.ts'; void createRenderer;"))
      .toEqual([expect.stringMatching(/Stages do not import each other's code/)]);
    expect(await violations('src/model/planted.ts', "import type { RenderedHtml } from '../render/render-html.ts'; let x: RenderedHtml | undefined; void x;")).toEqual([]);
    expect(await violations('src/print/planted.ts', "import { type PageSize, pageCss } from '../render/page-css.ts'; void pageCss; let p: PageSize | undefined; void p;"))
      .toHaveLength(1);
    // From any depth of the stage's folder.
    expect(await violations('src/print/sub/planted.ts', "import { pageCss } from '../../render/page-css.ts'; void pageCss;"))
      .toEqual([expect.stringMatching(/Stages do not import each other's code/)]);
    expect(await violations('src/print/sub/planted.ts', "import { withPage } from '../with-page.ts'; void withPage;")).toEqual([]);
  });

  it('keep a stage from reaching up to the pipeline or the command line', async () => {
    expect(await violations('src/render/planted.ts', "import { startRun } from '../pipeline.ts'; void startRun;"))
      .toEqual([expect.stringMatching(/does not reach up/)]);
    expect(await violations('src/deliver/planted.ts', "import { main } from '../cli/main.ts'; void main;")).toHaveLength(1);
  });

  it('let only the owning stage import a library, not even its types elsewhere', async () => {
    expect(await violations('src/load/planted.ts', "import { parse } from 'yaml'; void parse;")).toEqual([]);
    expect(await violations('src/model/planted.ts', "import { parse } from 'yaml'; void parse;")).toEqual([expect.stringMatching(/Only src\/load\//)]);
    expect(await violations('src/render/planted.ts', "import type { Spec } from 'vega'; let s: Spec | undefined; void s;")).toEqual([expect.stringMatching(/Only src\/charts\//)]);
    expect(await violations('src/pipeline.ts', "import puppeteer from 'puppeteer-core'; void puppeteer;")).toEqual([expect.stringMatching(/Only src\/print\//)]);
    expect(await violations('src/charts/planted.ts', "import { compile } from 'vega-lite/build/index.js'; void compile;")).toEqual([]);
  });

  it('keep the CLI off the stages: it goes through pipeline.ts', async () => {
    expect(await violations('src/cli/planted.ts', "import { loadCanvas } from '../load/load-canvas.ts'; void loadCanvas;")).toHaveLength(1);
    expect(await violations('src/cli/planted.ts', "import { buildBriefings } from '../pipeline.ts'; void buildBriefings;")).toEqual([]);
    expect(await violations('src/cli/planted.ts', "import { Command } from 'commander'; void Command;")).toEqual([]);
    expect(await violations('src/cli/sub/planted.ts', "import { loadCanvas } from '../../load/load-canvas.ts'; void loadCanvas;"))
      .toEqual([expect.stringMatching(/The CLI reaches the stages only through src\/pipeline\.ts/)]);
  });

  it('count a planted file ESLint cannot parse as unchecked, not as clean', async () => {
    await expect(violations('src/model/planted.ts', "import { createRenderer } from '../render/render-html.ts' void createRenderer;"))
      .rejects.toThrow(/src\/model\/planted\.ts was not linted: Parsing error/);
  });

  it('keep shared code below the stages', async () => {
    expect(await violations('src/canvas/planted.ts', "import { buildModel } from '../model/build-model.ts'; void buildModel;")).toHaveLength(1);
    expect(await violations('src/fonts.ts', "import { createRenderer } from './render/render-html.ts'; void createRenderer;")).toHaveLength(1);
    expect(await violations('src/config.ts', "import { pageCss } from './render/page-css.ts'; void pageCss;")).toHaveLength(1);
    expect(await violations('src/config.ts', "import { main } from './cli/main.ts'; void main;")).toEqual([expect.stringMatching(/below the pipeline/)]);
    expect(await violations('src/canvas/planted.ts', "import type { Metric } from '../validate/schema.ts'; let m: Metric | undefined; void m;")).toEqual([]);
  });
});
