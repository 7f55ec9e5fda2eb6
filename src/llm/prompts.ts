/**
 * The answer prompt as files: prompts/answer-system.md, prompts/answer-user.md and the pieces in
 * prompts/answer-context.md. Loaded once at boot and validated there, so a lost placeholder or fence stops the
 * boot (AppError PROMPTS_INVALID) instead of silently sending the model a prompt without the user's question.
 *
 * Templates use {{name}} placeholders, filled in one pass (a value is never re-scanned, so text containing
 * "{{…}}" stays inert). A line whose placeholders all come out empty is dropped, so optional fields leave no
 * dangling labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

/** Context pieces, by section name in answer-context.md, with the placeholders each must contain. */
const CONTEXT_SECTIONS = {
  article: ['law', 'article_cn', 'title', 'version', 'effective_from', 'text'],
  article_partial: ['law', 'article_cn', 'title', 'version', 'effective_from', 'text'],
  guide: ['title', 'verdict', 'answer', 'why', 'section', 'steps', 'debt_note'],
  guide_section: ['heading', 'text'],
  entry: ['title', 'verdict', 'reason', 'steps'],
  state_finding: ['label', 'evidence'],
  state_claim: ['text'],
  state_fact: ['name', 'value'],
  state_act: ['act'],
  state_empty: [],
  history_user: ['text'],
  history_bot: ['text'],
  history_empty: [],
  context_empty: [],
} as const satisfies Record<string, readonly string[]>;

export type ContextSection = keyof typeof CONTEXT_SECTIONS;

/** The tags that fence user-supplied text in the user template; the system prompt names them too. */
export const FENCE_TAGS = { question: 'user_message', history: 'conversation_history', state: 'dialogue_state' } as const;

const USER_PLACEHOLDERS = ['today', 'context', 'history', 'state', 'question'] as const;

export interface Template {
  readonly source: string;
  readonly placeholders: ReadonlySet<string>;
  readonly text: string;
}

export interface AnswerPrompts {
  system: Template;
  user: Template;
  context: Record<ContextSection, Template>;
}

/** The raw texts of the three prompt files, for loading from somewhere other than disk (tests). */
export interface AnswerPromptFiles {
  system: string;
  user: string;
  context: string;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Reads and validates the answer prompts from `promptsDir`. Call once at boot. */
export function loadAnswerPrompts(promptsDir: string): AnswerPrompts {
  const read = (name: string) => {
    const file = join(promptsDir, name);
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new AppError('PROMPTS_INVALID', `${file}: cannot read (${(e as Error).message})`, { cause: e });
    }
  };
  return parseAnswerPrompts(
    { system: read('answer-system.md'), user: read('answer-user.md'), context: read('answer-context.md') },
    promptsDir,
  );
}

/**
 * Validates prompt texts: every required placeholder present, no unknown ones, the question and history
 * placeholders each inside their fence, and every context section there. Throws AppError PROMPTS_INVALID
 * naming every problem at once.
 */
export function parseAnswerPrompts(files: AnswerPromptFiles, where = 'prompts'): AnswerPrompts {
  const problems: string[] = [];
  const system = compile(`${where}/answer-system.md`, stripComments(files.system), [], problems);
  for (const tag of Object.values(FENCE_TAGS)) {
    if (!system.text.includes(`<${tag}>`)) problems.push(`${system.source}: must tell the model that <${tag}> holds data, not instructions`);
  }
  const user = compile(`${where}/answer-user.md`, stripComments(files.user), USER_PLACEHOLDERS, problems);
  for (const [name, tag] of Object.entries(FENCE_TAGS)) {
    const fenced = new RegExp(`<${tag}>\\s*\\{\\{\\s*${name}\\s*\\}\\}\\s*</${tag}>`);
    if (!fenced.test(user.text)) problems.push(`${user.source}: {{${name}}} must stand alone inside <${tag}>…</${tag}>`);
  }
  const sections = splitSections(stripComments(files.context));
  const context = {} as Record<ContextSection, Template>;
  for (const [name, required] of Object.entries(CONTEXT_SECTIONS) as Array<[ContextSection, readonly string[]]>) {
    const body = sections.get(name);
    if (body === undefined) {
      problems.push(`${where}/answer-context.md: missing section "## ${name}"`);
      continue;
    }
    context[name] = compile(`${where}/answer-context.md#${name}`, body, required, problems);
  }
  if (problems.length) throw new AppError('PROMPTS_INVALID', `Answer prompts are invalid:\n  ${problems.join('\n  ')}`);
  return { system, user, context };
}

/**
 * Fills `{{name}}` placeholders from `vars` in one pass. Lines whose placeholders are all empty are dropped;
 * leading and trailing blank lines are trimmed. A placeholder without a value is a bug and throws.
 */
export function fillTemplate(t: Template, vars: Record<string, string>): string {
  const lines: string[] = [];
  for (const line of t.text.split('\n')) {
    let sawPlaceholder = false;
    let sawValue = false;
    const filled = line.replace(PLACEHOLDER, (_m, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new AppError('PROMPTS_INVALID', `${t.source}: no value for {{${name}}}`);
      sawPlaceholder = true;
      if (v.trim() !== '') sawValue = true;
      return v;
    });
    if (sawPlaceholder && !sawValue) continue;
    lines.push(filled);
  }
  return lines.join('\n').replace(/^\s*\n|\n\s*$/g, '').trim();
}

const FENCE_NAMES = Object.values(FENCE_TAGS).join('|') + '|knowledge';
// Opening/closing tags of our fences in any bracket a model might read as one (<, ＜, 〈, ‹, &lt;), with
// whitespace, slashes, zero-width characters or separators sprinkled in.
const FENCE_LOOKALIKE = new RegExp(
  `(?:<|＜|〈|‹|&lt;)[\\s\\u200b-\\u200f\\u2060\\ufeff]*[/／\\\\]?[\\s\\u200b-\\u200f\\u2060\\ufeff]*(${FENCE_NAMES.replace(/_/g, '[\\s_\\-\\u200b-\\u200f\\u2060\\ufeff]*')})[^>＞〉›&\\n]{0,40}(?:>|＞|〉|›|&gt;)?`,
  'gi',
);

/**
 * Makes user-supplied text safe to place inside a fence: anything that looks like an opening or closing tag of
 * one of our fences (<user_message>, </conversation_history>, ＜/user_message＞ …) becomes "[tag removed]", so
 * the text cannot end its fence early and pose as instructions.
 */
export function neutraliseFence(text: string): string {
  return text.replace(FENCE_LOOKALIKE, '[tag removed]');
}

function compile(source: string, raw: string, required: readonly string[], problems: string[]): Template {
  const text = raw.trim();
  const found = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) found.add(m[1]!);
  for (const name of required) if (!found.has(name)) problems.push(`${source}: missing placeholder {{${name}}}`);
  for (const name of found) if (!required.includes(name)) problems.push(`${source}: unknown placeholder {{${name}}}`);
  if (!text) problems.push(`${source}: is empty`);
  return { source, placeholders: found, text };
}

function stripComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, '');
}

function splitSections(s: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = s.split(/^##[ \t]+([a-z_]+)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i]!, parts[i + 1] ?? '');
  return out;
}
