/**
 * Questions about a lawful lawsuit or court notice in focus. "这是不是诈骗短信？催收天天冒充法院吓我，我打算直接拉黑" is
 * the user's doubt about that notice, not conduct to analyse: it may be real, check it yourself (12368, the court's
 * own platform), and never ignore or block it — if it is real, missing the deadline or the hearing lets the court
 * judge without you. "这种起诉合法吗 能报警吗" about it: suing is lawful and no police matter; answer the suit.
 * "他们一天发了三条这种短信" after a lawful reminder: a few messages are no harassment (fewContacts).
 * The words are knowledge/conversation/cues.yaml (notice_doubt, suit_words, suit_judged, court_notice_marks,
 * few_contacts); the replies prompts/follow-ups.yaml (notice_*, suit_lawful_*, few_contacts_*).
 */
import { emptyReply, type OutboundReply } from '../message';
import { resolveCites } from '../answers/answer';
import { lawfulNoteAbout } from '../analysis/lawful-notes';
import type { UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { analysisInFocus, ownHearsay } from './follow-up';
import { asksOrWonders } from './understanding/question-form';

/** Clause breaks: a question of its own is looked for clause by clause. */
const CLAUSE = /[\s，,。.！!？?；;]+/u;
/** What lawful-notes.yaml says a lawsuit notice is about: only such a notice is answered here. */
const SUIT_ABOUT = '起诉';
/** Described conduct that is the doubt itself ("催收冒充法院吓我"), not something new done to the user. */
const DOUBT_CATEGORIES: ReadonlySet<string> = new Set(['impersonation']);
/** Marks of a court's own notice (court_notice_marks) found in the message for it to be said to look real. */
const MARKS_NEEDED = 2;
/** Provisions the answers rest on: fifteen days to file a defence, judgment in absence (legal-facts-2 §6). */
const SUIT_CITES = [
  { law: '民事诉讼法', article: '128' },
  { law: '民事诉讼法', article: '147' },
];

/**
 * The answer to a doubt about, or a judging question on, the lawful lawsuit notice in focus; undefined when no such
 * notice is in focus, the turn asks neither, or it tells something new done to the user (that is assessed as usual).
 */
export function answerOnLawfulNotice(text: string, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues;
  const held = analysisInFocus(state);
  if (!held?.lawful || lawfulNoteAbout(held.excerpt, deps.analysis.lawfulNotes ?? []) !== SUIT_ABOUT) return undefined;
  // A lawyer's letter is checked with the firm (12348): judged, it is answered as a letter; doubted, by the claims follow-up.
  if (cues.lawyer_letter.some((w) => held.excerpt.includes(w))) return answerOnLawfulLetter(text, turn);
  const t = text.replace(/\s+/g, '');
  const judgesSuit = cues.suit_words.some((w) => t.includes(w)) && cues.suit_judged.some((w) => t.includes(w));
  const doubts = cues.notice_doubt.some((w) => t.includes(w));
  if (!judgesSuit && !doubts) return undefined;
  // A question of its own beside the doubt ("这个是骗子吧 我都没收到纸质传票 法院不是要寄信吗") is answered by the guides.
  const onTopic = [...cues.notice_doubt, ...cues.suit_words, ...cues.suit_judged];
  const elseAsked = text.split(CLAUSE).some((c) => asksOrWonders(c) && !onTopic.some((w) => c.includes(w)));
  if (elseAsked || ownHearsay(text, cues)) return undefined;
  const now = deps.now();
  // The doubt's own words are no conduct ("骗子发的吧" calls the sender a scammer; it is not an insult received).
  const told = cues.notice_doubt.reduce((x, w) => x.split(w).join(' '), text);
  if (deps.analysis.assessConduct(told, now).findings.some((f) => !DOUBT_CATEGORIES.has(f.category))) return undefined;

  const reply = emptyReply('answer');
  const say = (key: string) => reply.blocks.push({ style: 'paragraph', text: deps.replies.text(key) });
  if (judgesSuit && !doubts) {
    say('suit_lawful_lead');
    say('suit_lawful_do');
    say('suit_lawful_else');
  } else {
    const marks = cues.court_notice_marks.filter((m) => held.excerpt.includes(m)).length;
    say(marks >= MARKS_NEEDED ? 'notice_doubt_marked' : 'notice_doubt_plain');
    say('notice_check');
    say('notice_absent');
  }
  say('fu_debt_line_lawful');
  reply.citations = resolveCites(deps.knowledge, SUIT_CITES, now);
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: deps.replies.text('answer_law_button') });
  turn.remember(text, (s) => {
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: now.toISOString() }));
  });
  return reply;
}

/** Provisions the letter answer rests on: a lawyer may act for a client (律师法 28); the suit's deadlines. */
const LETTER_CITES = [{ law: '律师法', article: '28' }, ...SUIT_CITES];

/**
 * "律师函也来了 这是不是犯法的 我能告他吗" with a lawful lawyer's letter in focus: not unlawful — a firm instructed by the
 * lender may send it and say it will sue; check the firm (12348); if sued, answer the suit. Undefined when the turn
 * neither judges the letter nor asks to sue back, asks something else, or tells something new done to the user.
 */
function answerOnLawfulLetter(text: string, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues;
  const t = text.replace(/\s+/g, '');
  const judging = [...cues.suit_judged, ...cues.sue_back];
  if (!judging.some((w) => t.includes(w))) return undefined;
  if (!cues.lawyer_letter.some((w) => t.includes(w)) && !cues.points_back.some((w) => t.includes(w))) return undefined;
  const onTopic = [...judging, ...cues.lawyer_letter, ...cues.suit_words, ...cues.points_back];
  const elseAsked = text.split(CLAUSE).some((c) => asksOrWonders(c) && !onTopic.some((w) => c.includes(w)));
  if (elseAsked || ownHearsay(text, cues)) return undefined;
  const now = deps.now();
  // The letter's own name is no conduct ("律师函也来了"): anything else told is assessed as usual.
  const told = [...cues.lawyer_letter, ...judging].reduce((x, w) => x.split(w).join(' '), text);
  if (deps.analysis.assessConduct(told, now).findings.length > 0) return undefined;
  const reply = emptyReply('answer');
  for (const key of ['letter_lawful_lead', 'letter_lawful_check', 'letter_lawful_sued', 'fu_debt_line_lawful']) reply.blocks.push({ style: 'paragraph', text: deps.replies.text(key) });
  reply.citations = resolveCites(deps.knowledge, LETTER_CITES, now);
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: deps.replies.text('answer_law_button') });
  turn.remember(text, (s) => {
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: now.toISOString() }));
  });
  return reply;
}

/** A count with more before it ("二十三条", "13次"): not a few. */
const LARGER_BEFORE = /[0-9０-９十百千万多好几]$/u;

/**
 * "他们一天发了三条这种短信" with a lawful message in focus: a few messages or calls, and nothing else done, are no
 * harassment — how often is a national standard and industry rules, not law; what would make it unlawful. Undefined
 * when no lawful message is in focus, the turn names no small count, or the analyzer finds anything in it.
 */
export function fewContacts(text: string, u: TurnUnderstanding, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const held = analysisInFocus(state);
  if (!held?.lawful || u.facts.conduct.length === 0 || u.facts.conduct.some((c) => c !== 'messages' && c !== 'calls')) return undefined;
  const t = text.replace(/\s+/g, '');
  const few = deps.cues.few_contacts.some((w) => {
    for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (!LARGER_BEFORE.test(t.slice(0, i))) return true;
    return false;
  });
  if (!few || deps.analysis.assessConduct(text, deps.now()).findings.length > 0) return undefined;
  const reply = emptyReply('answer');
  for (const key of ['few_contacts_lawful', 'few_contacts_when', 'fu_debt_line_lawful']) reply.blocks.push({ style: 'paragraph', text: deps.replies.text(key) });
  turn.remember(text);
  return reply;
}
