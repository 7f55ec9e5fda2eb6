/**
 * Conduct the user described ("他们在我家门上喷了红油漆") is assessed like a collector's message, with the user
 * as the victim. It is the user's own account, so it is kept as an evidence note only when they press
 * "保存为证据记录"; it is never stored as the collector's words.
 */
import type { OutboundReply, TextBlock } from '../message';
import { screenText } from '../answers/first-screen';
import { buildEvidence } from './evidence';
import { analysisFocus, claimLine, keepEvidence } from './collector-message';
import { formatChinaTime } from '../china-time';
import type { TurnContext } from './turn-context';
import { emptyReply } from '../message';
import { trimmed } from '../screen-fit';
import { asksOrWonders } from './understanding/question-form';
import { asksCrime } from './crime-question';
import type { FollowUpKind } from './understanding/types';
import type { AnalysisFocus } from '../state/store';


/** How long the offer to keep the note stays open. */
const NOTE_PENDING_MS = 24 * 3600_000;

/**
 * Assesses described conduct. Returns undefined when the description shows nothing the analyzer recognises
 * (the turn is then answered as a question).
 */
export function describeConduct(text: string, receivedAt: Date, turn: TurnContext, asks?: FollowUpKind, eventDates: readonly string[] = []): OutboundReply | undefined {
  const { deps } = turn;
  const kit = deps.analysis;
  if (!kit.renderConduct) return undefined;
  const assessed = kit.assessConduct(text, receivedAt);
  if (assessed.lawful || assessed.findings.length === 0) return undefined;
  // Judged when it happened ("三个月前…"); conduct that went on ("去年12月到今年4月") counts from when it ended, the
  // latest date the turn names: the law then in force, and the six-month limit from then.
  const latest = eventDates.map((d) => new Date(`${d}T12:00:00+08:00`)).filter((d) => d.getTime() <= receivedAt.getTime()).sort((a, b) => b.getTime() - a.getTime())[0];
  // A date named ("今年5月份…后来停了 现在12月了还能报警吗") dates conduct the words did not date by themselves
  // (their time is then the moment of asking); conduct going on as the user writes keeps that moment.
  const undated = assessed.occurredAt.getTime() >= receivedAt.getTime() && !assessed.happeningNow;
  const analysis = latest && (undated || latest.getTime() > assessed.occurredAt.getTime()) ? { ...assessed, occurredAt: latest } : assessed;
  const reply = kit.renderConduct(analysis, analysis.occurredAt);
  // A report that asks something ("…真的假的", "…我该怎么跟他们说") is answered; a bare report, or one that asks only
  // whether it is lawful ("…这合法吗", "…他们能这样吗"), is an analysis of the conduct.
  const asksSomething = analysis.questions.length > 0 || asksOrWonders(text);
  reply.kind = asks === 'judge' || !asksSomething ? 'analysis' : 'answer';
  reply.categories = analysis.categories;
  // A question that reports what collectors said ("催收说我这是诈骗 要坐牢 真的假的") asks about their words: the
  // user's own question is no account worth keeping, so no note is offered for it.
  const asksAboutWords = asksSomething && deps.cues.they_said.some((w) => text.includes(w));
  if (asksAboutWords) reply.buttons = reply.buttons.filter((b) => b.id !== 'note:save');
  else if (!reply.buttons.some((b) => b.id === 'note:save')) reply.buttons.unshift({ id: 'note:save', label: deps.replies.text('note_button_save') });
  const since = deps.now().toISOString();
  const focus = analysisFocus(analysis, { at: analysis.occurredAt, source: 'conduct', excerpt: text });
  focus.citations = reply.citations.map((c) => ({ law: c.law, article: c.article }));
  // What collectors claimed ("会影响我儿子考公"): the user wants to know whether it is true — that comes first.
  const claim = claimLine(focus, turn, text);
  if (claim && reply.blocks[0]) {
    reply.blocks[0] = { style: 'paragraph', text: claim };
    if (asks !== 'judge') reply.kind = 'answer';
  }
  // A report that asks whether it can be reported or whether it is unlawful ("…当时不敢报警 现在还能报警吗",
  // "…能投诉吗") is answered as that question about the conduct just described, with the note offer kept.
  const answered = asksCrime(text, deps.cues) && deps.followUps?.crime ? deps.followUps.crime(focus, deps.now(), text) : answerAbout(asks, focus, turn);
  // Still going on ("他们现在就在门口 … 咋整", "四个人堵在我家门口"): safety first — 110, the door kept shut — above
  // whatever was asked, and above the assessment of a bare report.
  const urgentKey = analysis.awayFromHome ? 'conduct_urgent_away' : 'conduct_urgent';
  const urgent = analysis.happeningNow && deps.replies.has(urgentKey) ? deps.replies.text(urgentKey) : undefined;
  if (answered) {
    reply.blocks = urgent && !answered.blocks.some((b) => b.text === urgent) ? trimmed([{ style: 'paragraph', text: urgent }, ...answered.blocks]) : answered.blocks;
    reply.citations = answered.citations;
    reply.kind = 'answer';
  } else if (asks === 'judge' && reply.blocks[0]?.style === 'paragraph') {
    // "…这算违法吗": the first words say so.
    // Frequency and hours are judged by a standard, not by a statute, unless the calls insult or menace: "要看".
    const standardOnly = analysis.categories.length > 0 && analysis.categories.every((c) => c === 'harassment_frequency' || c === 'off_hours');
    // …and the words say no insult or menace (then it can be reported: "天天打电话骂我" is 第五十条第一款第（五）项).
    const reportable = deps.followUps?.reportable?.(focus) ?? false;
    const byStandard = standardOnly && !reportable;
    // Both at once (calls through the night, many a night) is past any standard: harassment, not "要看".
    const atNight = analysis.categories.includes('off_hours') || deps.cues.night_contact.some((w) => text.includes(w));
    const nightAndOften = analysis.categories.includes('harassment_frequency') && atNight;
    // Calls by the dozen in the night are reportable too (report.yaml 'bombing'): still named as the harassment they are.
    // "…这算什么" (cues asks_what_it_is) is answered in its own words: "这算违法".
    const unlawfulKey = deps.cues.asks_what_it_is.some((w) => text.includes(w)) ? 'conduct_judged_this' : 'conduct_judged';
    const key = standardOnly && nightAndOften ? 'conduct_judged_night_often' : !byStandard ? unlawfulKey : 'conduct_judged_standard';
    reply.blocks[0] = { style: 'paragraph', text: deps.replies.text(key, { first: reply.blocks[0].text }) };
  }
  if (!answered && urgent && !reply.blocks.some((b) => b.text === urgent)) reply.blocks = [{ style: 'paragraph', text: urgent }, ...reply.blocks];
  // The lead rewritten above (a claim answered, "算违法" said) may run past the first screen the reply was fitted to.
  reply.blocks = refitted(reply, turn);
  const at = analysis.occurredAt.toISOString();
  turn.remember(text, (s) => {
    s.pending = asksAboutWords ? undefined : { kind: 'confirm_note', since, data: { text, categories: analysis.categories, occurredAt: at } };
    s.focus = { kind: 'analysis', analysis: focus };
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at }));
  });
  return reply;
}

/** The first screen's budget in characters (spaces aside), notices included. */
const FIRST_SCREEN_CHARS = 350;

/**
 * The reply's blocks back within the first screen: what sits behind the buttons anyway goes first — the other
 * categories named ("另外还有：…"), the steps beyond two, the basis line (查看法条 holds the provisions) — then the
 * steps beyond one. The lead and the debt line stay.
 */
function refitted(reply: OutboundReply, turn: TurnContext): TextBlock[] {
  const { replies } = turn.deps;
  const opening = (key: string) => replies.text(key, { labels: HOLE, list: HOLE }).split(HOLE)[0]!;
  const also = opening('conduct_also');
  const basis = opening('conduct_basis');
  const without = (head: string) => (bs: TextBlock[]) => bs.filter((b) => !(b.style === 'paragraph' && head && b.text.startsWith(head)));
  const steps = (n: number) => (bs: TextBlock[]) => bs.map((b) => (b.style === 'list' && b.items ? { ...b, items: b.items.slice(0, n) } : b));
  const fits = (bs: TextBlock[]) => [screenText(bs), ...reply.notices.map((n) => n.text)].join('').replace(/\s/g, '').length <= FIRST_SCREEN_CHARS;
  let blocks = reply.blocks;
  for (const shorter of [without(also), steps(2), without(basis), steps(1)]) {
    if (fits(blocks)) break;
    blocks = shorter(blocks);
  }
  return blocks;
}

/** A placeholder that cannot occur in a reply: a template's words before it are the template's opening. */
const HOLE = '\u0000';

/** The follow-up answer `asks` calls for about the conduct in `focus`, if it is one the report can carry. */
function answerAbout(asks: FollowUpKind | undefined, focus: AnalysisFocus, turn: TurnContext): OutboundReply | undefined {
  const f = turn.deps.followUps;
  if (!f || !asks) return undefined;
  const now = turn.deps.now();
  if (asks === 'can_report') return f.canReport(focus, now);
  if (asks === 'what_to_do') return f.whatToDo(focus, now);
  return undefined;
}

/** "保存为证据记录": keeps the described conduct as an evidence note, once. */
export async function saveConductNote(receivedAt: Date, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const pending = (await turn.state())?.pending;
  const text = pending?.kind === 'confirm_note' && typeof pending.data?.text === 'string' ? pending.data.text : undefined;
  if (!text || deps.now().getTime() - Date.parse(pending!.since) > NOTE_PENDING_MS) return turn.say('note_expired', undefined, 'confirmation');
  const categories = Array.isArray(pending!.data?.categories) ? (pending!.data!.categories as string[]) : [];
  // When the conduct happened, as the description dated it ("昨天半夜"); unknown → null.
  const occurredAt = typeof pending!.data?.occurredAt === 'string' ? new Date(pending!.data.occurredAt) : null;
  const item = buildEvidence({ kind: 'note', text, receivedAt, sentAt: occurredAt, categories });
  const r = emptyReply('confirmation');
  const id = await keepEvidence(item, r, turn);
  const saved = r.notices.find((n) => n.kind === 'saved');
  r.notices = r.notices.filter((n) => n.kind !== 'saved');
  // Stored now, already kept before, or (a not_saved notice) queued or refused: each says only what is true.
  if (id && r.evidenceSaved) r.blocks.push({ style: 'paragraph', text: deps.replies.text('note_saved', { id, time: formatChinaTime(receivedAt) }) });
  else if (id && saved) r.blocks.push({ style: 'paragraph', text: deps.replies.text('note_duplicate', { id }) });
  turn.remember(null, (s) => {
    s.pending = undefined;
  });
  return r;
}
