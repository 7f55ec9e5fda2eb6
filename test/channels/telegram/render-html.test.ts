/** The HTML renderer: Telegram's tags only, everything escaped, same words as the plain renderer. */
import { escapeHtml, htmlToPlainText, renderHtmlBlocks } from '../../../src/channels/telegram/render-html';
import { emptyReply, type OutboundReply } from '../../../src/message';

function reply(over: Partial<OutboundReply>): OutboundReply {
  return { ...emptyReply(), ...over };
}

describe('renderHtmlBlocks', () => {
  it('maps each block style to Telegram HTML', () => {
    const html = renderHtmlBlocks(
      reply({
        blocks: [
          { style: 'heading', text: '标题' },
          { style: 'paragraph', text: '正文' },
          { style: 'list', text: '', items: ['一', '二\n续'] },
          { style: 'quote', text: '原文' },
          { style: 'warning', text: '小心' },
        ],
      }),
    );
    expect(html).toEqual(['<b>标题</b>', '正文', '• 一\n• 二\n  续', '<blockquote>原文</blockquote>', '⚠️ <b>小心</b>']);
  });

  it('escapes what a collector wrote, so it can never become markup', () => {
    const evil = '<a href="http://x">点我</a> & <b>未闭合 **粗** _斜_';
    const [html] = renderHtmlBlocks(reply({ blocks: [{ style: 'quote', text: evil }] }));
    expect(html).toBe(`<blockquote>${escapeHtml(evil)}</blockquote>`);
    expect(html).not.toContain('<a');
    expect(htmlToPlainText(html!)).toBe(evil);
  });

  it('puts the truncation notice first, other notices last, and leaves crisis notices to the blocks', () => {
    const html = renderHtmlBlocks(
      reply({
        blocks: [{ style: 'paragraph', text: 'body' }],
        notices: [
          { kind: 'saved', text: 'saved' },
          { kind: 'truncated', text: 'cut' },
          { kind: 'crisis', text: 'crisis' },
        ],
      }),
    );
    expect(html).toEqual(['<i>cut</i>', 'body', '<i>saved</i>']);
  });

  it('turns HTML back into the same plain words', () => {
    expect(htmlToPlainText('<b>a &lt;b&gt; &amp; c</b>')).toBe('a <b> & c');
  });
});
