/**
 * Simplified or traditional reading of one bubble, on strings (no OCR): the words whose characters differ
 * between the scripts decide, with an overall lead required of the traditional reading.
 */
import { TRADITIONAL_LEAD, prefersTraditional } from '../../src/ocr/script-choice';

const reading = (conf: number, words: Array<[string, number]>) => ({ conf, words: words.map(([text, c]) => ({ text, conf: c })) });

describe('prefersTraditional', () => {
  it('keeps the traditional reading of a traditional bubble', () => {
    // 網貸逾期會坐牢嗎: the simplified model guessed 网/会 without confidence, the traditional one read them well.
    const simplified = reading(70, [['网', 55], ['货', 50], ['逾期', 90], ['会', 60], ['坐牢', 92], ['吗', 70]]);
    const traditional = reading(91, [['網', 93], ['貸', 88], ['逾期', 92], ['會', 94], ['坐牢', 93], ['嗎', 92]]);
    expect(prefersTraditional(simplified, traditional)).toBe(true);
  });

  it('keeps the simplified reading of a simplified bubble the traditional model was more confident about overall', () => {
    // 不还钱就等着: the traditional model turned 还/钱 into 還/錢 with less confidence than the simplified model
    // had in 还/钱, though its other words scored higher.
    const simplified = reading(86, [['不', 80], ['还', 95], ['钱', 94], ['就', 80], ['等', 78], ['着', 90]]);
    const traditional = reading(91, [['不', 95], ['還', 85], ['錢', 84], ['就', 96], ['等', 96], ['著', 88]]);
    expect(prefersTraditional(simplified, traditional)).toBe(false);
  });

  it('needs the overall lead and words that differ between the scripts', () => {
    const simplified = reading(80, [['网', 60], ['贷', 60]]);
    expect(prefersTraditional(simplified, reading(80 + TRADITIONAL_LEAD - 1, [['網', 95], ['貸', 95]]))).toBe(false);
    expect(prefersTraditional(simplified, reading(80 + TRADITIONAL_LEAD, [['網', 95], ['貸', 95]]))).toBe(true);
    // The same characters in both scripts: nothing to change, whatever the confidences.
    expect(prefersTraditional(reading(70, [['你好', 70]]), reading(95, [['你好', 95]]))).toBe(false);
  });
});
