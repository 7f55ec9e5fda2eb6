/** Update → InboundMessage: forwarded send times, commands, photos, documents, button data. */
import { describeUpdate, FileTooLargeError, toInbound, type TgUpdate } from '../../../src/channels/telegram/inbound';

const NOW = new Date('2026-05-13T02:00:00Z');
const user = { id: 42, first_name: 'Li' };
const chat = { id: 42, type: 'private' };
const msg = (fields: Record<string, unknown>): TgUpdate => ({ update_id: 1, message: { message_id: 7, date: 1, chat, from: user, ...fields } as never });
const describe_ = (u: TgUpdate, max = 1_000_000) => describeUpdate(u, { botUsername: 'debtshield_bot', maxDownloadBytes: max, now: NOW });
const sentAt2340 = Math.floor(new Date('2026-05-12T23:40:00+08:00').getTime() / 1000);

describe('describeUpdate', () => {
  it('reads plain text with a message id unique to the chat', () => {
    expect(describe_(msg({ text: 'hi' }))).toEqual({
      updateId: 1,
      chatId: 42,
      chatType: 'private',
      origin: { channel: 'telegram', userId: '42', messageId: '42:7', receivedAt: NOW },
      content: { type: 'text', text: 'hi' },
    });
  });

  it.each([
    ['forward_origin (user)', { forward_origin: { type: 'user', date: sentAt2340, sender_user: { id: 9, first_name: 'Zhang', last_name: 'San' } } }, 'Zhang San'],
    ['forward_origin (hidden user)', { forward_origin: { type: 'hidden_user', date: sentAt2340, sender_user_name: 'Collector' } }, 'Collector'],
    ['forward_origin (channel)', { forward_origin: { type: 'channel', date: sentAt2340, chat: { id: -1, type: 'channel', title: 'Loans' }, message_id: 3 } }, 'Loans'],
    ['legacy forward_date', { forward_date: sentAt2340, forward_sender_name: 'Old Client' }, 'Old Client'],
  ])('takes the original send time and sender of a forward from %s', (_n, fields, from) => {
    const env = describe_(msg({ text: '再不还钱就上门', ...fields }));
    expect(env?.content).toEqual({ type: 'forwarded', text: '再不还钱就上门', sentAt: new Date('2026-05-12T15:40:00Z'), from });
  });

  it('parses commands, with or without the bot name, and leaves other bots their commands', () => {
    expect(describe_(msg({ text: '/start' }))?.content).toEqual({ type: 'command', name: 'start', args: '' });
    expect(describe_(msg({ text: '/Export@DebtShield_Bot json' }))?.content).toEqual({ type: 'command', name: 'export', args: 'json' });
    expect(describe_(msg({ text: '/start@other_bot' }))).toBeNull();
  });

  it('picks the largest photo size that can be downloaded', () => {
    const photo = [
      { file_id: 's', width: 90, height: 90, file_size: 1000 },
      { file_id: 'l', width: 1280, height: 1280, file_size: 3_000_000 },
      { file_id: 'm', width: 320, height: 320, file_size: 20_000 },
    ];
    expect(describe_(msg({ photo, caption: 'c' }), 10_000_000)?.content).toMatchObject({ type: 'image', fileId: 'l', mimeType: 'image/jpeg', caption: 'c' });
    expect(describe_(msg({ photo }), 100_000)?.content).toMatchObject({ type: 'image', fileId: 'm' });
  });

  it('treats image documents as images and other documents as files', () => {
    expect(describe_(msg({ document: { file_id: 'd', mime_type: 'image/png', file_size: 10 } }))?.content).toMatchObject({ type: 'image', fileId: 'd', mimeType: 'image/png' });
    expect(describe_(msg({ document: { file_id: 'p', mime_type: 'application/pdf', file_name: 'a.pdf', file_size: 10 } }))?.content).toEqual({
      type: 'file',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      size: 10,
    });
  });

  it('reads a button press with the query to answer', () => {
    const env = describe_({ update_id: 2, callback_query: { id: 'q1', from: user, data: 'del:yes', message: { message_id: 5, chat } } });
    expect(env).toMatchObject({ callbackQueryId: 'q1', chatId: 42, origin: { messageId: 'cb:q1' }, content: { type: 'button', data: 'del:yes' } });
  });

  it('ignores updates the bot does not act on', () => {
    expect(describe_({ update_id: 3 })).toBeNull();
    expect(describe_({ update_id: 4, message: { message_id: 1, date: 1, chat, text: 'no sender' } })).toBeNull();
  });
});

describe('toInbound', () => {
  const deps = (download: (id: string) => Promise<Buffer>) => ({ download, decodeButton: (d: string) => (d === '~gone' ? undefined : d), maxDownloadBytes: 100 });

  it('downloads image bytes and keeps a forwarded screenshot its send time', async () => {
    const env = describe_(msg({ photo: [{ file_id: 'x', width: 1, height: 1, file_size: 3 }], forward_date: sentAt2340 }))!;
    const m = await toInbound(env, deps(async () => Buffer.from('img')));
    expect(m).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', sentAt: new Date('2026-05-12T15:40:00Z') });
    expect((m as { bytes: Buffer }).bytes.toString()).toBe('img');
  });

  it('reports a too-large or failed download instead of throwing', async () => {
    const big = describe_(msg({ document: { file_id: 'b', mime_type: 'image/png', file_size: 1000 } }))!;
    expect(await toInbound(big, deps(async () => Buffer.alloc(0)))).toEqual({ problem: 'image_too_large' });
    const unknownSize = describe_(msg({ document: { file_id: 'b', mime_type: 'image/png' } }))!;
    expect(await toInbound(unknownSize, deps(async () => Promise.reject(new FileTooLargeError(100))))).toEqual({ problem: 'image_too_large' });
    expect(await toInbound(unknownSize, deps(async () => Promise.reject(new Error('net'))))).toMatchObject({ problem: 'image_download_failed' });
  });

  it('maps a forgotten stand-in button id to an empty id (the core answers with help)', async () => {
    const env = describe_({ update_id: 2, callback_query: { id: 'q', from: user, data: '~gone', message: { message_id: 5, chat } } })!;
    expect(await toInbound(env, deps(async () => Buffer.alloc(0)))).toMatchObject({ kind: 'button', id: '' });
  });
});
