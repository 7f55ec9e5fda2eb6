/**
 * Builds the conversation core's dependencies from a Config: knowledge, replies, the analyzer, the answerer
 * (offline, or through an LLM when configured) and the store (Redis, or the embedded file store). Used by
 * main.ts and the CLI alike, so every entry point runs the very same core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import type { Logger } from './logger';
import type { TurnDeps } from './conversation/deps';
import type { AnalysisKit } from './analysis/kit';
import { loadKnowledge } from './knowledge/load';
import type { Knowledge } from './knowledge/knowledge';
import { createLexicalRetriever } from './knowledge/retriever';
import { loadTypos } from './knowledge/tokenize';
import { loadAnalysisRules, type AnalysisRules } from './analysis/rules';
import { createLlmOpinion, loadOpinionPrompts } from './analysis/llm-opinion';
import { createAnalyzer } from './analysis/classify';
import { createNgramModel, NGRAM_MODEL_FILE, parseNgramModel, userLineRe, type NgramModel } from './analysis/ngram-model';
import { createNormalizer } from './analysis/normalize';
import { AppError } from './errors';
import { detectCrisis } from './analysis/crisis';
import { nextStepsFor, replyTemplateFor } from './analysis/next-steps';
import { createOfflineAnswerer } from './answers/answer';
import { createFollowUpAnswers, type FollowUpAnswers } from './answers/follow-ups';
import { loadFollowUpData } from './answers/follow-up-data';
import { CATEGORY_IDS, type CategoryId } from './analysis/findings';
import { createConductAssessor } from './analysis/described-conduct';
import { renderConduct } from './analysis/conduct-reply';
import { loadReplies, type Replies } from './replies';
import { createChatModel, createEmbeddings } from './llm/client';
import { loadAnswerPrompts } from './llm/prompts';
import { createOutputGuard, loadGuardFile, type OutputGuard } from './llm/output-guard';
import { createLlmAnswerer, type AnswererLogger } from './answers/llm-answerer';
import { createHybridRetriever } from './knowledge/hybrid-retriever';
import { FileStore } from './state/file-store';
import { RedisStore } from './state/redis-store';
import { loadOrCreateKey } from './state/key-file';
import type { ConversationStore } from './state/store';
import { logKeyOf } from './message';
import { createOcr } from './ocr/create-ocr';
import { loadLawfulNotes } from './analysis/lawful-notes';
import { loadConversationCues, type ConversationCues } from './knowledge/conversation-cues';
import { createInterestKit, type InterestKit } from './interest/interest-kit';
import type { TurnUnderstander } from './conversation/understanding/types';
import { createTurnUnderstander, lawNamesOf } from './conversation/understanding/understand-turn';
import { loadUnderstandingData } from './knowledge/understanding-data';

/** The parts that need no I/O beyond reading knowledge/ and prompts/: enough for `analyze` and `ask`. */
export interface CoreParts {
  knowledge: Knowledge;
  replies: Replies;
  analysis: AnalysisKit;
  answerer: TurnDeps['answerer'];
  /** Reads each text turn before anything else: who speaks, what the user does, crisis, facts (knowledge/understanding/). */
  understander: TurnUnderstander;
  /** Follow-ups on the message or described conduct in focus (是真的吗, 怎么办, 那条法律, 能报警吗). */
  followUps: FollowUpAnswers;
  /** The interest check: loan numbers from Chinese, the real rate, the legal comparison (src/interest). */
  interest: InterestKit;
  /** The conversation's own cue words (knowledge/conversation/cues.yaml). */
  cues: ConversationCues;
}

/**
 * Loads knowledge, replies and rules once and builds the analyzer and answerer. With an LLM configured the
 * offline answerer is wrapped by the LLM answerer (pass `logger` to see its fallbacks logged).
 */
export function assembleCore(config: Config, logger?: Logger): CoreParts {
  const knowledge = loadKnowledge(config.knowledgeDir);
  const replies = loadReplies(config.promptsDir);
  const rules = loadAnalysisRules(join(config.knowledgeDir, 'analysis'));
  const retriever = createLexicalRetriever(knowledge, { typos: loadTypos(join(config.knowledgeDir, 'lexicon', 'typos.yaml')) });
  const offline = createOfflineAnswerer({ knowledge, retriever, replies });
  // Every model reply passes the output guard; its opinion cues may name the rules' own term groups.
  const guard = config.llm ? createOutputGuard(loadGuardFile(config.promptsDir), rules.lexicon.terms) : undefined;
  const answerer = config.llm && guard ? llmAnswerer(config.llm, config.promptsDir, { knowledge, replies, offline, retriever, guard }, logger ?? QUIET) : offline;
  const kit = analysisKit(rules, join(config.knowledgeDir, 'analysis'));
  if (config.llm) {
    kit.secondOpinion = createLlmOpinion({
      model: createChatModel(config.llm, { maxTokens: 400, temperature: 0 }),
      prompts: loadOpinionPrompts(config.promptsDir),
      timeoutMs: config.llm.timeoutMs,
      logger: logger ?? QUIET,
      guard,
    });
  }
  kit.renderConduct = (analysis, at) => renderConduct(analysis, at, { knowledge, replies, analysis: kit });
  kit.lawfulNotes = loadLawfulNotes(join(config.knowledgeDir, 'analysis'), replies);
  const followUps = followUpAnswers(kit, knowledge, replies, config.knowledgeDir);
  const interest = createInterestKit({ knowledge, replies, knowledgeDir: config.knowledgeDir });
  const understander = createTurnUnderstander(loadUnderstandingData(join(config.knowledgeDir, 'understanding')), kit, { lawNames: lawNamesOf(knowledge), serviceNumbers: interest.data.serviceNumbers });
  const cues = loadConversationCues(config.knowledgeDir);
  return { knowledge, replies, analysis: kit, answerer, followUps, understander, interest, cues };
}

const isCategory = (c: string): c is CategoryId => (CATEGORY_IDS as readonly string[]).includes(c);

/** The follow-up answers over knowledge/follow-ups/, with the kit's steps, provisions and labels. */
function followUpAnswers(kit: AnalysisKit, knowledge: Knowledge, replies: Replies, knowledgeDir: string): FollowUpAnswers {
  return createFollowUpAnswers({
    knowledge,
    replies,
    data: loadFollowUpData(knowledgeDir, knowledge, CATEGORY_IDS),
    nextSteps: (cats) => kit.nextSteps(cats.filter(isCategory)),
    provisionsOf: (c) => (isCategory(c) ? kit.describe(c).provisions : []),
    categoryLabel: (c) => (isCategory(c) ? kit.categoryLabel(c) : c),
  });
}

const QUIET: AnswererLogger = { info: () => undefined, warn: () => undefined, debug: () => undefined };

/**
 * The LLM answerer over `parts.offline`. The offline answerer (and so the out-of-scope decision and the
 * fallback answer) stays lexical; the LLM's context is ranked by the hybrid retriever when an embeddings model
 * is configured, which starts embedding the knowledge base now, in the background.
 */
function llmAnswerer(
  llm: NonNullable<Config['llm']>,
  promptsDir: string,
  parts: { knowledge: Knowledge; replies: Replies; offline: ReturnType<typeof createOfflineAnswerer>; retriever: ReturnType<typeof createLexicalRetriever>; guard: OutputGuard },
  logger: AnswererLogger,
): TurnDeps['answerer'] {
  const embeddings = createEmbeddings(llm);
  const retriever = embeddings
    ? createHybridRetriever({ knowledge: parts.knowledge, lexical: parts.retriever, embeddings, logger })
    : parts.retriever;
  return createLlmAnswerer({
    offline: parts.offline,
    knowledge: parts.knowledge,
    model: createChatModel(llm),
    prompts: loadAnswerPrompts(promptsDir),
    replies: parts.replies,
    retriever,
    timeoutMs: llm.timeoutMs,
    logger,
    guard: parts.guard,
  });
}

/**
 * The analyzer and its companions bound to the loaded rules. With `analysisDir`, the statistical pass is loaded
 * from its ngram-model.json when that file exists (a malformed file is a KNOWLEDGE_INVALID boot error).
 */
export function analysisKit(rules: AnalysisRules, analysisDir?: string): AnalysisKit {
  const analyzer = createAnalyzer(rules);
  const statistical = analysisDir ? loadStatistical(rules, analysisDir) : undefined;
  return {
    analyzer,
    ...(statistical ? { statistical } : {}),
    assessConduct: createConductAssessor(rules),
    detectCrisis: (text) => detectCrisis(text, rules),
    nextSteps: (cats) => nextStepsFor(cats, rules),
    ...(rules.timeLimit ? { timeLimit: rules.timeLimit } : {}),
    replyTemplate: (cats, conditions) => replyTemplateFor(cats, rules, conditions),
    categoryLabel: (id) => rules.categories.find((c) => c.id === id)?.label ?? id,
    // Provisions with their conditions judged on the message when there is one (see Analyzer.describe).
    describe: (id, text) => analyzer.describe(id, text),
  };
}

/** The n-gram model in `analysisDir`, when its file exists, using the analyzer's own normaliser. */
function loadStatistical(rules: AnalysisRules, analysisDir: string): NgramModel | undefined {
  const file = join(analysisDir, NGRAM_MODEL_FILE);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/analysis has 1 problem(s):\n- ${NGRAM_MODEL_FILE}: not JSON (${(e as Error).message})`);
  }
  const model = parseNgramModel(raw, NGRAM_MODEL_FILE);
  const normalizer = createNormalizer(Object.entries(rules.lexicon.variants).map(([from, to]) => ({ from, to })));
  return createNgramModel(model, { normalize: (t) => normalizer.normalize(t).text, userLine: userLineRe(rules.lexicon.speaker.user) });
}

/** The instance secret: ENCRYPTION_KEY, or the key the embedded mode keeps in DATA_DIR (created on first use). */
export function instanceSecret(config: Config): Buffer {
  return config.state.encryptionKey ?? loadOrCreateKey(config.dataDir);
}

/**
 * The store the config asks for: Redis when REDIS_URL is set, else the embedded encrypted file store. Pass the
 * logger so Redis outages and queued evidence are logged with the rest (without it they go to stderr).
 */
export function createStore(config: Config, logger?: Logger): ConversationStore {
  const key = instanceSecret(config);
  const { ttlDays, historyTurns, prefix } = config.state;
  const maxEvidence = config.limits.maxEvidence;
  // Evidence waiting for a retry is journaled on this machine's disk: in Redis mode it is what Redis could not take.
  const queueDir = join(config.dataDir, 'evidence-queue');
  if (config.redis) return new RedisStore({ url: config.redis.url, prefix, key, ttlDays, historyTurns, logger, maxEvidence, queueDir });
  return new FileStore({ dataDir: config.dataDir, key, ttlDays, historyTurns, maxEvidence, logger });
}

/** All TurnDeps for a long-running bot or chat. */
export function assembleDeps(config: Config, logger: Logger, core: CoreParts = assembleCore(config, logger)): TurnDeps {
  return {
    ...core,
    store: createStore(config, logger),
    ocr: createOcr(config, logger),
    logger,
    now: () => new Date(),
    limits: { maxMessageChars: config.limits.maxMessageChars },
    logKey: logKeyOf(instanceSecret(config)),
  };
}
