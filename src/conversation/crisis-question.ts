/**
 * A question carried beside care in crisis mode (issue 10): "算了 问你个事 他们能打我领导电话吗", "我在宿舍 室友都在 我真没事
 * 就问问征信", "楼上邻居天天半夜装修 吵得睡不着". Care alone would leave it unanswered; the caller answers the question
 * this finds (crisis care still opens the reply). A turn only about how or where the person is ("现在几点了 我还在出租屋",
 * "我是不是很没用") carries none. Cue words: knowledge/conversation/cues.yaml `crisis_question`.
 */
import { simplified } from '../analysis/normalize';
import type { UserState } from '../state/store';
import type { TurnContext } from './turn-context';
import { asksOrWonders } from './understanding/question-form';
import { withoutWords } from './without-words';

/** Longest topic (characters) after the asking words that may stand for the question last answered ("就问问征信"). */
const TOPIC_ONLY = 8;

/**
 * The question `text` carries besides how the person is, to be answered in its place; undefined when it carries
 * none. Clauses that say only a mood, a place or safety are left out; what is left must ask (a question form, or
 * asking words with words after them) and name the debt or someone collectors reach — or tell a trouble of a
 * neighbouring field the guides route (out of scope with its own hotline). `safeWords`: words of assurance.
 */
export async function carriedQuestion(text: string, at: Date, state: UserState | null, turn: TurnContext, safeWords: readonly string[]): Promise<string | undefined> {
  const { cues, understander, answerer } = turn.deps;
  const q = cues.crisis_question;
  if (!q) return undefined;
  const clauses = text.split(/[\s,，。!！;；、]+/u).filter(Boolean);
  const kept = clauses.filter((c) => {
    const read = understander.understand(c, 'crisis', at);
    const s = simplified(c);
    return read.mood === undefined && read.crisis !== 'safe' && !safeWords.some((w) => s.includes(w));
  });
  if (kept.length === 0) return undefined;
  const rest = kept.join(' ');
  const marker = q.asks.find((w) => rest.includes(w));
  const after = marker ? rest.slice(rest.indexOf(marker) + marker.length).trim() : '';
  const asks = asksOrWonders(rest) || after.length > 0;
  const named = [...cues.debt_words, ...q.topics].some((w) => rest.includes(w));
  if (asks && named) {
    // "就问问征信" right after "征信多久能消": the topic named alone asks that question again.
    const last = state?.focus?.answer;
    if (marker && last?.guideId && [...after.replace(/\s/g, '')].length <= TOPIC_ONLY) {
      const probe = await answerer.answer(after, { at });
      if (probe.guideId === last.guideId) return last.question;
    }
    return marker && after.length > 0 ? after : rest;
  }
  // A trouble of another field, told without a question ("楼上邻居天天半夜装修"): routed to its own hotline.
  // What the person did for their safety ("炭我扔楼下垃圾桶了") reads as distress, never as a trouble to route.
  const troubles = named && !cues.debt_words.some((w) => rest.includes(w)) && understander.understand(rest, 'none', at).act !== 'distress';
  if (troubles && (await routesElsewhere(rest, at, turn))) return rest;
  return undefined;
}

/**
 * The question a turn that says risk asks beside it ("完了 被起诉了是不是要坐牢 我不如死了算了", "我死了这债是不是我爸妈要
 * 替我还"): the clauses that only say risk are left out; what is left must ask and name the debt or someone collectors
 * reach. A clause that says risk and asks ("活着还有什么意思") is kept only when it names someone collectors reach or
 * the family (`crisis_question.topics`: "死了爸妈要不要替我还"), so despair put as a question is never answered as law.
 * Undefined when the turn asks nothing of that kind: care alone.
 */
export function askedBesideRisk(text: string, at: Date, turn: TurnContext): string | undefined {
  const { cues, understander } = turn.deps;
  const q = cues.crisis_question;
  if (!q) return undefined;
  const clauses = text.split(/[\s,，。!！;；、]+/u).filter(Boolean);
  const risky = (c: string) => understander.understand(c, 'none', at).crisis !== 'none';
  const namesTopic = (c: string) => q.topics.some((w) => c.includes(w));
  const kept = clauses.filter((c) => !risky(c) || (asksOrWonders(c) && namesTopic(c)));
  if (kept.length === 0) return undefined;
  const rest = kept.join(' ');
  // "你说我要是没了 这几万块网贷是不是就不用还了": asked on the condition of their death — only the family is answered.
  // The condition may be read as risk only with the rest of the turn ("你说我要是没了"): a clause naming it that asks
  // nothing itself, or is risk, is the condition.
  const ifGone = clauses.some((c) => q.if_gone.some((w) => c.includes(w)) && (!kept.includes(c) || !asksOrWonders(c)));
  if (ifGone && !namesTopic(rest)) return undefined;
  const marker = q.asks.find((w) => rest.includes(w));
  const after = marker ? rest.slice(rest.indexOf(marker) + marker.length).trim() : '';
  // "欠这么多钱 我不想活了 怎么办" asks nothing particular: the care says the debt can wait, no guide is picked for it.
  const asks = asksOrWonders(withoutWords(rest, cues.open_what_to_do)) || after.length > 0;
  const named = [...cues.debt_words, ...q.topics].some((w) => rest.includes(w));
  if (!asks || !named) return undefined;
  return marker && after.length > 0 ? after : rest;
}

/**
 * What collectors did, told beside the risk with no question ("他们说要把我P成通缉犯发朋友圈 我真是想死的心都有"): the
 * clauses that do not say risk, when the analyzer finds conduct in them — assessed under the care, never left for
 * later. Undefined when nothing they did is told.
 */
export function toldBesideRisk(text: string, at: Date, turn: TurnContext): string | undefined {
  const { understander, analysis } = turn.deps;
  const clauses = text.split(/[\s,，。!！;；、]+/u).filter(Boolean);
  const kept = clauses.filter((c) => understander.understand(c, 'none', at).crisis === 'none');
  if (kept.length === 0 || kept.length === clauses.length) return undefined;
  const rest = kept.join(' ');
  return analysis.assessConduct(rest, at).findings.length > 0 ? rest : undefined;
}

/**
 * True when the guides place `text` in a neighbouring field with a hotline of its own (out-of-scope, routed by an
 * entry: 12333 for wages, 12345 / 物业 for neighbours …), not the bare "not what I cover".
 */
export async function routesElsewhere(text: string, at: Date, turn: TurnContext): Promise<boolean> {
  const probe = await turn.deps.answerer.answer(text, { at });
  return probe.outOfScope && probe.reply.blocks[0]?.text !== turn.deps.replies.text('answer_out_of_scope');
}
