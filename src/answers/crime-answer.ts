/**
 * "这算犯罪吗 / 这算侮辱罪吗 / 能让他们坐牢吗" about the conduct in focus: which crime it could be and under which
 * condition (knowledge/follow-ups/crimes.yaml), most serious first, then who decides and the debt line. A lawful
 * message is no crime.
 */
import { emptyReply, type OutboundReply } from '../message';
import { citationsAt } from './cite-refs';
import type { FollowUpDeps } from './follow-up-deps';
import { focusDate, type FollowUpFocus } from './follow-up-focus';
import { fitted, para } from '../screen-fit';

/** Answers whether the conduct in `focus` is a crime, judged under the law in force when it happened; `question` may name one. */
export function crimeAnswer(focus: FollowUpFocus, deps: FollowUpDeps, now: Date, question = ''): OutboundReply {
  const { replies, knowledge: k } = deps;
  const crimes = deps.data.crimes;
  const reply = emptyReply('answer');
  const ofFocus = focus.lawful ? [] : crimes.categories.filter((c) => focus.categories.includes(c.category));
  // The crime the question names ("这算侮辱罪吗") leads.
  const q = question.replace(/\s+/g, '');
  const named = ofFocus.filter((c) => c.names.some((w) => q.includes(w)));
  const found = [...named, ...ofFocus.filter((c) => !named.includes(c))];
  if (found.length === 0) {
    reply.blocks = [...para(crimes.lawful), ...para(replies.text('fu_debt_line_lawful'))];
    return reply;
  }
  // A second category adds a sentence only when it names a crime the first did not.
  const main = found[0];
  const second = found.slice(1).find((c) => c.cites.some((x) => !main!.cites.some((m) => m.law === x.law && m.article === x.article)));
  const debt = replies.text('fu_debt_line');
  reply.blocks = fitted([
    [...para(main!.text), ...para(second?.text), ...para(crimes.who_decides), ...para(debt)],
    [...para(main!.text), ...para(crimes.who_decides), ...para(debt)],
    [...para(main!.text), ...para(debt)],
  ]);
  const shownSecond = second !== undefined && reply.blocks.some((b) => b.text === second.text);
  reply.citations = citationsAt([...main!.cites, ...(shownSecond ? second.cites : [])], k, focusDate(focus, now));
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  return reply;
}
