/**
 * Follow-ups resolved against the dialogue's focus: "他们说的是真的吗" checks the claims of the message in focus,
 * "那我该怎么办" gives the steps for its findings (or the last answer's topic), "刚才那条法律" / "第50条第二款呢"
 * explains the provision, "这个能报警吗" answers for the conduct in focus (at the date the user names, if any),
 * "这算威胁吗" recalls the verdict on it, "要不要打那个电话" says how to check the number it left, "详细点" opens the
 * rest of the answer.
 */
import { emptyReply, type OutboundReply } from '../message';
import { resolveCites } from '../answers/answer';
import type { AnalysisFocus, UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import { answerQuestion, answerQuestionIfPlaced } from './question';
import { asksCrime, asksOwnCrime } from './crime-question';
import { claimLine } from './collector-message';
import type { TurnContext } from './turn-context';
import type { FollowUpAnswers } from './deps';
import type { ConversationCues } from '../knowledge/conversation-cues';
import { analysisFocus } from './collector-message';
import { lawfulNoteAbout, lawfulNoteFor } from '../analysis/lawful-notes';
import { mergeAnalyses } from '../analysis/merge-analyses';
import { errorSummary } from '../error-summary';
import { analysisInFocus, namesOwnTopic } from './focus-topic';
import { fitted, para } from '../screen-fit';

export { analysisInFocus };

/** Answers a follow-up, or returns undefined when the focus holds nothing it can lean on. */
export async function answerFollowUp(text: string, u: TurnUnderstanding, state: UserState, turn: TurnContext): Promise<OutboundReply | undefined> {
  const { deps } = turn;
  const now = deps.now();
  // The message in focus stays in focus across a couple of answers about it; "what to do" follows whichever came last.
  let analysis = datedBy(u, analysisInFocus(state));
  const lastWasAnalysis = state.focus?.kind === 'analysis';
  const f = deps.followUps;
  const kind = u.provision && u.followUp !== 'can_report' && u.followUp !== 'verify_claims' ? 'explain_provision' : u.followUp ?? 'generic';
  // "我这算犯罪吗" is about the user, not the message in focus; so is any judging question whose subject is the user or
  // someone else doing something ("我算不算诈骗", "公司要是因为这个开除我 合法吗"): the answerer takes it.
  if (asksOwnCrime(text, deps.cues) || (kind === 'judge' && u.judged === 'other')) return answerQuestion(text, u, turn, false);
  // "听说拖够3年就不用还了 是真的吗": the claim heard elsewhere is checked, not the message or answer in focus.
  if ((kind === 'verify_claims' || kind === 'generic') && ownHearsay(text, deps.cues)) return answerQuestion(text, u, turn, false);
  // "真的假的" / "真的吗" right after a guide's answer to a question of the user's own: is that answer true — not the
  // claims of a message analysed before it.
  const confirmed = kind === 'verify_claims' ? await confirmLastAnswer(text, state, turn) : undefined;
  if (confirmed) return confirmed;
  // "那我该怎么办 要不要打那个李警官的电话" / "上面那个手机号我要不要打过去": the number the message in focus left
  // (before "what now", and before threats kept earlier stand in for a harmless message: the number is this one's).
  const called = analysis ? f?.callBack?.(analysis, now, text) : undefined;
  if (called) return answered(called, analysis!.at, text, turn);
  // "能报警吗" / "我该怎么办" after a harmless message, with threats kept earlier: the person means the threats, unless
  // they point at this message ("这条").
  if (analysis?.lawful && (kind === 'can_report' || kind === 'what_to_do') && !deps.cues.this_message.some((w) => text.includes(w))) {
    analysis = (await lastUnlawfulKept(turn)) ?? analysis;
  }
  // "那我该怎么办 真被起诉了会不会坐牢": the yes-or-no asked beside "what now" is what gets answered first.
  // It is read with what the notice is about ("起诉", "上门"), so "不理它行不行" is about the lawsuit.
  if (analysis?.lawful && kind === 'what_to_do' && asksYesNo(text, deps.cues)) {
    const about = lawfulNoteAbout(analysis.excerpt, deps.analysis.lawfulNotes ?? []);
    return answerQuestion(about && !text.includes(about) ? `${about} ${text}` : text, u, turn, true);
  }
  // "是真的吗 换了个公司还要还吗" right after a lawful notice of a kind of its own (a debt assignment, an arbitration):
  // what that notice announces is asked about, read with its word — not the general check for frightening claims.
  if (analysis?.lawful && lastWasAnalysis && (kind === 'verify_claims' || kind === 'generic')) {
    const about = lawfulNoteAbout(analysis.excerpt, deps.analysis.lawfulNotes ?? []);
    // A question naming a topic of its own ("那会不会影响征信") keeps it.
    // …unless that topic is the notice's own ("换了个公司还要还吗" after an assignment notice: the assignment).
    const alone = about && !text.includes(about) ? await deps.answerer.answer(text, { at: now }) : undefined;
    const own = alone ? namesOwnTopic(text, alone, turn) && alone.guideId !== (await deps.answerer.answer(`${about} ${text}`, { at: now })).guideId : true;
    const read = own ? undefined : await answerQuestionIfPlaced(`${about} ${text}`, u, turn);
    if (read) return read;
  }
  // A lawful message with a note of its own (a lawsuit notice, an announced visit): what to do is that note.
  if (analysis?.lawful && (kind === 'what_to_do' || kind === 'can_report')) {
    const note = lawfulNoteFor(analysis.excerpt, deps.analysis.lawfulNotes ?? []);
    if (note) {
      const r = emptyReply('answer');
      r.blocks.push({ style: 'paragraph', text: deps.replies.text(note) });
      r.blocks.push({ style: 'paragraph', text: deps.replies.text('analysis_debt_lawful') });
      turn.remember(text);
      return r;
    }
  }
  // "要是他们下次又来呢" after unlawful conduct was judged: if it happens again, whether and how to report it — unless a
  // yes-or-no of its own is asked beside it ("下次他们打来我能录音吗").
  const recurs = deps.cues.recurs.some((w) => text.includes(w)) && !asksYesNo(text, deps.cues) && !YES_NO_BU.test(text);
  if (f && analysis && !analysis.lawful && (kind === 'generic' || kind === 'what_to_do') && recurs) {
    // …unless it names where, which a question type of the guides answers ("下次他们再来公司怎么办": the company's
    // security and front desk), beyond the words that say it happens again.
    const placed = await placedBeyond(text, deps.cues.recurs, turn);
    if (placed) return answerQuestion(text, u, turn, false);
    return answered(f.canReport(analysis, now), analysis.at, text, turn);
  }
  // "打个电话跟法院说一声行不行" right after a 支付令 or an arbitration notice: a vague question about that document's
  // procedure, read with the document's word when the guides place it so. Once an answer followed, the next vague
  // question continues that answer's topic, and the document's word helps only when that topic cannot place it
  // ("要是我啥子都不弄 会咋样").
  const document = kind === 'generic' && analysis ? documentWord(analysis.excerpt, text, deps.cues) : undefined;
  const lastTopic = state.focus?.answer?.guideId ?? state.lastTopic;
  const unplaced = async () => (await deps.answerer.answer(text, { at: now, lastTopic, lastEntry: state.focus?.answer?.entryId })).outOfScope;
  if (document && !text.includes(document) && (lastWasAnalysis || !lastTopic || (await unplaced()))) {
    const read = await answerQuestionIfPlaced(`${document} ${text}`, u, turn);
    if (read) return read;
  }
  let reply: OutboundReply | undefined;
  // "这个算刑事犯罪吗" after conduct the guides answered (no analysis in focus): the conduct the user last described.
  const crimeFocus = f?.crime && asksCrime(text, deps.cues) ? analysis ?? describedBefore(state, turn) : undefined;
  if (f?.crime && crimeFocus) reply = f.crime(crimeFocus, now, text);
  else if (f && analysis) {
    switch (kind) {
      case 'verify_claims':
        reply = f.verifyClaims(analysis, now, text);
        break;
      case 'what_to_do':
        // "那我该怎么办 这条能当证据吗": the yes-or-no beside "what now" is answered first, when the guides place it.
        if (lastWasAnalysis && asksYesNo(text, deps.cues)) {
          const asked = await answerQuestionIfPlaced(text, u, turn);
          if (asked) return asked;
        }
        if (lastWasAnalysis) reply = f.whatToDo(analysis, now);
        // "那现在我该先做啥" a couple of answers after the message: the steps against it.
        else if (asksWhatNow(text, deps.cues)) return stepsAgainstFocus(text, state, turn) ?? answerQuestion(text, u, turn, true);
        break;
      case 'can_report':
        // What the question tells ("一晚上打了我30多个电话 能报警吗") is conduct too: it decides the condition.
        reply = f.canReport({ ...analysis, excerpt: `${analysis.excerpt}\n${text}` }, now);
        break;
      case 'judge':
        // "合同是2024年3月签的，年化好像是24%，这个利息合法吗" a few turns after a message that named no rate: the
        // interest is judged, not the message (routing.yaml interest_cues).
        if (judgesInterestOnly(text, analysis, deps.knowledge.interestCues)) return answerQuestion(text, u, turn, false);
        reply = recallVerdict(analysis, turn, text);
        break;
      case 'more':
        // "啥意思" right after the message was analysed: what the verdict means, part by part, then the steps;
        // "然后呢" / "还有呢": what to do next.
        if (lastWasAnalysis) reply = deps.cues.asks_meaning.some((w) => text.includes(w)) ? recallVerdict(analysis, turn, text) : f.whatToDo(analysis, now);
        break;
      default:
        break;
    }
  }
  if (!reply && f && kind === 'explain_provision' && u.provision) reply = f.explainProvision(u.provision, provisionFocus(state, now, f), now);
  if (reply) return answered(reply, analysis?.at ?? now.toISOString(), text, turn);
  // A follow-up on an answer (or one the focus cannot settle) continues the last answer's topic.
  if (state.focus?.answer || state.lastTopic) return answerQuestion(text, u, turn, true);
  return undefined;
}

/**
 * Whether a question type of the guides places `text` by a cue word of its own other than `except` (the words that
 * made it a follow-up): "下次他们再来公司怎么办" names 来公司, "要是他们下次又来呢" names nothing beyond 下次/又来.
 */
export async function placedBeyond(text: string, except: readonly string[], turn: TurnContext): Promise<boolean> {
  const { deps } = turn;
  const probe = await deps.answerer.answer(text, { at: deps.now() });
  if (probe.outOfScope || !probe.guideId || !probe.entryId) return false;
  const entry = deps.knowledge.guides.find((g) => g.id === probe.guideId)?.entries.find((e) => e.id === probe.entryId);
  const t = text.toLowerCase();
  return (entry?.cues ?? []).some((c) => !except.some((w) => c.includes(w) || w.includes(c)) && t.includes(c.toLowerCase()));
}

/** Longest bare "is it true?" (characters, spaces and punctuation aside): "真的假的啊", "你确定吗". */
const BARE_CHECK = 6;

/**
 * "真的假的" with nothing else, right after a guide answered the user's own question: that answer again, opened by
 * saying it holds (prompts confirm_last_answer). Undefined when the last reply was no such answer, the turn says
 * more, or the question answered was about a claim of the message in focus ("会坐牢吗" after a fake court's 拘传:
 * the claims are checked).
 */
async function confirmLastAnswer(text: string, state: UserState, turn: TurnContext): Promise<OutboundReply | undefined> {
  const { deps } = turn;
  const last = state.focus?.kind === 'answer' ? state.focus.answer : undefined;
  if (!last?.guideId || !last.question || [...text.replace(/[\s\p{P}\p{S}]/gu, '')].length > BARE_CHECK) return undefined;
  const held = analysisInFocus(state);
  if (held && deps.followUps?.namesClaim?.(held, last.question)) return undefined;
  turn.remember(text);
  const again = await answerQuestion(last.question, undefined, turn, false);
  if (again.blocks[0]?.text !== deps.replies.text('answer_out_of_scope')) again.blocks.unshift({ style: 'paragraph', text: deps.replies.text('confirm_last_answer') });
  return again;
}

/** Parts of a message judged by a standard, not a statute: when it was sent and how often. */
const STANDARD_PARTS: ReadonlySet<string> = new Set(['off_hours', 'harassment_frequency']);

/** The categories of the message in focus that a turn names by itself ("半夜发…" → off_hours), none when it names others. */
function partsNamed(u: TurnUnderstanding, focus: AnalysisFocus, cues: ConversationCues): string[] {
  const parts = [...new Set(u.facts.conduct.map((c) => cues.part_of_message[c]).filter((c): c is string => c !== undefined))];
  return parts.length > 0 && parts.every((c) => focus.categories.includes(c)) ? parts : [];
}

/**
 * "半夜发是不是违法的" / "那骂人那部分呢" right after a message with several findings: the turn names one part of that
 * message and nothing of its own, so that part is judged alone — the hour by the standard it breaks (not a statute),
 * an insult or a threat as unlawful, with its steps. Undefined when the turn is about anything else, or asks to sue.
 */
export function partOfFocus(text: string, u: TurnUnderstanding, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const focus = analysisInFocus(state);
  const f = deps.followUps;
  if (!f || !focus || focus.lawful || u.act !== 'follow_up' || (u.followUp !== 'judge' && u.followUp !== 'generic') || asksCrime(text, deps.cues)) return undefined;
  // Whether they can be sued over it ("P图这种能告他们吗") is the suing question, answered from the guides.
  if (deps.cues.pointed_conduct?.sue.some((w) => text.includes(w))) return undefined;
  const parts = partsNamed(u, focus, deps.cues);
  // Something of its own ("又骂我全家") is conduct to assess, not a part of the message; the hour or the count named
  // again in the turn's words ("半夜12点发的" reads as night contact) is a fact about that part, nothing new.
  const own = deps.analysis.assessConduct(text, deps.now()).findings;
  if (parts.length === 0 || parts.length === focus.categories.length || own.some((x) => !parts.includes(x.category) || !STANDARD_PARTS.has(x.category))) return undefined;
  const part: AnalysisFocus = { ...focus, categories: parts, findings: focus.findings.filter((x) => parts.includes(x.category)) };
  return answered(partVerdict(part, turn, text), focus.at, text, turn);
}

/**
 * The verdict on one part of what was analysed or described (`part` holds only its categories): the hour or the
 * frequency by the standard it breaks (not a statute), anything else as unlawful, then its steps. `text` is the
 * question: asked whether they may ("他们能这样吗"), the verdict opens "不能".
 */
export function partVerdict(part: AnalysisFocus, turn: TurnContext, text: string): OutboundReply {
  const { deps } = turn;
  const f = deps.followUps!;
  const parts = part.categories;
  const labels = parts.map((c) => deps.analysis.categoryLabel(c as never)).join('、');
  const standardOnly = parts.every((c) => c === 'off_hours' || c === 'harassment_frequency');
  const why = parts.map((c) => `${deps.analysis.categoryLabel(c as never)}：${deps.replies.text(`finding_short_${c}`)}`).join('；');
  const steps = f.whatToDo(part, deps.now());
  const out = emptyReply('answer');
  out.blocks = [
    { style: 'paragraph', text: deps.replies.text(standardOnly ? 'recall_part_standard' : asksMay(text, deps.cues) ? 'recall_part_unlawful_may' : 'recall_part_unlawful', { labels }) },
    { style: 'paragraph', text: standardOnly ? deps.replies.text('analysis_standard_note') : why },
    // A standard broken is no unlawful collection: the debt line says the debt stands, not that the way was unlawful.
    ...steps.blocks.slice(1).map((b) => (standardOnly && b.text === deps.replies.text('fu_debt_line') ? { ...b, text: deps.replies.text('fu_debt_line_lawful') } : b)),
  ];
  out.citations = steps.citations;
  out.buttons = steps.buttons;
  return out;
}

/**
 * "我能让他们坐牢吗" / "发群的人会被判刑吗" read as a question of its own right after collectors' conduct was analysed:
 * which crime that conduct could be, under which condition (never the jail guide's "will I go to jail?"). Undefined
 * when nothing is in focus or the question is not about the collectors.
 */
export function crimeOfFocus(text: string, u: TurnUnderstanding, state: UserState | null, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  if (!deps.followUps?.crime || !state || !asksCrime(text, deps.cues)) return undefined;
  const focus = datedBy(u, analysisInFocus(state));
  return focus ? answered(deps.followUps.crime(focus, deps.now(), text), focus.at, text, turn) : undefined;
}

/**
 * True when `text` asks about a claim heard elsewhere and carries it ("听说拖够3年就不用还了 是真的吗", "我朋友说只要不接
 * 电话他们就没办法 是这样吗"): a hearsay word, and a claim of its own once that word and the asking tail are taken out.
 * "听说是真的吗" or "网上说的这条是真的吗" (pointing at the message) carry none.
 */
export function ownHearsay(text: string, cues: ConversationCues): boolean {
  if (!cues.hearsay.some((w) => text.includes(w)) || cues.this_message.some((w) => text.includes(w))) return false;
  let claim = cues.hearsay.reduce((t, w) => t.split(w).join(' '), text).replace(/[\s\p{P}]+$/u, '');
  const tails = [...cues.claim_check_tails].sort((a, b) => b.length - a.length);
  for (let cut = true; cut; ) {
    cut = false;
    claim = claim.replace(/[\s\p{P}]+$/u, '');
    const tail = tails.find((w) => claim.endsWith(w));
    if (tail) {
      claim = claim.slice(0, -tail.length);
      cut = true;
    }
  }
  return [...claim.replace(/[\s\p{P}\p{S}]/gu, '')].length >= cues.hearsay_claim_min;
}

/**
 * The first document word (cues document_words) the message in focus names, if any; a word with parties
 * (cues document_parties: 律师函 → 律师, 律所) only when the turn names one of them ("这个律师是真的假的").
 */
function documentWord(excerpt: string, text: string, cues: ConversationCues): string | undefined {
  const word = cues.document_words.find((w) => excerpt.includes(w));
  const parties = word ? cues.document_parties[word] : undefined;
  return parties && !parties.some((p) => text.includes(p)) ? undefined : word;
}

/** A follow-up's reply, remembered: "查看法条" then shows its provisions in the versions in force `at` (the conduct's day). */
function answered(reply: OutboundReply, at: string, text: string, turn: TurnContext): OutboundReply {
  turn.remember(text, (s) => {
    if (reply.citations.length) s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at }));
  });
  return reply;
}

/** The next step that keeps evidence (knowledge/analysis/categories.yaml next_steps). */
const EVIDENCE_STEP = 'evidence';

/**
 * "截图了 然后呢" / "群里的截图我都存了": the evidence is kept already; what comes after it is asked. Not when the turn
 * asks a yes-or-no question of its own ("我录音了 录音能当证据吗"): that question is answered.
 */
export function keptEvidence(text: string, cues: ConversationCues): boolean {
  return cues.evidence_kept.some((w) => text.includes(w)) && !asksYesNo(text, cues);
}

/** An open "what now?" ("那现在我该先做啥"), with no yes-or-no question beside it ("…能不能让他们不许靠近我"). */
export function asksWhatNow(text: string, cues: ConversationCues): boolean {
  return cues.open_what_to_do.some((w) => text.includes(w)) && !asksYesNo(text, cues);
}

/** Whether they may do it is asked ("他们能这样骂人吗", "有权这么做吗"; cues may_they): a verdict then opens "不能". */
function asksMay(text: string, cues: ConversationCues): boolean {
  return cues.may_they.some((w) => text.includes(w));
}

/** A yes-or-no question in the turn: "会不会坐牢", "能不去吗", "要不要让她还". */
function asksYesNo(text: string, cues: ConversationCues): boolean {
  return cues.yes_no_forms.some((w) => text.includes(w)) || YES_NO_MA.test(text);
}

/** "能不去吗", "会被抓吗", "可以不还吗": a modal verb and 吗 within one clause. */
const YES_NO_MA = /(?:能|会|可以|要|用|得|该)[^\s，。,；;！!？?]{0,8}吗/;
/** "我能录音不", "可以报警不": a modal verb and a closing 不 (the spoken yes-or-no), at the end of the turn. */
const YES_NO_BU = /(?:能|会|可以|要|用|得|该)[^\s，。,；;！!？?]{1,8}不[\s？?!！]*$/;

/**
 * The steps against the unlawful message in focus, when it is still what the conversation is about (analysed last,
 * or at most a couple of answers ago); undefined otherwise.
 */
export function stepsAgainstFocus(text: string, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const held = analysisInFocus(state);
  const f = turn.deps.followUps;
  if (!f || !held || held.lawful) return undefined;
  const reply = f.whatToDo(held, turn.deps.now(), keptEvidence(text, turn.deps.cues) ? [EVIDENCE_STEP] : []);
  turn.remember(text, (s) => {
    if (reply.citations.length) s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: held.at }));
  });
  return reply;
}

/** The provision conduct that took property is judged under (抢夺, 诈骗): 治安管理处罚法第58条. */
const PROPERTY_TAKEN = { law: '治安管理处罚法', article: '58' };

/**
 * "手机还能要回来吗" / "这钱能要回来吗" while conduct that took property is in focus (a phone grabbed, a parent tricked
 * into paying): recovered through the police, and a complaint to the lender. Undefined for any other turn.
 */
export function recoverTaken(text: string, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const held = analysisInFocus(state);
  if (!held || held.lawful || !deps.cues.recover_question.some((w) => text.includes(w))) return undefined;
  if (!held.citations.some((c) => c.law === PROPERTY_TAKEN.law && c.article === PROPERTY_TAKEN.article)) return undefined;
  const reply = emptyReply('answer');
  reply.blocks.push({ style: 'paragraph', text: deps.replies.text('recover_taken') });
  reply.citations = resolveCites(deps.knowledge, [PROPERTY_TAKEN], new Date(held.at));
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: deps.replies.text('answer_law_button') });
  turn.remember(text, (s) => {
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: held.at }));
  });
  return reply;
}

/**
 * What "刚才说的法条" points at: the last reply's citations. After an answer those are the answer's own (the
 * message analysed before it is no longer what the user just read); after an analysis, the analysis; after a
 * follow-up about the message (its claims checked, its steps), the message's provisions that reply named first. An answer to a
 * question about a claim the unlawful message in focus made ("会坐牢吗" after a fake court's 拘传) was about that
 * message: its provisions come first, the answer's are offered after them.
 */
function provisionFocus(state: UserState, now: Date, f: FollowUpAnswers | undefined): AnalysisFocus | undefined {
  const analysis = state.focus?.analysis;
  if (!state.lastCitations?.length) return analysis;
  const citations = state.lastCitations.map((c) => ({ law: c.law, article: c.article }));
  // A follow-up about the message ("他们真能发吗" → the threat to expose the debt) keeps it in focus: the provisions
  // the message rests on that this reply named come first, in the reply's order; the ones it cited only for what is
  // real (how courts serve papers) are background, so with none shared the message's own order stands.
  if (state.focus?.kind !== 'answer') {
    if (!analysis) return analysis;
    const key = (c: { law: string; article: string }) => `${c.law}:${c.article}`;
    const own = new Set(analysis.citations.map(key));
    const shared = citations.filter((c) => own.has(key(c)));
    const first = new Set(shared.map(key));
    return shared.length ? { ...analysis, citations: [...shared, ...analysis.citations.filter((c) => !first.has(key(c)))] } : analysis;
  }
  const held = analysisInFocus(state);
  const question = state.focus.answer?.question;
  if (held && !held.lawful && question && f?.namesClaim?.(held, question)) return { ...held, citations: [...held.citations, ...citations] };
  return { at: analysis?.at ?? now.toISOString(), source: 'conduct', lawful: true, categories: [], findings: [], citations, excerpt: '' };
}

/**
 * The focus, dated by a past date the follow-up names ("其实去年8月就被喷过一次 现在还能追究吗"): the question
 * is then about that earlier conduct, judged at its own time (the six-month limit, the law then in force).
 */
function datedBy(u: TurnUnderstanding, focus: AnalysisFocus | undefined): AnalysisFocus | undefined {
  if (!focus) return undefined;
  // Only when the conduct happened: a contract date ("我是2023年借的") says nothing about it.
  const named = u.facts.dates.filter((d) => d.role !== 'contract').map((d) => d.iso).filter((iso) => Date.parse(iso) < Date.parse(focus.at)).sort()[0];
  return named ? { ...focus, at: new Date(`${named}T12:00:00+08:00`).toISOString() } : focus;
}

/** The turn names the interest (利息, 年化 …) and the message in focus named none: a question about the loan's rate. */
function judgesInterestOnly(text: string, focus: AnalysisFocus, interestCues: readonly string[]): boolean {
  const t = text.toLowerCase();
  const excerpt = focus.excerpt.toLowerCase();
  return interestCues.some((w) => t.includes(w.toLowerCase())) && !interestCues.some((w) => excerpt.includes(w.toLowerCase()));
}

/**
 * The verdict line for a lawful message asked about again: its note's own (recall_lawful_litigation after a court's
 * notice: "不是吓唬…不去的话可以缺席判决"), else the general one.
 */
function lawfulRecallKey(focus: AnalysisFocus, turn: TurnContext, text: string): string {
  const note = lawfulNoteFor(focus.excerpt, turn.deps.analysis.lawfulNotes ?? []);
  const own = note?.replace(/^analysis_lawful_/, 'recall_lawful_');
  if (own && turn.deps.replies.has(own)) return own;
  return asksWhatItIs(text, turn.deps.cues) ? 'recall_lawful_what' : 'recall_lawful';
}

/** The verdict line on an unlawful message, in the terms asked: may they ("不能：…"), what is it ("这属于…"), or is it ("算：…"). */
function unlawfulRecallKey(text: string, cues: ConversationCues): string {
  if (asksMay(text, cues)) return 'recall_unlawful_may';
  // "第二条是什么意思" asks what it means, not whether: no "算：" before an answer to a question never put (cues asks_meaning).
  const meaning = cues.asks_meaning.some((w) => text.includes(w));
  return meaning || asksWhatItIs(text, cues) ? 'recall_unlawful_what' : 'recall_unlawful';
}

/** What it is, asked ("那他们这么说算什么", "属于什么性质"; cues asks_what_it_is): the verdict then names it first. */
function asksWhatItIs(text: string, cues: ConversationCues): boolean {
  return cues.asks_what_it_is.some((w) => text.includes(w));
}

/**
 * "这算威胁吗" / "这样合法吗" right after an analysis: the verdict on the message in focus, in a first sentence
 * that answers yes or no, then the steps.
 */
function recallVerdict(focus: AnalysisFocus, turn: TurnContext, text: string): OutboundReply {
  const { deps } = turn;
  const r = deps.followUps!.whatToDo(focus, deps.now());
  const labels = [...new Set(focus.categories)].map((c) => deps.analysis.categoryLabel(c as never)).join('、');
  const lead = focus.lawful ? deps.replies.text(lawfulRecallKey(focus, turn, text)) : deps.replies.text(unlawfulRecallKey(text, deps.cues), { labels });
  const out = emptyReply('answer');
  const standards = focus.categories.some((c) => c === 'off_hours' || c === 'harassment_frequency');
  // Why: the false claim answered, or each category in one line.
  const why = claimLine(focus, turn) ?? [...new Set(focus.categories)].map((c) => `${deps.analysis.categoryLabel(c as never)}：${deps.replies.text(`finding_short_${c}`)}`).join('；');
  // Fitted to the first screen: the standards note goes first (the reason line already says "行业标准"), then the reason.
  const leadBlock = para(lead);
  const whyBlock = why && !focus.lawful ? para(why) : [];
  const steps = r.blocks.slice(1);
  out.blocks = fitted([
    [...leadBlock, ...whyBlock, ...(standards ? para(deps.replies.text('analysis_standard_note')) : []), ...steps],
    [...leadBlock, ...whyBlock, ...steps],
    [...leadBlock, ...steps],
  ]);
  out.citations = r.citations;
  out.buttons = r.buttons;
  return out;
}

/** The latest evidence kept in this conversation that showed something unlawful, judged again, as a focus. */
async function lastUnlawfulKept(turn: TurnContext): Promise<AnalysisFocus | undefined> {
  const { deps } = turn;
  let items;
  try {
    items = await deps.store.listEvidence(turn.key);
  } catch (e) {
    turn.log.warn({ err: errorSummary(e) }, 'evidence unavailable for a follow-up');
    return undefined;
  }
  const last = items.filter((e) => e.categories.length > 0).sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))[0];
  if (!last) return undefined;
  const at = new Date(last.sentAt ?? last.receivedAt);
  const described = last.kind === 'call' || last.kind === 'note';
  const analysis = mergeAnalyses([
    deps.analysis.analyzer.analyze({ text: last.text, sentAt: last.sentAt ? at : null }),
    ...(described ? [deps.analysis.assessConduct(last.text, at)] : []),
  ]);
  if (analysis.lawful) return undefined;
  return analysisFocus(analysis, { at, source: described ? (last.kind === 'call' ? 'call' : 'conduct') : last.kind === 'screenshot' ? 'screenshot' : 'message', excerpt: last.text, evidenceId: last.id });
}

/**
 * "一直到上个月还在打 / 他们现在还在骂呢 / 其实上周又打了一次" right after conduct was judged: it went on, so whether
 * it can be reported is answered again as of the last time (the six-month limit counts from then), with that said
 * first. Undefined when no conduct is in focus, the turn says nothing of it going on, or nothing in it is a police
 * matter.
 */
export function continuingConduct(text: string, u: TurnUnderstanding, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const held = analysisInFocus(state);
  const f = deps.followUps;
  if (!f || !held || held.lawful || !deps.cues.continuing.some((w) => text.includes(w))) return undefined;
  const now = deps.now();
  // The last time: the latest date the turn names, else now ("现在还在骂").
  const named = u.facts.dates.filter((d) => d.role !== 'contract').map((d) => Date.parse(`${d.iso}T12:00:00+08:00`)).filter((t) => t <= now.getTime());
  const last = new Date(named.length ? Math.max(...named) : now.getTime());
  if (last.getTime() <= Date.parse(held.at)) return undefined;
  const focus: AnalysisFocus = { ...held, at: last.toISOString(), excerpt: `${held.excerpt}\n${text}` };
  if (!f.reportable?.(focus)) return undefined;
  const reply = f.canReport(focus, now);
  reply.blocks.unshift({ style: 'paragraph', text: deps.replies.text('conduct_continuing') });
  turn.remember(text, (s) => {
    if (s.focus?.analysis) s.focus.analysis.at = focus.at;
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: focus.at }));
  });
  return reply;
}

/** The conduct the user described most recently in the kept history (unlawful findings only), as a focus. */
function describedBefore(state: UserState, turn: TurnContext): AnalysisFocus | undefined {
  const kit = turn.deps.analysis;
  const now = turn.deps.now();
  for (const t of [...state.history].reverse()) {
    if (t.role !== 'user' || !t.text) continue;
    const assessed = kit.assessConduct(t.text, now);
    if (!assessed.lawful && assessed.findings.length > 0) return analysisFocus(assessed, { at: assessed.occurredAt, source: 'conduct', excerpt: t.text });
  }
  return undefined;
}
