/**
 * Answers that answer (issue 10, item 6): the first sentence answers the question asked, in its terms; the first
 * screen stays within 350 characters; no heading stands empty; one topic unless two are named; questions outside
 * the knowledge get one sentence routing them; the 'more' page holds what the first screen left out.
 */
import { dedupe } from '../../src/answers/first-screen';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLexicalRetriever } from '../../src/knowledge/retriever';
import { createOfflineAnswerer, withMore, type Answer } from '../../src/answers/answer';
import { loadReplies } from '../../src/replies';
import { renderText } from '../../src/channels/local/render-text';
import { PACKAGE_ROOT } from '../../src/paths';
import type { TextBlock } from '../../src/message';
import { OUT_OF_SCOPE, QUESTION_TYPES } from './question-types';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const replies = loadReplies(join(PACKAGE_ROOT, 'prompts'));
const answerer = createOfflineAnswerer({ knowledge: k, retriever: createLexicalRetriever(k), replies });
const at = new Date('2026-11-30T10:00:00+08:00');
const ask = (q: string, extra: { lastTopic?: string; lastEntry?: string } = {}): Answer => answerer.answerNow(q, { at, ...extra });
const screen = (a: Answer) => renderText(a.reply, { buttons: false });
const firstSentence = (t: string) => {
  const m = /[。！？\n]/.exec(t);
  return m ? t.slice(0, m.index + 1) : t;
};
const evalQuestions = (parseYaml(readFileSync(join(PACKAGE_ROOT, 'eval', 'answers', 'questions.yaml'), 'utf8')) as Array<{ question: string }>).map((q) => q.question);
/** Every entry verdict in the knowledge base, with its guide. */
const VERDICTS = k.guides.flatMap((g) => g.entries.map((e) => ({ guide: g.id, verdict: e.verdict.trim() })));
const verdictsShown = (a: Answer) => VERDICTS.filter((v) => a.reply.blocks.some((b) => b.style === 'paragraph' && b.text === v.verdict));

describe('the first sentence answers the question asked', () => {
  it.each(QUESTION_TYPES.map((c) => [c.q, c] as const))('%s', (_q, c) => {
    const a = ask(c.q);
    expect(a.kind).toBe('answer');
    if (c.guide) expect(a.guideId).toBe(c.guide);
    const first = firstSentence(screen(a));
    expect(first).toMatch(c.first);
    if (c.not) expect(first).not.toMatch(c.not);
  });

  it('opens with the verdict of the entry it reports', () => {
    let withEntry = 0;
    for (const c of QUESTION_TYPES) {
      const a = ask(c.q);
      const entry = k.guides.find((g) => g.id === a.guideId)?.entries.find((e) => e.id === a.entryId);
      if (!entry) continue;
      withEntry++;
      expect(screen(a).startsWith(entry.verdict.trim()) || a.reply.blocks.slice(0, 2).some((b) => b.text === entry.verdict.trim())).toBe(true);
    }
    // Not vacuous: nearly every question type is answered from an entry (a regression to guide-level answers fails here).
    expect(withEntry).toBeGreaterThanOrEqual(Math.ceil(QUESTION_TYPES.length * 0.9));
  });
});

describe('the first screen', () => {
  const answers = evalQuestions.map((q) => [q, ask(q)] as const);

  it.each(answers.map(([q, a]) => [q, a] as const))('fits 350 characters: %s', (_q, a) => {
    expect(screen(a).length).toBeLessThanOrEqual(350);
  });

  it('has no heading without text under it, on the first screen or the more page', () => {
    const emptyHeading = (blocks: TextBlock[]) =>
      blocks.some((b, i) => b.style === 'heading' && (i === blocks.length - 1 || blocks[i + 1]!.style === 'heading' || !`${blocks[i + 1]!.text}${(blocks[i + 1]!.items ?? []).join('')}`.trim()));
    for (const [, a] of answers) {
      expect(emptyHeading(a.reply.blocks)).toBe(false);
      expect(emptyHeading(a.more ?? [])).toBe(false);
    }
  });

  it('answers one topic when one is asked', () => {
    for (const q of ['催收说明天要来我家 能来吗', '网贷逾期会坐牢吗', '征信多久能消', '停息挂账是国家政策吗', '催收骂我能报警吗', '我爸妈要替我还吗']) {
      expect(verdictsShown(ask(q)).length).toBe(1);
    }
  });

  it('gives two short verdicts when the question names two', () => {
    for (const q of ['逾期会不会上征信 多久能消', '催收堵在我家门口不走，还把我欠钱的事群发给我通讯录里的亲戚']) {
      const a = ask(q);
      expect(verdictsShown(a).length).toBe(2);
      expect(screen(a).length).toBeLessThanOrEqual(350);
    }
  });

  it('offers the law texts, the more page and at most two related topics as buttons', () => {
    for (const [, a] of answers) {
      if (a.outOfScope) continue;
      const ids = a.reply.buttons.map((b) => b.id);
      expect(ids.includes('law')).toBe(a.reply.citations.length > 0);
      expect(ids.includes('more')).toBe((a.more ?? []).length > 0);
      expect(ids.filter((id) => id.startsWith('g:')).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('the more page', () => {
  it('holds what the first screen did not show', () => {
    for (const q of ['征信多久能消', '催收说要上门 能来吗', '网贷逾期三年是不是就不用还了', '支付令能不能只写没钱还']) {
      const a = ask(q);
      const more = renderText({ ...a.reply, blocks: a.more ?? [] }, { buttons: false });
      expect(more.length).toBeGreaterThan(40);
      for (const b of a.reply.blocks) if (b.style === 'paragraph' && b.text.length > 20) expect(more).not.toContain(b.text);
    }
  });

  it('is what answerMore returns for the answer\'s guide and entry, within about one screen', () => {
    const a = ask('征信多久能消');
    const page = answerer.answerMore(a.guideId!, a.entryId, { at });
    expect(page.kind).toBe('answer');
    expect(page.reply.blocks.map((b) => b.text)).toEqual((a.more ?? []).map((b) => b.text));
    expect(screen(page).length).toBeLessThanOrEqual(450);
    expect(page.reply.blocks[0]!.text).not.toBe(a.reply.blocks[0]!.text);
  });

  it('works for every guide opened as a related topic, and never repeats its first screen\'s verdict', () => {
    for (const g of k.guides.filter((x) => x.id !== 'out-of-scope')) {
      const opened = answerer.answerGuide(g.id, { at });
      const page = answerer.answerMore(g.id, undefined, { at });
      expect(screen(page).length).toBeGreaterThan(0);
      expect(screen(page)).not.toContain(opened.reply.blocks[0]!.text);
    }
  });

  it('is appended after the first screen for the ask CLI, which has no buttons', () => {
    const a = ask('征信多久能消');
    const full = renderText(withMore(a), { buttons: false });
    expect(full.startsWith(screen(a))).toBe(true);
    expect(full.length).toBeGreaterThan(screen(a).length);
  });
});

describe('questions outside the knowledge', () => {
  it.each(OUT_OF_SCOPE.map((c) => [c.q, c.route] as const))('%s → one sentence routing it', (q, route) => {
    const a = ask(q);
    expect(a.kind).toBe('out_of_scope');
    expect(a.outOfScope).toBe(true);
    expect(a.reply.citations).toEqual([]);
    expect(a.reply.buttons).toEqual([]);
    const t = screen(a);
    expect(t).toMatch(route);
    expect(t).toMatch(/不在|超出/);
    expect(t.replace(/[。！？]$/, '')).not.toMatch(/[。！？]/); // one sentence
  });
});

describe('follow-ups keep the question type', () => {
  it('"那怎么办" after an entry answer leads with that entry\'s steps', () => {
    const first = ask('征信多久能消');
    const next = ask('那怎么办', { lastTopic: first.guideId, lastEntry: first.entryId });
    const entry = k.guides.find((g) => g.id === first.guideId)!.entries.find((e) => e.id === first.entryId)!;
    expect(next.guideId).toBe(first.guideId);
    expect(next.entryId).toBe(first.entryId);
    expect(next.suggestions.slice(0, entry.steps.length)).toEqual(entry.steps.map((s) => s.trim()));
    expect(screen(next).length).toBeLessThanOrEqual(350);
  });

  it('"那我该咋办" after an answer speaks to the person, not with the topic\'s internal title', () => {
    for (const q of ['上门催收合法吗', '催收打我领导电话怎么办', '网贷利息多少算违法']) {
      const first = ask(q);
      const next = ask('那我该咋办', { lastTopic: first.guideId, lastEntry: first.entryId });
      const title = k.guides.find((g) => g.id === first.guideId)!.title;
      expect(next.guideId).toBe(first.guideId);
      expect(screen(next)).not.toContain(title);
    }
  });

  it('a question about what a court paper is keeps that paper as the topic, so "no money" is read against it', () => {
    const first = ask('法院寄来一张支付令 这是啥意思');
    const next = ask('手头没钱 跟法院讲一声没钱可以吗', { lastTopic: first.guideId, lastEntry: first.entryId });
    expect(next.guideId).toBe('payment-order');
    expect(firstSentence(screen(next))).toMatch(/不能|不行|不影响/);
  });
});

describe('dedupe', () => {
  it('drops a step that says nearly the same as an earlier one, and keeps different steps', () => {
    const steps = dedupe([
      '全程录音录像；对方闯入、堵门或不让你走，马上打110。',
      '对方闯入、堵门、拒不离开或不让你走，马上打110。',
      '提醒家人不要和对方争执，先顾安全。',
      '提醒家人不要和对方争执，先顾安全。',
    ]);
    expect(steps).toEqual(['全程录音录像；对方闯入、堵门或不让你走，马上打110。', '提醒家人不要和对方争执，先顾安全。']);
  });
});
