/** Rebuilding text from Tesseract's TSV output, dropping lines of low confidence (src/ocr/engine.ts). */
import { MIN_LINE_CONFIDENCE, textFromTsv } from '../../src/ocr/engine';

/** One TSV word row: block, paragraph, line, word, confidence, text. */
const word = (block: number, par: number, line: number, n: number, conf: number, text: string) =>
  ['5', '1', block, par, line, n, 0, 0, 10, 10, conf, text].join('\t');

describe('textFromTsv', () => {
  it('joins words by a space, lines by a newline and paragraphs by a blank line; ignores other rows', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1080\t2400\t-1\t',
      word(1, 1, 1, 1, 92, '09:41'),
      word(2, 1, 1, 1, 95, ' '),
      word(3, 1, 1, 1, 93, '今天'),
      word(3, 1, 1, 2, 92, '09:15'),
      word(3, 2, 1, 1, 90, '您'),
      word(3, 2, 1, 2, 96, '好'),
      word(3, 2, 2, 1, 91, '欠款'),
    ].join('\n');
    expect(textFromTsv(tsv)).toBe('09:41\n\n今天 09:15\n\n您 好\n欠款\n');
  });

  it('drops a line of low confidence (weighted by characters) and never joins the lines around it', () => {
    const tsv = [
      word(1, 1, 1, 1, 93, '在吗?'),
      word(1, 1, 2, 1, 30, '瑟'),
      word(1, 1, 2, 2, 0, '情由'),
      word(1, 1, 2, 3, 67, '30'),
      word(1, 1, 3, 1, 90, '欠款什么时候还?'),
      word(1, 1, 4, 1, 40, '这'),
      word(1, 1, 4, 2, 96, '费用每天300元'),
    ].join('\n');
    expect(textFromTsv(tsv)).toBe('在吗?\n\n欠款什么时候还?\n这 费用每天300元\n');
    expect(textFromTsv(tsv, 0)).toContain('瑟 情由 30');
    expect(MIN_LINE_CONFIDENCE).toBeGreaterThan(0);
  });

  it('returns an empty string for no words', () => {
    expect(textFromTsv('')).toBe('');
    expect(textFromTsv(word(1, 1, 1, 1, 12, '和信'))).toBe('');
  });
});
