/**
 * The LLM answerer: the offline answerer decides whether we can answer at all, which question type (guide entry)
 * the question is, and supplies the buttons and the 'more' page; the LLM writes the first screen from the same
 * structure — the entry's verdict, the retrieved guides and provisions, and the conversation's understanding of the
 * turn (findings, claims, loan facts, what the user is doing), fenced as data. The prompt asks for the offline
 * composer's shape (verdict first, ≤ 350 characters); a longer reply is cut at a sentence end. Before anything
 * leaves, phone/ID/card numbers become placeholders; the model's citations are verified against knowledge/ as of
 * the day asked (invented ones removed, superseded ones corrected). Any model failure or timeout returns the
 * offline answer with an llm_fallback notice: a user always gets an answer.
 *
 * The chain is LangChain-native: KnowledgeRetriever.invoke → prompt (RunnableLambda) → chat model → string.
 */
import { join } from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import type { LeveledLogger } from '../logger';
import type { Answer, AnswerContext, Answerer, Grounding } from './answer';
import { resolveCites } from './answer';
import { clip } from './first-screen';
import { entryById, guideById } from '../knowledge/knowledge';
import { verifyCitations } from '../knowledge/citations';
import type { OutboundReply, TextBlock } from '../message';
import { redactIdentifiers, type Redaction } from '../redact';
import { chinaDay, resolveArticle, type Article, type Knowledge } from '../knowledge/knowledge';
import { KnowledgeRetriever } from '../knowledge/langchain-retriever';
import type { Retriever, RetrievedItem } from '../knowledge/retriever';
import type { Replies } from '../replies';
import { abortable } from '../llm/abort';
import { errorSummary } from '../error-summary';
import { fillTemplate, neutraliseFence, type AnswerPrompts } from '../llm/prompts';
import { defaultOutputGuard, type OutputGuard } from '../llm/output-guard';
import { PACKAGE_ROOT } from '../paths';

/** The offline answerer as built by createOfflineAnswerer: its synchronous core is what we lean on. */
export type OfflineAnswerer = Answerer & { answerNow(question: string, ctx: AnswerContext): Answer };

/** The slice of a logger used here (pino and CoreLogger satisfy it). It is only ever given counts and codes. */
export type AnswererLogger = LeveledLogger;

export interface LlmAnswererDeps {
  offline: OfflineAnswerer;
  knowledge: Knowledge;
  /** From createChatModel (src/llm/client.ts); any LangChain chat model works. */
  model: BaseChatModel;
  prompts: AnswerPrompts;
  /** For the llm_fallback notice and the law button's label. */
  replies: Replies;
  /** Ranks the prompt's context (the hybrid retriever when embeddings are configured). Default: the offline answer's hits. */
  retriever?: Retriever;
  /** Whole-answer budget (retrieval + model), LLM_TIMEOUT_MS. */
  timeoutMs: number;
  logger: AnswererLogger;
  /** Checks the model's reply before it is shown (src/llm/output-guard.ts). Default: the package's prompts/output-guard.yaml. */
  guard?: OutputGuard;
}

export interface LlmAnswererOptions {
  /** Items retrieved for the prompt. Default 5. */
  topK: number;
  /** Extra articles cited by retrieved guides, added to the context. Default 6. */
  maxGuideArticles: number;
  /** Recent turns included. Default 6. */
  historyTurns: number;
  /** Characters kept per history turn. Default 400. */
  historyChars: number;
  /** The reply (the first screen) is cut at a sentence end to this many characters. Default 350. */
  maxChars: number;
  /** Findings, claims and facts passed from the dialogue state, at most. Default 8 each. */
  stateItems: number;
  /** Characters kept per quoted piece of evidence or claim. Default 200. */
  stateChars: number;
}

export const LLM_ANSWERER_DEFAULTS: LlmAnswererOptions = {
  topK: 5, maxGuideArticles: 6, historyTurns: 6, historyChars: 400, maxChars: 350, stateItems: 8, stateChars: 200,
};

interface PromptInput {
  question: string;
  ctx: AnswerContext;
  items: RetrievedItem[];
  redaction: Redaction;
  /** The offline answer: its guide entry is the suggested verdict. */
  base: Answer;
}

/**
 * Builds the LLM answerer around `offline`. Out-of-scope questions never reach the model; everything sent is
 * redacted; the reply's citations are exactly the verified set. Never throws for model trouble.
 */
export function createLlmAnswerer(deps: LlmAnswererDeps, options: Partial<LlmAnswererOptions> = {}): Answerer {
  const opts = { ...LLM_ANSWERER_DEFAULTS, ...options };
  const { offline, knowledge: k, prompts, replies, logger } = deps;
  const guard = deps.guard ?? defaultOutputGuard(join(PACKAGE_ROOT, 'prompts'));
  const retriever = deps.retriever ? new KnowledgeRetriever({ retriever: deps.retriever, knowledge: k, k: opts.topK }) : undefined;

  const chain = RunnableSequence.from<PromptInput, string>([
    RunnableLambda.from((input: PromptInput) => buildMessages(input)),
    deps.model,
    new StringOutputParser(),
  ]);

  function buildMessages({ question, ctx, items, redaction, base }: PromptInput): BaseMessage[] {
    const user = fillTemplate(prompts.user, {
      today: chinaDay(ctx.at),
      context: [entryText(base), contextText(items, ctx.at)].filter(Boolean).join('\n\n'),
      history: historyText(ctx.history ?? []),
      state: stateText(ctx.grounding),
      question: neutraliseFence(question.trim()),
    });
    const system = redactIdentifiers(prompts.system.text, redaction).text;
    return [new SystemMessage(system), new HumanMessage(redactIdentifiers(user, redaction).text)];
  }

  function contextText(items: RetrievedItem[], at: Date): string {
    const t = prompts.context;
    const parts: string[] = [];
    const articles = new Map<string, Article>();
    const guideCites: Array<{ law: string; article: string }> = [];
    for (const item of items) {
      if (item.kind === 'guide') {
        const g = item.guide;
        const section = item.section !== undefined ? g.sections[item.section] : undefined;
        parts.push(
          fillTemplate(t.guide, {
            title: g.title,
            verdict: g.verdict ?? '',
            answer: g.answer.trim(),
            why: g.why.trim(),
            section: section ? fillTemplate(t.guide_section, { heading: section.heading, text: section.text.trim() }) : '',
            steps: g.steps.map((s) => `• ${s.trim()}`).join('\n'),
            debt_note: g.debt_note?.trim() ?? '',
          }),
        );
        guideCites.push(...g.cites, ...(section?.cites ?? []));
      } else {
        const resolved = resolveArticle(k, item.article.law, item.article.article, at)?.article ?? item.article;
        articles.set(resolved.id, resolved);
      }
    }
    let extra = 0;
    for (const c of resolveCites(k, guideCites, at)) {
      const a = k.laws.get(c.law)?.flatMap((v) => [...v.articles.values()]).find((x) => x.article === c.article && x.effectiveFrom === c.effectiveFrom);
      if (!a || articles.has(a.id) || extra >= opts.maxGuideArticles) continue;
      articles.set(a.id, a);
      extra++;
    }
    for (const a of articles.values()) {
      // A PARTIAL article's text is itself a reported paraphrase; its one-line summary reads better after the
      // template's "reported" marker.
      const partial = a.confidence === 'PARTIAL';
      parts.push(
        fillTemplate(partial ? t.article_partial : t.article, {
          law: a.law, article_cn: a.article_cn, title: a.title, version: a.version, effective_from: a.effectiveFrom,
          text: (partial ? a.summary : a.text).trim(),
        }),
      );
    }
    return parts.length ? parts.join('\n\n') : fillTemplate(t.context_empty, {});
  }

  /** The question type the offline answerer matched, as the suggested verdict the first sentence should agree with. */
  function entryText(base: Answer): string {
    const g = base.guideId ? guideById(k, base.guideId) : undefined;
    const e = g ? entryById(g, base.entryId) : undefined;
    if (!g || !e) return '';
    return fillTemplate(prompts.context.entry, {
      title: g.title,
      verdict: e.verdict.trim(),
      reason: e.reason.trim(),
      steps: e.steps.map((x) => `• ${x.trim()}`).join('\n'),
    });
  }

  /** The conversation's structured understanding of the turn; quoted evidence and claims are user data (fenced). */
  function stateText(g: Grounding | undefined): string {
    const t = prompts.context;
    const cut = (x: string) => neutraliseFence(x.length > opts.stateChars ? `${x.slice(0, opts.stateChars)}…` : x);
    const lines: string[] = [];
    if (g?.act) lines.push(fillTemplate(t.state_act, { act: cut(g.act) }));
    for (const f of (g?.findings ?? []).slice(0, opts.stateItems)) {
      lines.push(fillTemplate(t.state_finding, { label: cut(`${f.label}（${f.category}）`), evidence: cut(f.evidence) }));
    }
    for (const c of (g?.claims ?? []).slice(0, opts.stateItems)) lines.push(fillTemplate(t.state_claim, { text: cut(c) }));
    for (const [name, value] of Object.entries(g?.facts ?? {}).slice(0, opts.stateItems)) {
      if (value === undefined || value === null || value === '') continue;
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      lines.push(fillTemplate(t.state_fact, { name: cut(name), value: cut(shown) }));
    }
    return lines.length ? lines.join('\n') : fillTemplate(t.state_empty, {});
  }

  function historyText(history: NonNullable<AnswerContext['history']>): string {
    const turns = history.slice(-opts.historyTurns);
    if (!turns.length) return fillTemplate(prompts.context.history_empty, {});
    return turns
      .map((turn) => {
        const text = turn.text.length > opts.historyChars ? `${turn.text.slice(0, opts.historyChars)}…` : turn.text;
        return fillTemplate(turn.role === 'user' ? prompts.context.history_user : prompts.context.history_bot, { text: neutraliseFence(text) });
      })
      .join('\n');
  }

  async function answer(question: string, ctx: AnswerContext): Promise<Answer> {
    const base = offline.answerNow(question, ctx);
    if (base.outOfScope) {
      logger.debug({ event: 'llm_skipped', reason: 'out_of_scope' }, 'question outside the knowledge base; LLM not called');
      return base;
    }
    const started = Date.now();
    const signal = AbortSignal.timeout(deps.timeoutMs);
    try {
      // Redacted before retrieval too: a hybrid retriever sends the query to the embeddings API. The same
      // map then redacts the prompt, so an identifier keeps one placeholder throughout.
      const redaction: Redaction = { text: '', map: new Map() };
      const query = redactIdentifiers(question, redaction).text;
      const items = retriever ? await retrieve(retriever, query, signal) : base.retrieved;
      const raw = await abortable(chain.invoke({ question, ctx, items, redaction, base }, { signal }), signal);
      // The guard first: a reply that instructs a payment, names an account, leaks the prompt or carries markup is
      // not shown at all (the offline answer is). It puts back only the identifiers the user typed this turn, before
      // the first screen's budget (their length counts on screen); then every citation left is checked.
      const checked = guard.checkAnswer(raw, { redaction: redaction.map, typedThisTurn: question, systemPrompt: prompts.system.text });
      if (!checked.ok) {
        logger.warn({ event: 'llm_guard', violations: checked.violations, ms: Date.now() - started }, 'LLM answer refused by the output guard; offline answer used');
        return base;
      }
      const full = plainText(checked.text).trim();
      const shown = firstScreen(full, opts.maxChars);
      const verified = verifyCitations(shown, k, ctx.at);
      const text = verified.text.trim();
      if (!text) throw new EmptyCompletionError();
      const reply: OutboundReply = {
        kind: base.reply.kind,
        evidenceSaved: 0,
        blocks: toBlocks(text),
        citations: verified.citations,
        buttons: lawButton(base.reply, verified.citations.length > 0, replies.text('answer_law_button')),
        notices: [...base.reply.notices],
      };
      logger.info(
        {
          event: 'llm_answer', ms: Date.now() - started, items: items.length, citations: verified.citations.length,
          removed: verified.removed.length, corrected: verified.corrected.length, redacted: redaction.map.size,
          clipped: shown.length < full.length, entry: base.entryId !== undefined,
        },
        'answered with the LLM',
      );
      return { ...base, reply, retrieved: items };
    } catch (e) {
      const timedOut = signal.aborted;
      logger.warn(
        { event: 'llm_fallback', reason: timedOut ? 'timeout' : 'error', err: errorSummary(e), ms: Date.now() - started },
        'LLM answer failed; offline answer used',
      );
      return withFallbackNotice(base, replies.text('llm_fallback'));
    }
  }

  async function retrieve(r: KnowledgeRetriever, question: string, signal: AbortSignal): Promise<RetrievedItem[]> {
    const docs = await abortable(r.invoke(question, { signal }), signal);
    return docs.map((d) => r.itemOf(d)).filter((x): x is RetrievedItem => x !== undefined);
  }

  return {
    answer,
    answerGuide: offline.answerGuide?.bind(offline),
    // The 'more' page is the guide's own text: the same with or without a model.
    answerMore: offline.answerMore?.bind(offline),
    answerWithin: offline.answerWithin?.bind(offline),
  };
}

/** The offline answer plus the notice that the LLM could not be used. */
function withFallbackNotice(base: Answer, text: string): Answer {
  return { ...base, reply: { ...base.reply, notices: [...base.reply.notices, { kind: 'llm_fallback', text }] } };
}

/** The offline answer's buttons, with the "law" button present exactly when the reply has citations. */
function lawButton(base: OutboundReply, hasCitations: boolean, label: string): OutboundReply['buttons'] {
  const others = base.buttons.filter((b) => b.id !== 'law');
  if (!hasCitations) return others;
  return base.buttons.some((b) => b.id === 'law') ? base.buttons : [{ id: 'law', label }, ...others];
}

/**
 * The reply cut to the first screen's budget: whole paragraphs while they fit, then the next one cut at a sentence
 * end (never mid-sentence unless a single sentence is longer than the budget).
 */
export function firstScreen(text: string, max: number): string {
  if (text.length <= max) return text;
  const paragraphs = text.split(/\n\s*\n/);
  let out = '';
  for (const p of paragraphs) {
    const sep = out ? '\n\n' : '';
    if (out.length + sep.length + p.length <= max) {
      out += sep + p;
      continue;
    }
    const room = max - out.length - sep.length;
    const part = room > 20 ? clip(p, room) : '';
    if (part && !part.endsWith('…') && part.length <= room) out += sep + part;
    break;
  }
  return out || clip(text, max - 1);
}

/** Removes Markdown the prompt asks the model not to use (bold, headings, code fences, table rules). */
export function plainText(s: string): string {
  return s
    .replace(/```[a-z]*\n?/gi, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '')
    .replace(/^[ \t]*[-*][ \t]+/gm, '• ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function toBlocks(text: string): TextBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ style: 'paragraph' as const, text: p }));
}

class EmptyCompletionError extends Error {
  override name = 'EmptyCompletionError';
}
