/** The HTML splitter: every part within the limit, tags balanced in every part, no text lost or reordered. */
import { splitHtml, splitMessage, TELEGRAM_MESSAGE_LIMIT } from '../../../src/channels/telegram/split-message';
import { escapeHtml, htmlToPlainText } from '../../../src/channels/telegram/render-html';
import { tagProblem } from './html-check';

const plain = (parts: string[]) => parts.map(htmlToPlainText).join('');

describe('splitMessage', () => {
  it('keeps a short reply as one message', () => {
    expect(splitMessage(['<b>a</b>', 'b'])).toEqual(['<b>a</b>\n\nb']);
  });

  it('splits at paragraph boundaries when blocks are each small', () => {
    const blocks = Array.from({ length: 12 }, (_, i) => `<b>${i}</b> ${'段'.repeat(500)}`);
    const parts = splitMessage(blocks);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(tagProblem(p)).toBe('');
    }
    // No block is cut: every part is whole blocks joined by blank lines.
    expect(parts.join('\n\n')).toBe(blocks.join('\n\n'));
  });

  it('cuts a long quote on line boundaries, closing and reopening the tag', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i}: ${'证据'.repeat(10)} & <x>`);
    const block = `<blockquote>${escapeHtml(lines.join('\n'))}</blockquote>`;
    const parts = splitMessage(['<b>head</b>', block]);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(tagProblem(p)).toBe('');
    }
    for (const p of parts.slice(1)) expect(p.startsWith('<blockquote>')).toBe(true);
    // Cuts fall after a newline: every part but the last ends a line.
    for (const p of parts.slice(1, -1)) expect(htmlToPlainText(p).endsWith('\n')).toBe(true);
    expect(plain(parts).replace(/\n/g, '')).toBe(`head${lines.join('')}`.replace(/\n/g, ''));
  });

  it('cuts a paragraph without any break between characters, never inside an entity or surrogate pair', () => {
    const text = `${'&amp;😀字'.repeat(3000)}`;
    const parts = splitHtml(`<i><b>${text}</b></i>`, 1000);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(tagProblem(p)).toBe('');
      expect(p.startsWith('<i><b>')).toBe(true);
      expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(plain(parts)).toBe(htmlToPlainText(text));
  });

  it('prefers a sentence end to a hard cut in Chinese text', () => {
    const sentence = `${'催收不得威胁恐吓'.repeat(5)}。`;
    const parts = splitHtml(sentence.repeat(200), 1000);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('。')).toBe(true);
  });

  it('does not leave an empty tag pair at the end of a part', () => {
    const html = `${'a'.repeat(95)}<b>${'b'.repeat(50)}</b>`;
    const parts = splitHtml(html, 100);
    expect(parts[0]).toBe('a'.repeat(95));
    expect(parts.join('')).toContain('<b>');
    for (const p of parts) expect(tagProblem(p)).toBe('');
  });
});
