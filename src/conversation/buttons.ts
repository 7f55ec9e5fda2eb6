/**
 * Button presses. A press is valid only for the reply that offered it (offered-buttons.ts). Ids are short and
 * stable: "law" (full texts behind the last reply), "more" (the rest of the last answer), "g:<guide>" (a related
 * topic), "s:<step>" (details of a next step), "steps" (every finding explained and every step), "tpl" (a firm reply to send back), "prov:<law>:<article>" (explain a provision), "apr:table" / "apr:lender:licensed|unlicensed" (the interest check), "ocr:yes|edit" (a screenshot's
 * text), "spk:c|u" (who wrote a pasted text), "note:save" (keep described conduct as an evidence note),
 * "del:yes|no" (confirm /delete), "export" / "evidence" (the commands).
 */
import { errorSummary } from '../error-summary';
import { emptyReply, type Button, type OutboundReply } from '../message';
import { runCommand } from './commands';
import { confirmScreenshot } from './screenshot';
import { toCitation } from '../knowledge/citations';
import type { TurnContext } from './turn-context';
import type { CategoryId } from '../analysis/findings';
import { resolveArticle } from '../knowledge/knowledge';
import { expiredPress, resolvePress } from './offered-buttons';
import { confirmSpeaker } from './speaker-check';
import { saveConductNote } from './conduct-note';
import { answerReply, moreOfAnswer } from './question';
import { provisionFromButton } from '../answers/explain-provision';
import { loanLender, loanTable } from './loan-facts';
import { renderAnalysis } from '../analysis/analysis-reply';
import { analysisOfFocus } from './collector-message';

/** Handles a press: `value` is a button id, label or number; presses not offered by the last reply have expired. */
export async function pressButton(value: string, receivedAt: Date, turn: TurnContext): Promise<OutboundReply> {
  const state = await turn.state();
  const button = resolvePress(value, state, turn.deps.cues.button_number);
  if (!button) return expiredPress(state, turn);
  turn.remember(`[${button.label}]`);
  return press(button, receivedAt, turn);
}

async function press(button: Button, receivedAt: Date, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const [kind, arg = ''] = splitId(button.id);
  switch (kind) {
    case 'law':
      return showLaw(turn);
    case 'more':
      return (await moreOfAnswer(turn)) ?? turn.say('help');
    case 'del':
      return confirmDelete(arg === 'yes', turn);
    case 'g': {
      const guide = deps.knowledge.guides.find((g) => g.id === arg);
      if (!guide || !deps.answerer.answerGuide) return turn.say('help');
      return answerReply(deps.answerer.answerGuide(guide.id, { at: deps.now() }), guide.title, turn);
    }
    case 's': {
      const cats = ((await turn.state())?.focus?.analysis?.categories ?? []) as CategoryId[];
      const step = arg === 'official-pay'
        ? { id: arg, label: deps.replies.text('step_official_pay_label'), detail: deps.replies.text('step_official_pay_detail') }
        : deps.analysis.nextSteps(cats).find((s) => s.id === arg);
      if (!step) return turn.say('help');
      const r = emptyReply('answer');
      r.blocks.push({ style: 'paragraph', text: `${step.label}：${step.detail}` });
      return r;
    }
    case 'steps': {
      const focus = (await turn.state())?.focus?.analysis;
      if (!focus) return turn.say('help');
      return renderAnalysis(analysisOfFocus(focus, deps.analysis), new Date(focus.at), deps, focus.excerpt).detail;
    }
    case 'tpl': {
      const cats = ((await turn.state())?.focus?.analysis?.categories ?? []) as CategoryId[];
      const r = emptyReply('answer');
      r.blocks.push({ style: 'paragraph', text: deps.replies.text('analysis_reply_heading') });
      r.blocks.push({ style: 'quote', text: deps.analysis.replyTemplate(cats) });
      return r;
    }
    case 'apr': {
      const r = arg === 'table' ? await loanTable(turn) : arg.startsWith('lender:') ? await loanLender(arg.endsWith(':licensed') ? 'licensed' : 'unlicensed', turn) : undefined;
      return r ?? turn.say('help');
    }
    case 'prov': {
      const mention = provisionFromButton(button.id);
      if (!mention || !deps.followUps) return turn.say('help');
      const focus = (await turn.state())?.focus?.analysis;
      const r = deps.followUps.explainProvision(mention, focus, deps.now());
      const at = focus?.at ?? deps.now().toISOString();
      turn.remember(null, (s) => {
        if (r.citations.length) s.lastCitations = r.citations.map((c) => ({ law: c.law, article: c.article, at }));
      });
      return r;
    }
    case 'ocr':
      return confirmScreenshot(arg, turn, receivedAt);
    case 'spk':
      return confirmSpeaker(arg === 'c' ? 'collector' : 'user', receivedAt, turn);
    case 'note':
      return saveConductNote(receivedAt, turn);
    case 'export':
    case 'evidence':
      return runCommand({ channel: '', userId: '', receivedAt, kind: 'command', name: kind, args: '' }, turn);
    default:
      return turn.say('help');
  }
}

/** 确认删除 within a few minutes of /delete removes everything; a stale button asks again. */
async function confirmDelete(yes: boolean, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  let pending: string | undefined;
  try {
    const state = await deps.store.read(turn.key);
    pending = state?.pending?.kind === 'confirm_delete' ? state.pending.since : undefined;
  } catch (e) {
    turn.log.warn({ err: errorSummary(e) }, 'state read failed');
    return turn.say(yes ? 'delete_failed' : 'delete_cancelled', undefined, 'command');
  }
  if (!yes) {
    if (pending) turn.remember(null, (s) => { s.pending = undefined; });
    return turn.say('delete_cancelled', undefined, 'command');
  }
  if (!pending || deps.now().getTime() - Date.parse(pending) > DELETE_CONFIRM_MS) return turn.say('delete_expired', undefined, 'command');
  try {
    const count = await deps.store.deleteUser(turn.key);
    turn.forget();
    turn.log.info({ count }, 'user data deleted');
    return turn.say('delete_done', { count }, 'command');
  } catch (e) {
    turn.log.error({ err: errorSummary(e) }, 'delete failed');
    return turn.say('delete_failed', undefined, 'command');
  }
}

/** Full article texts shown by the 查看法条 button; further ones are listed by name. */
const LAW_TEXTS_SHOWN = 5;

/** How long the 确认删除 button stays valid after /delete. */
const DELETE_CONFIRM_MS = 10 * 60_000;

async function showLaw(turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const refs = (await turn.state())?.lastCitations ?? [];
  if (refs.length === 0) return turn.say('law_none');
  const r = emptyReply();
  r.blocks.push({ style: 'heading', text: deps.replies.text('law_heading') });
  // A phone screen holds a few articles; the rest are named, with their numbers, at the end.
  const shown = refs.slice(0, LAW_TEXTS_SHOWN);
  const named: string[] = [];
  for (const ref of refs.slice(LAW_TEXTS_SHOWN)) {
    const resolved = resolveArticle(deps.knowledge, ref.law, ref.article, new Date(ref.at));
    if (resolved) named.push(`《${resolved.article.law}》${resolved.article.article_cn}（${resolved.article.title}）`);
  }
  for (const ref of shown) {
    const resolved = resolveArticle(deps.knowledge, ref.law, ref.article, new Date(ref.at));
    if (!resolved) continue;
    const c = toCitation(resolved.article);
    r.citations.push(c);
    const version = deps.replies.text('law_version_note', { version: c.version, from: c.effectiveFrom });
    r.blocks.push({ style: 'heading', text: `《${c.law}》${c.articleCn}（${c.title}）${version}` });
    r.blocks.push(
      c.confidence === 'PARTIAL'
        ? { style: 'paragraph', text: partialText(c.text, deps.replies.text('law_partial_prefix')) }
        : { style: 'quote', text: c.text },
    );
  }
  if (named.length) r.blocks.push({ style: 'paragraph', text: deps.replies.text('law_more', { list: named.join('、') }) });
  return r;
}

function splitId(id: string): [string, string?] {
  const i = id.indexOf(':');
  return i === -1 ? [id] : [id.slice(0, i), id.slice(i + 1)];
}

/** A PARTIAL item's text behind the "reported" label, without repeating the part of the label the text already starts with. */
function partialText(text: string, prefix: string): string {
  const t = text.trim();
  const cut = prefix.search(/[，,]/);
  if (cut > 0) {
    const lead = prefix.slice(0, cut);
    const rest = prefix.slice(cut + 1).replace(/[：:]\s*$/, '');
    if (rest && t.startsWith(rest)) return `${lead}${prefix[cut]}${t}`;
  }
  return `${prefix}${t}`;
}
