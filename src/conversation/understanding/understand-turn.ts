/**
 * Turn understanding: before the bot answers a text turn it reads who is speaking, what the user is doing,
 * whether they are at risk, and the facts the turn carries. One pure, synchronous call per turn (well under a
 * millisecond), built once from the data in knowledge/understanding/ and the analyzer's crisis check.
 *
 * The steps, each in its own file: turn-text (normalise, keep the user's spacing) → quotation (split pasted
 * collector words from the user's own by structure) → speaker (structure + classifier) → crisis-signal (on the
 * user's own words) → turn-facts and provision-mention → act (rules, then classifier).
 */
import type { AnalysisKit } from '../../analysis/kit';
import type { Knowledge } from '../../knowledge/knowledge';
import type { UnderstandingData } from '../../knowledge/understanding-data';
import { createActReader, isSmallTalk, type ActReader } from './act';
import { createCrisisHead } from './crisis-head';
import { createAssuranceReader, createCrisisReader, createMoodReader, type OwnWords } from './crisis-signal';
import { createOthersHelpReader, createOthersReader } from './others-at-risk';
import { createHarmReader } from './harm-others';
import { createCueCompiler } from './cues';
import { createSpeakerFeaturizer, type SpeakerFeaturizer } from './features';
import { createProvisionReader } from './provision-mention';
import { createQuotationReader, type Part } from './quotation';
import { createCollectorScorer, createSpeakerCaller, speakerDecision, type SpeakerCall } from './speaker';
import { headFromFile, type SoftmaxHead } from './turn-classifier';
import { createFactReader } from './turn-facts';
import { createTurnTextReader, SPACE_BREAK, type TurnText } from './turn-text';
import type { DialogueContext, TurnUnderstander, TurnUnderstanding } from './types';
import type { ServiceNumbers } from '../../knowledge/service-numbers';

/** How sure a small-talk turn ("你好", "谢谢", "嗯") is the user's own (it has never been a paste in the data). */
const SMALL_TALK_CONFIDENCE = 0.97;

export interface UnderstanderOptions {
  /**
   * Every law name or alias a user may type → the law's short name (see lawNamesOf). Without it, provisions are
   * still found by number ("第50条第二款") but carry no law.
   */
  lawNames?: ReadonlyMap<string, string>;
  /** Hotlines and case numbers, which are never amounts (knowledge/lexicon/service-numbers.yaml). */
  serviceNumbers?: ServiceNumbers;
}

/** The classifier heads to use instead of the model file's (training and cross-validation pass their own). */
export interface UnderstanderHeads {
  speaker?: SoftmaxHead;
  act?: SoftmaxHead;
}

/** The understander with its inner steps exposed, for training, evaluation and tests. */
export interface UnderstandingPipeline extends TurnUnderstander {
  read(text: string): TurnText;
  parts(tt: TurnText): Part[];
  speaker(tt: TurnText, parts: Part[], context: DialogueContext): SpeakerCall;
  speakerFeatures: SpeakerFeaturizer;
  acts: ActReader;
}

/**
 * Builds the turn understander from the loaded knowledge/understanding/ data and the analysis kit (only its
 * crisis check is used). Compiles every cue once; `understand` is then pure and takes well under a millisecond.
 * Without model.json it still works on rules alone, with lower accuracy and confidences near 0.5 where the
 * rules are unsure.
 */
export function createTurnUnderstander(data: UnderstandingData, kit: Pick<AnalysisKit, 'detectCrisis'>, options: UnderstanderOptions = {}): TurnUnderstander {
  const p = createUnderstandingPipeline(data, kit, options);
  return { understand: p.understand };
}

/** The understander and its steps; `heads` override the model file's classifier heads. */
export function createUnderstandingPipeline(
  data: UnderstandingData,
  kit: Pick<AnalysisKit, 'detectCrisis'>,
  options: UnderstanderOptions = {},
  heads: UnderstanderHeads = modelHeads(data),
): UnderstandingPipeline {
  const compiler = createCueCompiler(data.lexicon);
  const read = createTurnTextReader(data.lexicon);
  const parts = createQuotationReader(data.speaker, compiler);
  const speakerFeatures = createSpeakerFeaturizer(data.speaker, compiler);
  const speaker = createSpeakerCaller(speakerDecision(data.speaker), createCollectorScorer(speakerFeatures, heads.speaker), new RegExp(data.speaker.speaker_anchors), data.speaker.frames.report_verbs);
  const crisis = createCrisisReader(data.crisis, compiler, (text) => kit.detectCrisis(text), createCrisisHead(data.crisisModel));
  const others = createOthersReader(data.crisis, compiler);
  const helpsOther = createOthersHelpReader(data.crisis, compiler);
  const harm = createHarmReader(data.crisis, compiler);
  const done = data.crisis.acute_done.map((d) => ({ kind: d.kind, cues: compiler.compile(d.cues) }));
  const place = compiler.compile(['@PLACE']);
  const mood = createMoodReader(data.crisis, compiler);
  const assurance = createAssuranceReader(data.crisis, compiler);
  const facts = createFactReader(data.facts, compiler, options.serviceNumbers);
  const provision = createProvisionReader(data.provisions, compiler, options.lawNames ?? new Map());
  const acts = createActReader(data.acts, compiler, heads.act);

  const minUnframed = data.speaker.decision.unframed_save_min_chars;
  const quotePairs = data.speaker.frames.quotes.map((q) => [q[0]!, q[1]!] as const);
  /**
   * The whole turn is one quotation and nothing else ("“不还钱就让你孩子在学校抬不起头”"): no frame says where it
   * came from — copied from a message, or the gist of a call in quotes — so it is not evidently pasted: who wrote it
   * is asked before anything is kept.
   */
  const onlyQuote = (t: string): boolean => {
    const s = t.replace(/[¦\s]/g, '');
    return quotePairs.some(([open, close]) => s.length > 2 && s.startsWith(open) && s.endsWith(close) && s.indexOf(close, 1) === s.length - 1);
  };
  const understand = (text: string, context: DialogueContext, at: Date = new Date()): TurnUnderstanding => {
    const tt = read(text);
    const f = facts(tt, at);
    const signals = acts.signals(tt, f);
    const sp = isSmallTalk(signals) ? smallTalk(tt) : speaker(tt, parts(tt), context);
    const own = ownWords(tt, sp);
    // How to help someone else whose words of death are told ("我弟老说活着没意思 我该怎么劝他"): the words are that
    // person's, not the user's own risk (a turn in crisis mode is still read as the user's).
    const forOther = context !== 'crisis' && helpsOther(tt.t);
    const signal = forOther ? 'none' : crisis(own, context);
    const harmSaid = harm(own.t);
    const harmRead = harmSaid ? { intent: harmSaid.intent, armed: harmSaid.armed, withSelf: harmSaid.withSelf, crisisApart: harmSaid.withSelf ? signal : crisis(blanked(own.t, harmSaid.spans), context) } : undefined;
    const atRisk = signal === 'risk' || signal === 'acute';
    const doneSaid = atRisk ? done.find((d) => d.cues.test(own.t))?.kind : undefined;
    const mention = provision(tt);
    const input = { tt, context, speaker: sp.speaker, speakerConfidence: sp.confidence, crisis: signal, facts: f, ...(mention ? { provision: mention } : {}) };
    const act = acts.call(input, signals);
    const othersSaid = forOther ? 'help' : signal === 'none' || signal === 'safe' ? others(tt.t) : undefined;
    const moodSaid = context === 'crisis' ? mood(ownWords(tt, sp).t) : undefined;
    const assured = signal === 'safe' ? assurance(own.t) : undefined;
    return {
      speaker: sp.speaker,
      speakerConfidence: round3(sp.confidence),
      act: act.act,
      actConfidence: round3(act.confidence),
      crisis: signal,
      ...(othersSaid ? { others: othersSaid } : {}),
      ...(harmRead ? { harm: harmRead } : {}),
      ...(doneSaid ? { done: doneSaid } : {}),
      ...(atRisk && place.test(own.t) ? { place: true as const } : {}),
      ...(moodSaid ? { mood: moodSaid } : {}),
      ...(assured ? { assured } : {}),
      ...(act.followUp ? { followUp: act.followUp } : {}),
      ...(act.signals.followKind ? { asks: act.signals.followKind } : {}),
      ...(act.signals.judged ? { judged: act.signals.judged } : {}),
      ...(mention ? { provision: mention } : {}),
      ...(sp.speaker === 'mixed' ? { quoted: sp.quoted, own: sp.own } : {}),
      ...(sp.speaker !== 'user' && !sp.reported && !onlyQuote(tt.t) && (sp.byStructure || [...(sp.quoted ?? text).replace(/\s/g, '')].length >= minUnframed) ? { pastedEvidently: true } : {}),
      ...(sp.reported ? { reported: true as const } : {}),
      facts: f,
    };
  };

  return { understand, read, parts, speaker, speakerFeatures, acts };
}

/**
 * The user's own words, where crisis is read: all of a `user` turn, the own part of a `mixed` one. A turn read as
 * the collector's is still checked whole — a wish to die must never be missed because the speaker call was
 * wrong — and detectCrisis itself ignores a collector's menace ("你怎么不去死").
 */
function ownWords(tt: TurnText, sp: SpeakerCall): OwnWords {
  if (sp.speaker !== 'mixed') return { raw: tt.raw, t: tt.t };
  return { raw: sp.own ?? '', t: sp.ownSpans.map(([a, b]) => tt.t.slice(a, b)).join(SPACE_BREAK) };
}

/** `t` with the words at `spans` blanked: read again for a wish to die of its own. */
function blanked(t: string, spans: ReadonlyArray<{ start: number; end: number }>): OwnWords {
  const out = [...t].map((ch, i) => (spans.some((h) => h.start <= i && i < h.end) ? ' ' : ch)).join('');
  return { raw: out, t: out };
}

/** A greeting, thanks or bare answer is the user's own. */
function smallTalk(tt: TurnText): SpeakerCall {
  return { speaker: 'user', confidence: SMALL_TALK_CONFIDENCE, byStructure: false, ownSpans: [[0, tt.t.length]], quotedSpans: [] };
}

function modelHeads(data: UnderstandingData): UnderstanderHeads {
  if (!data.model) return {};
  return { speaker: headFromFile(data.model.heads.speaker), act: headFromFile(data.model.heads.act) };
}

/** Every name a user may type for a law (titles, short names, aliases) → its short name, from the knowledge base. */
export function lawNamesOf(k: Pick<Knowledge, 'laws' | 'lawAliases'>): Map<string, string> {
  const out = new Map<string, string>(k.lawAliases);
  for (const law of k.laws.keys()) out.set(law, law);
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
