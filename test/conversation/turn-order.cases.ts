/**
 * The order in which a turn is read, and what it may leave behind: turns of one user run one after another; a typed
 * button works in crisis mode; a negated answer to "who wrote this" turns around; a forward that carries a wish to
 * die is still analysed and kept, inside care; a question of the user's own while a screenshot correction is
 * awaited is answered, not analysed as the screenshot's text.
 */
import type { OutboundReply } from '../../src/message';
import { renderText } from '../../src/channels/local/render-text';
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-06-01T10:00:00+08:00');

const conversation = (user = 'u1') => talk(AT, user);

const THREAT = '再不还钱，明天就上门泼油漆，让你全家不得安宁';

describe('turns of one user run one after another', () => {
  it('two turns sent at once both leave their mark: the crisis and the analysed message', async () => {
    const c = conversation();
    const [crisis, analysed] = await Promise.all([c.say('真的不想活了'), c.forward(THREAT)]);
    expect(crisis.kind).toBe('crisis');
    expect(analysed.evidenceSaved).toBe(1);
    const state = await c.store.read('test:u1');
    expect(state?.crisis).toBeDefined();
    expect(state?.focus?.analysis).toBeDefined();
  });
});

describe('crisis mode and the other paths', () => {
  it('a /call note that carries a wish to die is still logged, with the lines first', async () => {
    const c = conversation();
    const r = await c.say('/call 13800001111 他们说明天上门泼油漆 我真的不想活了');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.evidenceSaved).toBe(1);
    expect(await c.evidence()).toHaveLength(1);
  });

  it('a collector telling the user to die is the collector\'s words: analysed and kept, not read as the user\'s crisis', async () => {
    const c = conversation();
    const r = await c.forward('欠钱不还的东西，你怎么还不去死，明天就去你单位闹');
    expect(r.kind).toBe('analysis');
    expect(r.evidenceSaved).toBe(1);
  });

  it('a number typed in crisis mode is never analysed and stays inside care', async () => {
    const c = conversation();
    await c.forward(THREAT);
    await c.say('真的不想活了');
    const r = await c.say('1');
    expect(r.kind).not.toBe('analysis');
    expect(r.shown).toMatch(/安全|12356/);
    expect(await c.evidence()).toHaveLength(1);
  });
});

describe('typed answers to "who wrote this"', () => {
  async function asked(c: ReturnType<typeof conversation>, text: string): Promise<void> {
    await c.store.update('test:u1', (s) => {
      s.pending = { kind: 'confirm_speaker', since: AT.toISOString(), data: { text } };
      s.offered = { at: AT.toISOString(), buttons: [{ id: 'spk:c', label: '这是催收发来的原话' }, { id: 'spk:u', label: '这是我自己的问题' }] };
    });
  }

  it('"不是催收发的" means the user wrote it: nothing is kept', async () => {
    const c = conversation();
    await asked(c, '不还就等着');
    const r = await c.say('不是催收发的');
    expect(r.kind).not.toBe('analysis');
    expect(await c.evidence()).toHaveLength(0);
  });

  it('"催收发的" means a collector wrote it: analysed and kept', async () => {
    const c = conversation();
    await asked(c, '不还就等着，你家住哪我们都清楚');
    const r = await c.say('催收发的');
    expect(r.kind).toBe('analysis');
    expect(await c.evidence()).toHaveLength(1);
  });
});

describe('a typed yes keeps a described conduct only while the offer stands', () => {
  it('a yes after another reply came in between keeps nothing', async () => {
    const c = conversation();
    const described = await c.say('他们昨天在我家门上贴了欠债不还的纸 还用红油漆喷了字');
    expect(described.buttons.map((b) => b.id)).toContain('note:save');
    await c.say('催收能打电话给我领导吗');
    await c.say('好');
    expect(await c.evidence()).toHaveLength(0);
  });
});

function shownOf(r: OutboundReply): string {
  return renderText(r, { buttons: false });
}

describe('a question of the user\'s own while a screenshot correction is awaited', () => {
  it('is answered, and not analysed as the screenshot\'s text', async () => {
    const c = conversation();
    await c.store.update('test:u1', (s) => {
      s.pending = { kind: 'ocr_correction', since: AT.toISOString(), data: { text: '明天还钱' } };
    });
    const r = await c.say('催收能打电话给我领导吗');
    expect(r.kind).not.toBe('analysis');
    expect(shownOf(r)).toMatch(/领导|单位|同事/);
    expect(await c.evidence()).toHaveLength(0);
  });
});
