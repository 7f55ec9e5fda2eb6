/**
 * "你帮我打电话把那个催收骂一顿" / "那你能帮我写个起诉状直接交到法院吗": the user asks the bot to act in the world for
 * them — call or scold someone, file at court, report to the police, negotiate with the lender. It cannot; the reply says
 * so plainly first, then what it can do and where to turn. Such a turn is the user's own words put to the bot, never a
 * collector's to confirm or analyse. Words and replies are data (knowledge/conversation/cues.yaml bot_acts,
 * prompts/conversation.yaml bot_cannot_*).
 */
import type { Button, OutboundReply } from '../message';
import type { ConversationCues } from '../knowledge/conversation-cues';
import { simplified } from '../analysis/normalize';
import type { TurnContext } from './turn-context';

type BotActs = NonNullable<ConversationCues['bot_acts']>;

/**
 * The act the turn asks the bot to do for the user, when it is one the bot cannot do; undefined otherwise.
 * Pure: exported for tests.
 */
export function requestedAct(text: string, cues: BotActs): BotActs['acts'][number] | undefined {
  for (const rest of afterAsks(text, cues)) {
    const act = actAfter(rest, cues);
    if (act) return act;
  }
  return undefined;
}

/**
 * True when the turn asks the bot for its own work ("你帮我记一下 今天打了二十多个电话", "你能不能帮我分析下 他们昨天…"):
 * the user's words to the bot, whatever conduct they tell — not a collector's to confirm.
 */
export function asksBotWork(text: string, cues: BotActs | undefined): boolean {
  if (!cues) return false;
  for (const rest of afterAsks(text, cues)) {
    if (cues.work.some((w) => { const at = rest.indexOf(w); return at >= 0 && at <= cues.work_gap; })) return true;
  }
  return false;
}

/** What follows each place the turn puts a request to the bot (asking words in `asks` order, then left to right). */
function* afterAsks(text: string, cues: BotActs): Generator<string> {
  const t = simplified(text).replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const ask of cues.asks) {
    for (let from = t.indexOf(ask); from >= 0; from = t.indexOf(ask, from + 1)) {
      if (asksHere(t, from, ask, cues)) yield t.slice(from + ask.length);
    }
  }
}

/** True when the asking words at `at` put a request to the bot, not a look-alike ("帮我们") or someone else's help told. */
function asksHere(t: string, at: number, ask: string, cues: BotActs): boolean {
  const window = t.slice(at, at + ask.length + 1);
  if (cues.not_asks.some((w) => window.includes(w))) return false;
  const before = t.slice(0, at);
  return /[你您]/u.test(ask) || /[你您]/u.test(before) || [...before].length <= cues.lead_chars;
}

/** The first act named close after the asking words, with none of the bot's own work between. */
function actAfter(rest: string, cues: BotActs): BotActs['acts'][number] | undefined {
  let best: { act: BotActs['acts'][number]; at: number } | undefined;
  for (const act of cues.acts) {
    for (const w of act.words) {
      const at = rest.indexOf(w);
      if (at < 0 || at > cues.max_gap) continue;
      if (cues.gap_not.some((g) => rest.slice(0, at).includes(g))) continue;
      if (!best || at < best.at) best = { act, at };
    }
  }
  return best?.act;
}

/** The reply to a request the bot cannot carry out; undefined when the turn is none (or is evidently pasted). */
export function botCannotAct(text: string, pastedEvidently: boolean, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues.bot_acts;
  if (!cues || pastedEvidently) return undefined;
  const act = requestedAct(text, cues);
  if (!act) return undefined;
  turn.remember(text);
  const r = turn.say(act.reply);
  const buttons: Button[] = [];
  if (act.id === 'call') buttons.push({ id: 'tpl', label: deps.replies.text('analysis_button_reply') });
  for (const id of act.guides) {
    const guide = deps.knowledge.guides.find((g) => g.id === id);
    if (guide) buttons.push({ id: `g:${guide.id}`, label: guide.title });
  }
  r.buttons.push(...buttons);
  return r;
}

/** Longest turn read as a question about the bot itself: a longer one says more and is answered for what it says. */
const ABOUT_BOT_CHARS = 30;

type AboutBot = NonNullable<ConversationCues['about_bot']>;

/**
 * True when the user asks what the bot is or for a real person ("你到底是不是机器人", "有没有真人能聊两句", "我想转人工"),
 * in a short turn: knowledge/conversation/cues.yaml `about_bot` — "you" with what it might be close after, or a person
 * asked for with the asking word right beside it; never the lender's or collectors' own service. Pure: exported for tests.
 */
export function asksAboutBot(text: string, cues: AboutBot | undefined): boolean {
  if (!cues) return false;
  const t = simplified(text).toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  if ([...t].length > ABOUT_BOT_CHARS || cues.not.some((w) => t.includes(w))) return false;
  if (cues.words.some((w) => t.includes(w.replace(/\s+/g, '')))) return true;
  const within = (a: readonly string[], b: readonly string[], gap: number, both: boolean) =>
    a.some((x) => { for (let at = t.indexOf(x); at >= 0; at = t.indexOf(x, at + 1)) {
      const after = t.slice(at + x.length, at + x.length + gap + 4);
      const before = t.slice(Math.max(0, at - gap - 4), at);
      if (b.some((y) => { const k = after.indexOf(y); return k >= 0 && k <= gap; })) return true;
      if (both && b.some((y) => { const k = before.lastIndexOf(y); return k >= 0 && before.length - k - y.length <= gap; })) return true;
    } return false; });
  return within(cues.you, cues.what, cues.gap, false) || within(cues.person, cues.reach, cues.near, true);
}

type AboutData = NonNullable<ConversationCues['about_data']>;

/**
 * The reply key when a short turn of the user's own asks about the bot and their data, by kind (knowledge/conversation/
 * cues.yaml `about_data`): who it works for ("你是谁啊 是不是催收派来套话的"), whether it tells anyone ("你会把我说的告诉
 * 平台吗"), where it keeps what was sent ("你存哪了"), how to delete it ("怎么删掉我的记录"), whether it was deleted
 * ("删了吗": done when nothing is stored, `stored` false). First kind whose words are in the turn. Pure: exported for tests.
 */
export function aboutDataReply(text: string, cues: AboutData | undefined, stored: boolean): string | undefined {
  const k = aboutDataKind(text, cues);
  return k && (stored && k.stored_reply ? k.stored_reply : k.reply);
}

/**
 * The first `about_data` kind the turn fits, or undefined. A kind with `command: delete` is a request to delete now
 * ("把我刚才说的都删掉吧"), which the caller meets with /delete's confirmation rather than its `reply`. Pure: exported for tests.
 */
export function aboutDataKind(text: string, cues: AboutData | undefined): AboutData['kinds'][number] | undefined {
  if (!cues) return undefined;
  const t = simplified(text).toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  if ([...t].length > ABOUT_BOT_CHARS) return undefined;
  const has = (ws: readonly string[] | undefined) => (ws ?? []).some((w) => t.includes(w));
  return cues.kinds.find((k) => has(k.any) && !(k.with && !has(k.with)) && !has(k.not) && !(k.you && !/[你您]/u.test(t)));
}
