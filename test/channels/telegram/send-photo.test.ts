/** A reply's pictures follow its text as Telegram photos, captioned with their alt text; text-only replies send none. */
import { sendReply } from '../../../src/channels/telegram/send-reply';
import { SendQueue } from '../../../src/channels/telegram/send-queue';
import { CallbackIds } from '../../../src/channels/telegram/keyboard';
import { emptyReply } from '../../../src/message';

function fakeTelegram() {
  const calls: Array<{ method: string; chatId: number; arg: unknown; extra: unknown }> = [];
  return {
    calls,
    sendMessage: async (chatId: number, text: string, extra: unknown) => {
      calls.push({ method: 'sendMessage', chatId, arg: text, extra });
      return {} as never;
    },
    sendPhoto: async (chatId: number, photo: unknown, extra: unknown) => {
      calls.push({ method: 'sendPhoto', chatId, arg: photo, extra });
      return {} as never;
    },
  };
}

const log = { warn: () => undefined, info: () => undefined, error: () => undefined, debug: () => undefined } as never;

describe('sendReply with images', () => {
  it('sends the text, then each image as a photo with its alt text as caption', async () => {
    const telegram = fakeTelegram();
    const reply = emptyReply('answer');
    reply.blocks.push({ style: 'paragraph', text: '按你给的数字，年化约 125.4%。' });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    reply.images = [{ mimeType: 'image/png', bytes, alt: '每期还款图' }];
    await sendReply(7, reply, { telegram: telegram as never, queue: new SendQueue(), ids: new CallbackIds(), maxLength: 4096 }, log);
    expect(telegram.calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(telegram.calls[1]).toMatchObject({ chatId: 7, arg: { source: bytes }, extra: { caption: '每期还款图' } });
  });

  it('sends no photo for a reply without images', async () => {
    const telegram = fakeTelegram();
    const reply = emptyReply('answer');
    reply.blocks.push({ style: 'paragraph', text: '好的' });
    await sendReply(7, reply, { telegram: telegram as never, queue: new SendQueue(), ids: new CallbackIds(), maxLength: 4096 }, log);
    expect(telegram.calls.map((c) => c.method)).toEqual(['sendMessage']);
  });
});
