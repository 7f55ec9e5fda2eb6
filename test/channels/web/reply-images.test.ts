/** The web chat sends a reply's pictures as data URLs the page can show inline. */
import { replyForBrowser } from '../../../src/channels/web/reply-images';
import { emptyReply } from '../../../src/message';

describe('replyForBrowser', () => {
  it('turns image bytes into a data URL and keeps the alt text', () => {
    const reply = emptyReply('answer');
    reply.images = [{ mimeType: 'image/png', bytes: Buffer.from('png-bytes'), alt: '每期还款图' }];
    const out = replyForBrowser(reply);
    expect(out.images).toEqual([{ mimeType: 'image/png', alt: '每期还款图', src: `data:image/png;base64,${Buffer.from('png-bytes').toString('base64')}` }]);
    expect(JSON.stringify(out)).not.toContain('"type":"Buffer"');
  });

  it('turns files (the /export file) into data URLs the page offers for download', () => {
    const reply = emptyReply('command');
    reply.files = [{ name: 'debtshield-export-20260601.txt', mimeType: 'text/plain; charset=utf-8', bytes: Buffer.from('导出') }];
    const out = replyForBrowser(reply);
    expect(out.files).toEqual([{ name: 'debtshield-export-20260601.txt', mimeType: 'text/plain; charset=utf-8', href: `data:text/plain;charset=utf-8;base64,${Buffer.from('导出').toString('base64')}` }]);
  });

  it('leaves replies without images as they are', () => {
    const reply = emptyReply('answer');
    expect(replyForBrowser(reply)).toEqual(reply);
  });
});
