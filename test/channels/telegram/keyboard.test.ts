/** Buttons → inline keyboard; callback_data within Telegram's 64 bytes, long ids mapped and found again. */
import { CALLBACK_DATA_MAX_BYTES, CallbackIds, inlineKeyboard } from '../../../src/channels/telegram/keyboard';

describe('inline keyboard', () => {
  it('uses short ids as they are and maps long ones through a short stand-in', () => {
    const ids = new CallbackIds();
    const long = `g:${'指南'.repeat(30)}`;
    const kb = inlineKeyboard(
      [
        { id: 'law', label: '查看法条' },
        { id: long, label: '了解更多' },
      ],
      ids,
    )!;
    const [a, b] = kb.inline_keyboard.flat() as Array<{ callback_data: string }>;
    expect(a!.callback_data).toBe('law');
    expect(Buffer.byteLength(b!.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(ids.decode(b!.callback_data)).toBe(long);
    expect(ids.decode('law')).toBe('law');
  });

  it('never lets a short id pass for a stand-in', () => {
    const ids = new CallbackIds();
    const data = ids.encode('~x');
    expect(data).not.toBe('~x');
    expect(ids.decode(data)).toBe('~x');
    expect(ids.decode('~unknown')).toBeUndefined();
  });

  it('puts short labels two to a row, long ones alone, and nothing when there are no buttons', () => {
    const ids = new CallbackIds();
    expect(inlineKeyboard([], ids)).toBeUndefined();
    const short = inlineKeyboard([1, 2, 3].map((i) => ({ id: `b${i}`, label: `L${i}` })), ids)!;
    expect(short.inline_keyboard.map((r) => r.length)).toEqual([2, 1]);
    const long = inlineKeyboard([{ id: 'a', label: '这是一个很长很长的按钮标签' }, { id: 'b', label: 'x' }], ids)!;
    expect(long.inline_keyboard.map((r) => r.length)).toEqual([1, 1]);
  });
});
