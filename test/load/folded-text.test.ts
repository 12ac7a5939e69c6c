/** Text folded over lines, as YAML joins it, read as its language sets it. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';

/** The block's lead and paragraphs, as read from YAML `lines` of each (a `>-` block, or a form given in full). */
function read(...texts: string[]): string[] {
  const yaml = `company: { name: X }\nblocks:\n  channels:\n    sections:\n      - content:\n${texts.map((t) => `          - paragraph: ${t}\n`).join('')}`;
  const data = parseCanvas(yaml, 'c.yaml').data as { blocks: { channels: { sections: Array<{ content: Array<{ paragraph: string }> }> } } };
  return data.blocks.channels.sections[0]!.content.map((c) => c.paragraph);
}
const folded = (...lines: string[]) => `>-\n${lines.map((l) => `              ${l}`).join('\n')}`;

describe('Chinese and Japanese text folded over lines', () => {
  it('is joined without the space YAML puts at each line end, beside a digit or a Latin letter too', () => {
    expect(read(folded('当第2四半期の営業利益は', '1,204億円となった。', '通期の見通しを', '上方修正した。'))).toEqual(['当第2四半期の営業利益は1,204億円となった。通期の見通しを上方修正した。']);
    expect(read('"中国市场\n              增长强劲"', '收入\n              增长')).toEqual(['中国市场增长强劲', '收入增长']);
    // The join, not a space typed within the line between the same two characters.
    expect(read(folded('売上高は 1,204億円、営業利益は', '1,204億円'))).toEqual(['売上高は 1,204億円、営業利益は1,204億円']);
    // In quotes too, the last line short: its closing quote mark is no part of the text the join is found by.
    expect(read('"売上高は 1,204億円、営業利益は\n              1,204億円"', "'売上高は 1,204億円、営業利益は\n              1,204億円'")).toEqual(['売上高は 1,204億円、営業利益は1,204億円', '売上高は 1,204億円、営業利益は1,204億円']);
  });

  it('keeps the space of Korean text beside a Chinese name at a line\'s end', () => {
    expect(read(folded('알리바바는', '杭州에 본사를 두고 있다.'), folded('본사는 杭州', '에 있다.'))).toEqual(['알리바바는 杭州에 본사를 두고 있다.', '본사는 杭州 에 있다.']);
  });

  it('keeps the spaces of Korean, of English around a Chinese name, of text typed on one line, and of a literal block', () => {
    expect(read(folded('매출은 크게', '증가했다.'), folded('Alibaba is based in 杭州', 'and Shanghai.'), '增长 强劲', '|-\n              第一行\n              第二行')).toEqual([
      '매출은 크게 증가했다.', 'Alibaba is based in 杭州 and Shanghai.', '增长 强劲', '第一行\n第二行',
    ]);
  });
});
