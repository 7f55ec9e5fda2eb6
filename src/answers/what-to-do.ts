/**
 * "那我该怎么办": the steps for what was found in the message (or conduct) in focus — the analysis rules' next
 * steps for its categories, the most urgent first (calling 110 leads when violence is happening), the first step in
 * the first sentence. A lawful message gets what to do about the debt itself instead.
 */
import { emptyReply, type OutboundReply, type TextBlock } from '../message';
import { citationsAt } from './cite-refs';
import { labelsOf, type FollowUpDeps, type FollowUpStep } from './follow-up-deps';
import { focusDate, focusWords, type FollowUpFocus } from './follow-up-focus';
import { fitted, list, para } from '../screen-fit';

/** Steps beyond the first shown on the first screen at most; the rest become buttons. */
const NEXT_SHOWN = 3;
/** Buttons at most, "查看法条" included. */
const MAX_BUTTONS = 3;

/** The steps for the focus, most urgent first. */
export function stepsFor(focus: FollowUpFocus, deps: Pick<FollowUpDeps, 'nextSteps' | 'data'>): FollowUpStep[] {
  const steps = deps.nextSteps(focus.categories);
  for (const rule of [...deps.data.steps.first].reverse()) {
    if (!rule.categories.some((c) => focus.categories.includes(c))) continue;
    const i = steps.findIndex((s) => s.id === rule.step);
    if (i > 0) steps.unshift(...steps.splice(i, 1));
  }
  // Someone the message names (孩子, 学校 …) gets their own step right after the first (steps.yaml named).
  const words = focusWords(focus);
  const named = deps.data.steps.named
    .filter((r) => r.categories.some((c) => focus.categories.includes(c)) && r.cues.some((cue) => words.includes(cue)))
    .map((r) => r.step)
    .filter((s) => !steps.some((x) => x.id === s.id));
  steps.splice(Math.min(1, steps.length), 0, ...named);
  return steps;
}

/**
 * Answers "what do I do now?" for the message or conduct in focus; `done` names steps the user already took
 * ("截图了 然后呢": 'evidence'), which are left out.
 */
export function whatToDo(focus: FollowUpFocus, deps: FollowUpDeps, now: Date, done: readonly string[] = []): OutboundReply {
  const { replies } = deps;
  const reply = emptyReply('answer');
  if (focus.lawful || focus.categories.length === 0) {
    reply.blocks = fitted([
      [...para(replies.text('fu_todo_lawful')), ...list(deps.data.steps.lawful)],
      [...para(replies.text('fu_todo_lawful')), ...list(deps.data.steps.lawful.slice(0, 2))],
    ]);
    return reply;
  }
  const steps = stepsFor(focus, deps).filter((s) => !done.includes(s.id));
  const namedIds = new Set(deps.data.steps.named.map((r) => r.step.id));
  const [first, ...rest] = steps;
  const keep = rest.filter((s) => namedIds.has(s.id)).length;
  const debt = replies.text('fu_debt_line');
  if (!first) {
    reply.blocks = para(debt);
    return reply;
  }
  const lead = replies.text('fu_todo_first', { labels: labelsOf(focus.categories, deps), label: first.label, detail: first.detail });
  const item = (s: FollowUpStep) => replies.text('fu_todo_item', { label: s.label, detail: s.detail });
  const variants: TextBlock[][] = [];
  for (let n = Math.max(keep, Math.min(NEXT_SHOWN, rest.length)); n >= keep; n--) {
    const next = rest.slice(0, n).map(item);
    variants.push([...para(lead), ...(next.length ? [...para(replies.text('fu_todo_next')), ...list(next)] : []), ...para(debt)]);
  }
  reply.blocks = fitted(variants);
  const shown = rest.filter((s) => reply.blocks.some((b) => b.items?.includes(item(s))));
  reply.citations = citationsAt(focus.citations, deps.knowledge, focusDate(focus, now));
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  for (const s of rest.filter((x) => !shown.includes(x) && !namedIds.has(x.id))) {
    if (reply.buttons.length >= MAX_BUTTONS) break;
    reply.buttons.push({ id: `s:${s.id}`, label: s.label });
  }
  return reply;
}
