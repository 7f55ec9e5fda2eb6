/**
 * The LLM second opinion on a collector's message: structured output (JSON validated by a zod schema) naming
 * categories with the words they rest on. The message is redacted and fenced as data; any failure, timeout or
 * malformed answer means "no claims" — the rules' verdict stands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { CATEGORY_IDS } from './findings';
import type { OpinionClaim, SecondOpinion } from './second-opinion';
import { redactIdentifiers, restoreIdentifiers } from '../redact';
import { AppError } from '../errors';
import { neutraliseFence } from '../llm/prompts';
import type { LeveledLogger } from '../logger';
import { withDeadline } from '../llm/deadline';
import { defaultOutputGuard, type OutputGuard } from '../llm/output-guard';
import { PACKAGE_ROOT } from '../paths';

/** What the model must return. */
export const opinionSchema = z.object({
  findings: z
    .array(z.object({ category: z.enum(CATEGORY_IDS), evidence: z.string().min(1).max(200) }))
    .max(20),
});

export interface OpinionPrompts {
  system: string;
  /** Holds {{message}} inside <user_message>…</user_message>. */
  user: string;
}

/** Reads prompts/analysis-system.md and analysis-user.md; a user template without the fenced placeholder stops the boot. */
export function loadOpinionPrompts(promptsDir: string): OpinionPrompts {
  const read = (f: string) => readFileSync(join(promptsDir, f), 'utf8').replace(/<!--[\s\S]*?-->/g, '').trim();
  const prompts = { system: read('analysis-system.md'), user: read('analysis-user.md') };
  if (!/<user_message>\s*\{\{message\}\}\s*<\/user_message>/.test(prompts.user)) {
    throw new AppError('PROMPTS_INVALID', `${promptsDir}/analysis-user.md: {{message}} must stand alone inside <user_message>…</user_message>`);
  }
  return prompts;
}

/**
 * The second-opinion reviewer over a chat model. `timeoutMs` is a hard deadline (retries and Retry-After waits
 * included); `guard` keeps only claims whose evidence the rules' words for that category back (default: the
 * package's prompts/output-guard.yaml without the lexicon's term groups).
 */
export function createLlmOpinion(deps: { model: BaseChatModel; prompts: OpinionPrompts; timeoutMs: number; logger: LeveledLogger; guard?: OutputGuard }): SecondOpinion {
  const guard = deps.guard ?? defaultOutputGuard(join(PACKAGE_ROOT, 'prompts'));
  return {
    async review(text: string): Promise<OpinionClaim[]> {
      const started = Date.now();
      const redaction = redactIdentifiers(text);
      const user = deps.prompts.user.replace('{{message}}', () => neutraliseFence(redaction.text));
      try {
        const result = await withDeadline(deps.timeoutMs, (signal) =>
          deps.model.invoke([new SystemMessage(deps.prompts.system), new HumanMessage(user)], {
            signal,
            response_format: { type: 'json_object' },
          } as Parameters<BaseChatModel['invoke']>[1]),
        );
        const raw = typeof result.content === 'string' ? result.content : JSON.stringify(result.content);
        const parsed = opinionSchema.safeParse(JSON.parse(extractJson(raw)));
        if (!parsed.success) {
          deps.logger.warn({ event: 'opinion_invalid', issues: parsed.error.issues.length, ms: Date.now() - started });
          return [];
        }
        const claims = parsed.data.findings.map((f) => ({ category: f.category, evidence: restoreIdentifiers(f.evidence, redaction.map) }));
        const { kept, dropped } = guard.keepBackedClaims(claims, text);
        deps.logger.info({ event: 'opinion', claims: kept.length, dropped, ms: Date.now() - started });
        return kept;
      } catch (e) {
        deps.logger.warn({ event: 'opinion_failed', err: (e as Error).name, ms: Date.now() - started });
        return [];
      }
    },
  };
}

/** The JSON object in a reply, tolerating a ```json fence some models add. */
function extractJson(raw: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(raw);
  const body = (fenced ? fenced[1]! : raw).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}
