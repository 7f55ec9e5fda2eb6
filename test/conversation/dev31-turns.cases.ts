/**
 * Turns of kinds dev31 missed (issue 10), in this file's own wordings, none from an eval set:
 * - a typed turn that is one quotation and nothing else: who wrote it is asked before anything is kept;
 * - being called 老赖 asked as an insult is the insult question, not the 失信 list;
 * - graffiti on the door: clean it, but photograph it first;
 * - "说要报征信 算威胁吗": a lawful warning is no unlawful threat (a threat to the person still is);
 * - a wish to hurt them said with a wish to die keeps the first screen within 350 characters;
 * - a knife placed by the door after such a wish is a weapon at hand.
 */
import { conversation as talk, type Shown } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-12-08T20:00:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();
const screen = (r: Shown) => [...r.shown.replace(/\s/g, '')].length;

describe('a typed turn that is only a quotation', () => {
  it('asks who wrote it, keeps nothing; "collector" then analyses and keeps it', async () => {
    const c = talk(AT, 'q-only');
    const r = await c.say('“欠钱不还的人不配有好日子过 等着瞧”');
    expect(r.kind).toBe('confirmation');
    expect(r.buttons.map((b) => b.id)).toEqual(expect.arrayContaining(['spk:c', 'spk:u']));
    expect(await c.evidence()).toHaveLength(0);
    const a = await c.press('spk:c');
    expect(a.kind).toBe('analysis');
    expect(await c.evidence()).toHaveLength(1);
  });

  it('guard: a quotation after a frame ("他们发的：“…”") is still analysed at once', async () => {
    const c = talk(AT, 'q-framed');
    const r = await c.say('他们发的：“今晚不还就去你公司门口拉横幅 让你同事都看看”');
    expect(r.kind).toBe('analysis');
  });
});

it('"老赖" asked as an insult is the insult question', async () => {
  const c = talk(AT, 'laolai');
  const r = await c.say('天天喊我老赖 够得上侮辱吗');
  expect(r.shown).toMatch(/侮辱|辱骂|名誉/);
  expect(firstSentence(r)).not.toMatch(/失信|被执行人/);
});

it('graffiti on the door: clean it only after photographing it', async () => {
  const c = talk(AT, 'paint-clean');
  const r = await c.say('门上喷的漆我能不能刷掉');
  expect(firstSentence(r)).toMatch(/拍照|留证|录/);
});

describe('"算威胁吗" about a lawful warning', () => {
  it.each(['它讲再拖就上报征信 这是不是在威胁我'])('"%s": not an unlawful threat', async (text) => {
    const c = talk(AT, `lawful-${text.length}`);
    const r = await c.say(text);
    expect(firstSentence(r)).toMatch(/^(不算|不违法)/);
    expect(r.shown).toMatch(/起诉|征信/);
  });

  it('guard: a threat to the person is still one', async () => {
    const c = talk(AT, 'lawful-guard');
    const r = await c.say('他说要找人打断我的腿 这算威胁吗');
    expect(firstSentence(r)).not.toMatch(/不算/);
  });
});

it('a wish to hurt them said with a wish to die: crisis lines and calm within 350 characters', async () => {
  const c = talk(AT, 'harm-self');
  const r = await c.say('真想拿刀跟催收同归于尽 活着也没意思');
  expect(r.kind).toBe('crisis');
  expect(r.shown).toMatch(/12356/);
  expect(r.shown).toMatch(/犯罪|坐牢/);
  expect(screen(r)).toBeLessThanOrEqual(350);
});

it('a knife put by the door after such a wish is a weapon at hand: put it away', async () => {
  const c = talk(AT, 'harm-door');
  await c.say('那帮人再来 我就跟他们拼了');
  const r = await c.say('菜刀就放在门后了');
  expect(r.kind).toBe('crisis');
  expect(firstSentence(r)).toMatch(/刀[^。]*(放下|收起来)/);
  expect(r.shown).toMatch(/110/);
});
