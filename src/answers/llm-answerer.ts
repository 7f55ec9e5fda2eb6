/**
 * The LLM answerer: the offline answerer decides whether we can answer at all and supplies the buttons; the
 * LLM writes the answer from the retrieved guides and statutes. Before anything leaves, phone/ID/card numbers
 * become placeholders; the user's text is fenced as data; the model's citations are verified against
 * knowledge/ as of the day asked (invented ones removed, superseded ones corrected). Any model failure or
 * timeout returns the offline answer with an llm_fallback notice: a user always gets an answer.
 *
 * The chain is LangChain-native: KnowledgeRetriever.invoke → prompt (RunnableLambda) → chat model → string.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import type { LeveledLogger } from '../logger';
import type { Answer, AnswerContext, Answerer } from './answer';
import { resolveCites } from './answer';
import { verifyCitations } from '../knowledge/citations';
import type { OutboundReply, TextBlock } from '../message';
import { redactIdentifiers, restoreIdentifiers, type Redaction } from '../redact';
import { chinaDay, resolveArticle, type Article, type Knowledge } from '../knowledge/knowledge';
import { KnowledgeRetriever } from '../knowledge/langchain-retriever';
import type { Retriever, RetrievedItem } from '../knowledge/retriever';
import type { Replies } from '../replies';
import { abortable } from '../llm/abort';
import { errorSummary } from '../error-summary';
import { fillTemplate, neutraliseFence, type AnswerPrompts } from '../llm/prompts';

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
}

export const LLM_ANSWERER_DEFAULTS: LlmAnswererOptions = { topK: 5, maxGuideArticles: 6, historyTurns: 6, historyChars: 400 };

interface PromptInput {
  question: string;
  ctx: AnswerContext;
  items: RetrievedItem[];
  redaction: Redaction;
}

/**
 * Builds the LLM answerer around `offline`. Out-of-scope questions never reach the model; everything sent is
 * redacted; the reply's citations are exactly the verified set. Never throws for model trouble.
 */
export function createLlmAnswerer(deps: LlmAnswererDeps, options: Partial<LlmAnswererOptions> = {}): Answerer {
  const opts = { ...LLM_ANSWERER_DEFAULTS, ...options };
  const { offline, knowledge: k, prompts, replies, logger } = deps;
  const retriever = deps.retriever ? new KnowledgeRetriever({ retriever: deps.retriever, knowledge: k, k: opts.topK }) : undefined;

  const chain = RunnableSequence.from<PromptInput, string>([
    RunnableLambda.from((input: PromptInput) => buildMessages(input)),
    deps.model,
    new StringOutputParser(),
  ]);

  function buildMessages({ question, ctx, items, redaction }: PromptInput): BaseMessage[] {
    const user = fillTemplate(prompts.user, {
      today: chinaDay(ctx.at),
      context: contextText(items, ctx.at),
      history: historyText(ctx.history ?? []),
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
      const raw = await abortable(chain.invoke({ question, ctx, items, redaction }, { signal }), signal);
      const verified = verifyCitations(plainText(raw), k, ctx.at);
      const text = restoreIdentifiers(verified.text, redaction.map).trim();
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
        },
        'answered with the LLM',
      );
      return { reply, guideId: base.guideId, suggestions: base.suggestions, outOfScope: false, retrieved: items };
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
