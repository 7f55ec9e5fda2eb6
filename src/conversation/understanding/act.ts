/**
 * What the user is doing with a turn (labels of eval/understanding/README.md): pasting a collector's words,
 * asking, describing what collectors did, expressing distress, giving loan numbers, following up on the last
 * reply, answering the bot's question, greeting, thanking, or something else. Rules decide where they are sure
 * (a whole-message greeting, a short answer right after the bot asked, a new question flagged "另外问一下"…);
 * the statistical head decides the rest, never with a label the context rules out (no follow-up without a
 * previous reply, no paste from the user's own words). Cues are data in knowledge/understanding/acts.yaml.
 */
import type { ActCues } from '../../knowledge/understanding-data';
import type { CueCompiler, CueMatcher } from './cues';
import { addFlag, addNgrams, lengthBucket } from './features';
import { asksOrWonders, isQuestion } from './question-form';
import { best, probabilities, type FeatureVector, type SoftmaxHead } from './turn-classifier';
import type { CrisisSignal, DialogueContext, FollowUpKind, ProvisionMention, Speaker, TurnAct, TurnFacts } from './types';
import type { TurnText } from './turn-text';

/** Greeting, thanks or a bare short answer: the user's own small talk, never a pasted message. */
export function isSmallTalk(s: ActSignals): boolean {
  return s.whole !== undefined || s.emoji !== undefined;
}

/** What the rules see in a turn; also the classifier's `c:` flags. */
export interface ActSignals {
  /** Only emoji (no letters or digits): which kind. */
  emoji?: 'distress' | 'greeting' | 'thanks' | 'other';
  /** The whole message is greeting / thanks / short-answer words (and fillers). */
  whole?: 'greeting' | 'thanks' | 'ack';
  question: boolean;
  ask: boolean;
  describe: boolean;
  distress: boolean;
  domain: boolean;
  topicShift: boolean;
  followLead: boolean;
  /** Points back at the bot's last reply ("你刚才说", "跟刚才那条比"). */
  refersBack: boolean;
  /** Opens or closes with thanks ("谢谢你 帮了我大忙"). */
  thanksAtEdge: boolean;
  /** The first follow-up kind whose cue fired (whatever the context). */
  followKind?: FollowUpKind;
  /** With followKind judge: whose doing is judged — the collectors or their message, or someone else (see judgedBy). */
  judged?: 'them' | 'other';
  /** Amounts, terms and rates the turn carries. */
  loanNumbers: number;
  /** Short, ending in an elliptic 呢 ("12315呢", "那小贷呢"): the question last asked, about a new subject. */
  elliptic?: boolean;
}

/** Everything the act call reads. */
export interface ActInput {
  tt: TurnText;
  context: DialogueContext;
  speaker: Speaker;
  speakerConfidence: number;
  crisis: CrisisSignal;
  facts: TurnFacts;
  provision?: ProvisionMention;
}

export interface ActCall {
  act: TurnAct;
  confidence: number;
  followUp?: FollowUpKind;
  signals: ActSignals;
}

/** The labels of the act head, in model order. */
export const ACTS: TurnAct[] = ['paste', 'ask', 'describe', 'distress', 'loan_facts', 'follow_up', 'reply', 'greeting', 'thanks', 'other'];

/** A rule call at least this sure wins over the classifier. */
export const RULE_WINS_AT = 0.8;

/** Words about the debt and who pays it: a question at risk that names them asks what happens to the debt. */
const DEBT = /还|债|钱|贷|家人|家里|爸妈|我妈|我爸|父母/;

/** Longest elliptic question (letters and digits) read as "the same question, about this". */
const ELLIPTIC_MAX = 10;

/** Where a clause ends (the mark stays with its clause, so "吗？" still asks). */
const CLAUSE_END = /(?<=[¦\s，,。.!！?？；;…])/;
const FOLLOW_UP_ORDER: FollowUpKind[] = ['explain_provision', 'verify_claims', 'after_report', 'judge', 'can_report', 'what_to_do', 'more'];

/** Reads the signals, the rule call and the classifier's features of a turn. */
export interface ActReader {
  /** The signals depend on the text and its facts only (the speaker call may use them). */
  signals(tt: TurnText, facts: TurnFacts): ActSignals;
  features(input: ActInput, signals: ActSignals): FeatureVector;
  call(input: ActInput, signals?: ActSignals): ActCall;
}

/** Builds the act reader; `head` is the trained act head (rules and fallbacks only without it). */
export function createActReader(cues: ActCues, compiler: CueCompiler, head?: SoftmaxHead): ActReader {
  const m = (list: readonly string[]) => compiler.compile(list);
  const topicShift = m(cues.topic_shift);
  const followLead = m(cues.follow_up_leading);
  const refersBack = m(cues.refers_back);
  const describe = m(cues.describe_cues);
  const ask = m(cues.ask_cues);
  const distress = m(cues.distress_cues);
  const followKinds = FOLLOW_UP_ORDER.map((k) => [k, m(cues.follow_up[k as keyof ActCues['follow_up']])] as [FollowUpKind, CueMatcher]);
  const domain = new RegExp(cues.domain_words.map(escape).join('|'));
  const whole = wholeMatcher(cues.whole);
  const emojiKinds = (['distress', 'greeting', 'thanks'] as const).map((k) => [k, cues.emoji[k]] as const);
  const thanksWords = cues.whole.thanks_words.map((w) => w.toLowerCase());
  const thanksAtEdge = (t: string): boolean => {
    const bare = t.replace(/[^\p{L}\p{N}]/gu, '');
    return thanksWords.some((w) => bare.startsWith(w) || bare.endsWith(w) || bare.endsWith(`${w}你`) || bare.endsWith(`${w}您`));
  };

  /**
   * The follow-up kind the cues name. "是真的" / "是骗子" also occur in statements ("确认减免是真的 减免协议要咋留证据",
   * "既然他们是骗子 我欠的钱是不是也不用还了"): when a later clause asks a question of its own, that clause decides.
   */
  const verify = followKinds.find(([k]) => k === 'verify_claims')![1];
  const judge = followKinds.find(([k]) => k === 'judge')![1];
  const judgedThem = m(cues.judged_subject.them);
  const judgedOther = m(cues.judged_subject.other);
  const judgedPointer = m(cues.judged_subject.pointer);
  const judgedLending = m(cues.judged_subject.lending);
  const policeTakeUp = m(cues.police_take_up);

  /**
   * Whose doing a judging question is about: the subject at the start of the clause that judges, or of the nearest
   * clause before it that names one. "他们把我身份证发群里了 这个违法吗", "我被骂成这样 合法吗" judge the collectors;
   * "我算不算诈骗", "单位要是因此辞退我 这个违法吗" the user's own or a third party's act, which the message in focus
   * does not settle. A pointer ("这个", "这样") stands for what was said before it; with nobody named before it, it
   * points at the message in focus ("这种短信算不算恐吓"). Undefined when the turn names and points at no one.
   */
  const judgedBy = (t: string): 'them' | 'other' | undefined => {
    const clauses = t.split(CLAUSE_END).filter((c) => /[\p{L}\p{N}]/u.test(c));
    const asked = clauses.map((c, i) => [c, i] as const).filter(([c]) => judge.test(c));
    const at = (asked.find(([c]) => asksOrWonders(c)) ?? asked[0])?.[1];
    if (at === undefined) return undefined;
    let pointed = false;
    for (let i = at; i >= 0; i--) {
      const c = clauses[i]!;
      if (judgedLending.test(c)) return 'other';
      if (judgedThem.test(c)) return 'them';
      if (judgedPointer.test(c)) pointed = true;
      else if (judgedOther.test(c)) return 'other';
    }
    return pointed ? 'them' : undefined;
  };
  const followKind = (t: string): FollowUpKind | undefined => {
    const kind = followKinds.find(([, matcher]) => matcher.test(t))?.[0];
    const clauses = t.split(CLAUSE_END).filter((c) => /[\p{L}\p{N}]/u.test(c));
    // "网贷逾期了会坐牢吗 催收说我这是诈骗": '是诈骗' reports what was said; the clause that asks decides (here no
    // follow-up kind: the guides answer the jail question). Judged only when a judging clause is itself asked.
    if (kind === 'judge') {
      const asked = clauses.filter((c) => asksOrWonders(c));
      if (asked.length === 0 || asked.some((c) => judge.test(c))) return kind;
      return followKinds.find(([k, matcher]) => k !== 'judge' && asked.some((c) => matcher.test(c)))?.[0];
    }
    if (kind !== 'verify_claims') return kind;
    // "派出所真会管吗": whether the police would act on a report, not whether a claim is true.
    if (policeTakeUp.test(t)) return 'can_report';
    let last = -1;
    clauses.forEach((c, i) => {
      if (verify.test(c)) last = i;
    });
    // Asked as a question ("这个律师函是真的吗 是不是违法的"): a claim check, whatever follows.
    if (clauses.some((c) => verify.test(c) && isQuestion(c))) return kind;
    // Said as a statement: a later clause that asks a question of its own decides what is asked.
    const later = clauses.slice(last + 1).filter((c) => asksOrWonders(c) || c.includes('咋'));
    if (later.length === 0) return kind;
    return followKinds.find(([k, matcher]) => k !== 'verify_claims' && later.some((c) => matcher.test(c)))?.[0];
  };

  const signals = (tt: TurnText, facts: TurnFacts): ActSignals => {
    const t = tt.t;
    const s: ActSignals = {
      question: isQuestion(t),
      ask: ask.test(t),
      describe: describe.test(t),
      distress: distress.test(t),
      domain: domain.test(t),
      topicShift: topicShift.test(t),
      followLead: followLead.test(t),
      refersBack: refersBack.test(t),
      thanksAtEdge: thanksAtEdge(t),
      loanNumbers: facts.amounts.length + (facts.term ? 1 : 0) + (facts.rates?.length ?? 0),
    };
    const bare = tt.raw.trim();
    if (cues.elliptic_ends.some((e) => bare.endsWith(e)) && [...bare.replace(/[^\p{L}\p{N}]/gu, '')].length <= ELLIPTIC_MAX) s.elliptic = true;
    const kind = followKind(t);
    if (kind) s.followKind = kind;
    const judged = kind === 'judge' ? judgedBy(t) : undefined;
    if (judged) s.judged = judged;
    if (!/[\p{L}\p{N}]/u.test(tt.raw)) {
      s.emoji = emojiKinds.find(([, list]) => list.some((e) => tt.raw.includes(e)))?.[0] ?? 'other';
    } else {
      const w = whole(t);
      if (w) s.whole = w;
    }
    return s;
  };

  const features = (input: ActInput, s: ActSignals): FeatureVector => {
    const x: FeatureVector = new Map();
    addNgrams(input.tt.t, x);
    const flags: string[] = [`spk:${input.speaker}`, `crisis:${input.crisis}`, `len:${lengthBucket(input.tt.t)}`];
    if (s.emoji) flags.push(`emoji:${s.emoji}`);
    if (s.whole) flags.push(`whole:${s.whole}`);
    for (const k of ['question', 'ask', 'describe', 'distress', 'domain', 'topicShift', 'followLead', 'refersBack', 'thanksAtEdge'] as const) if (s[k]) flags.push(k);
    if (s.followKind) flags.push(`fu:${s.followKind}`);
    flags.push(`loan:${Math.min(s.loanNumbers, 3)}`);
    if (input.facts.conduct.length) flags.push('conduct');
    if (input.facts.contacted.length) flags.push('contacted');
    if (input.provision) flags.push('provision');
    addFlag(x, `ctx:${input.context}`);
    for (const f of flags) {
      addFlag(x, f);
      if (input.context !== 'none') addFlag(x, `${input.context}|${f}`);
    }
    return x;
  };

  const followUpKind = (input: ActInput, s: ActSignals): FollowUpKind =>
    input.provision && !input.provision.vague ? 'explain_provision' : (s.followKind ?? (input.provision ? 'explain_provision' : 'generic'));

  const rule = (input: ActInput, s: ActSignals): { act: TurnAct; confidence: number } | undefined => {
    const { context, speaker } = input;
    const atRisk = input.crisis === 'risk' || input.crisis === 'acute';
    if (speaker === 'collector') return { act: 'paste', confidence: input.speakerConfidence };
    if (s.emoji) return { act: s.emoji === 'other' ? 'other' : s.emoji, confidence: 0.85 };
    if (s.whole === 'greeting') return { act: 'greeting', confidence: 0.97 };
    if (s.whole === 'thanks') return { act: 'thanks', confidence: 0.95 };
    const afterReply = context === 'analysis' || context === 'answer';
    const afterAsk = context === 'asked' || context === 'crisis';
    // "12315呢" right after an answer about 12378: the same question about a subject of ours, never small talk or a
    // bare acknowledgement (a number alone reads as one).
    if (afterReply && s.elliptic && s.domain && !s.describe) return { act: 'follow_up', confidence: 0.8 };
    if (s.whole === 'ack') return afterAsk ? { act: 'reply', confidence: 0.9 } : { act: 'other', confidence: 0.8 };
    if (afterAsk) return s.topicShift && s.question ? { act: 'ask', confidence: 0.7 } : { act: 'reply', confidence: 0.9 };
    if (afterReply) {
      if (s.thanksAtEdge && !s.question && !s.describe && s.loanNumbers === 0) return { act: 'thanks', confidence: 0.85 };
      if (s.topicShift) return s.question || s.ask ? { act: 'ask', confidence: 0.85 } : s.describe ? { act: 'describe', confidence: 0.8 } : { act: 'ask', confidence: 0.6 };
      if (s.refersBack) return { act: 'follow_up', confidence: 0.85 };
      if (s.loanNumbers >= 2) return { act: 'loan_facts', confidence: 0.8 };
      if (!s.question && (atRisk || s.distress) && !s.describe) return { act: 'distress', confidence: 0.8 };
      // "我最近真的压力好大 有没有人可以聊聊": fear that asks for no debt matter is met as fear.
      if (s.question && s.distress && !s.describe && !s.followKind && !s.followLead && !DEBT.test(input.tt.t)) return { act: 'distress', confidence: 0.9 };
      if (s.describe && !s.question) return { act: 'describe', confidence: 0.8 };
      if (s.question || s.followKind || s.followLead) return { act: 'follow_up', confidence: 0.75 };
      return undefined;
    }
    if (speaker === 'mixed') return atRisk && !s.question ? { act: 'distress', confidence: 0.8 } : { act: 'describe', confidence: 0.85 };
    if (s.loanNumbers >= 2) return { act: 'loan_facts', confidence: 0.8 };
    if (s.question && s.distress && !s.describe && !s.followKind && !DEBT.test(input.tt.t)) return { act: 'distress', confidence: 0.9 };
    if (atRisk) {
      // At risk: telling what collectors did is still describe; asking what happens to the debt is ask; the rest is distress.
      if (s.describe && !s.question) return { act: 'describe', confidence: 0.8 };
      if (s.question && DEBT.test(input.tt.t)) return { act: 'ask', confidence: 0.8 };
      if (!s.describe) return { act: 'distress', confidence: 0.85 };
    }
    // Off-topic words are open-ended: this only leans; the classifier decides when it is loaded.
    if (!s.domain && !s.describe && !s.distress && input.crisis === 'none') return { act: 'other', confidence: 0.6 };
    return undefined;
  };

  const fallback = (input: ActInput, s: ActSignals): TurnAct => {
    if (input.context === 'analysis' || input.context === 'answer') return 'follow_up';
    if (s.loanNumbers >= 1 && !s.describe) return 'loan_facts';
    if (s.describe) return 'describe';
    if ((s.distress || input.crisis === 'risk' || input.crisis === 'acute') && !s.question) return 'distress';
    if (s.question || s.ask) return 'ask';
    return 'other';
  };

  return {
    signals,
    features,
    call(input, given) {
      const s = given ?? signals(input.tt, input.facts);
      const r = rule(input, s);
      let act: TurnAct;
      let confidence: number;
      if (r && (r.confidence >= RULE_WINS_AT || !head)) ({ act, confidence } = r);
      else if (head) {
        const p = probabilities(head, features(input, s));
        // Labels the context rules out get no mass.
        const allowed = head.labels.map((l) => allowedAct(l as TurnAct, input));
        const masked = p.map((v, i) => (allowed[i] ? v : 0));
        const total = masked.reduce((a, b) => a + b, 0) || 1;
        const top = best(head, masked.map((v) => v / total));
        act = top.label as TurnAct;
        confidence = top.p;
      } else {
        act = fallback(input, s);
        confidence = 0.5;
      }
      return { act, confidence, signals: s, ...(act === 'follow_up' ? { followUp: followUpKind(input, s) } : {}) };
    },
  };
}

/** Whether the context allows a label: follow-ups need a previous reply, replies a question, pastes the collector. */
export function allowedAct(act: TurnAct, input: Pick<ActInput, 'context' | 'speaker'>): boolean {
  if (act === 'paste') return input.speaker === 'collector';
  if (input.speaker === 'collector') return false;
  if (act === 'follow_up') return input.context !== 'none';
  if (act === 'reply') return input.context === 'asked' || input.context === 'crisis';
  return true;
}

/** The longest text (letters and digits only) that can be a whole-message greeting, thanks or short answer. */
const WHOLE_MAX = 24;

type WholeKind = 'greeting' | 'thanks' | 'ack';

/**
 * Whether the whole text is made of greeting, thanks or short-answer words (plus fillers). The text is split
 * into listed words longest first, as a backtracking search would, but decided right to left in one pass
 * (whether the rest from each position splits at all), so a text that almost splits ("嗯嗯嗯…x") costs
 * length × words instead of growing exponentially.
 */
function wholeMatcher(lists: ActCues['whole']): (t: string) => WholeKind | undefined {
  // One entry per word: a word listed twice (嗯 as a short answer and as a filler) keeps its first kind, in the
  // order greeting, thanks, ack, filler — the one a longest-first split would have tried first.
  const byWord = new Map<string, WholeKind | 'filler'>();
  const ordered: Array<[WholeKind | 'filler', readonly string[]]> = [['greeting', lists.greeting], ['thanks', lists.thanks], ['ack', lists.ack], ['filler', lists.fillers]];
  for (const [kind, list] of ordered) {
    for (const raw of list) {
      const w = raw.toLowerCase().replace(/\s+/g, '');
      if (w && !byWord.has(w)) byWord.set(w, kind);
    }
  }
  const words = [...byWord].map(([w, kind]) => ({ w, kind })).sort((a, b) => b.w.length - a.w.length);
  return (t) => {
    const bare = t.replace(/[^\p{L}\p{N}]/gu, '');
    if (!bare || bare.length > WHOLE_MAX) return undefined;
    const n = bare.length;
    // choice[i]: the first word (longest first) at i after which the rest splits too; -1 when none does.
    const choice = new Array<number>(n + 1).fill(-1);
    const splits = (i: number) => i === n || (i < n && choice[i]! >= 0);
    for (let i = n - 1; i >= 0; i--) {
      choice[i] = words.findIndex((e) => splits(i + e.w.length) && bare.startsWith(e.w, i));
    }
    if (choice[0]! < 0) return undefined;
    const kinds = new Set<string>();
    for (let i = 0; i < n; i += words[choice[i]!]!.w.length) kinds.add(words[choice[i]!]!.kind);
    if (kinds.has('greeting')) return 'greeting';
    if (kinds.has('thanks')) return 'thanks';
    return 'ack';
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}
