/**
 * What one text turn is, read inside its conversation: who is speaking, what the user is doing, whether they
 * are at risk, and the facts the turn carries. The conversation decides what to do from this, before anything
 * is analysed, answered or stored.
 */

/** `collector`: a collector's own words pasted in; `user`: the user's own words (even quoting a collector); `mixed`: both. */
export type Speaker = 'collector' | 'user' | 'mixed';

/** What the user is doing (labels of eval/understanding/README.md). */
export type TurnAct =
  | 'paste'
  | 'ask'
  | 'describe'
  | 'distress'
  | 'loan_facts'
  | 'follow_up'
  | 'reply'
  | 'greeting'
  | 'thanks'
  | 'other';

/** `risk`: a wish to die or self-harm; `acute`: with a plan, place, time or means; `safe`: says they are safe. */
export type CrisisSignal = 'none' | 'risk' | 'acute' | 'safe';

/** What the bot's previous reply was. */
export type DialogueContext = 'none' | 'analysis' | 'answer' | 'asked' | 'crisis';

/** What a follow-up asks about the last reply. */
export type FollowUpKind =
  /** "他们说的是真的吗": are the collector's claims true? */
  | 'verify_claims'
  /** "那我该怎么办": the steps for what was found or answered. */
  | 'what_to_do'
  /** "第50条第二款呢" / "刚才那条法律是什么意思": explain a provision. */
  | 'explain_provision'
  /** "这个能报警吗": can the last conduct be reported to the police? */
  | 'can_report'
  /** "报警了 民警说是经济纠纷": what to do now that they reported it (answered from the guides). */
  | 'after_report'
  /** "这算威胁吗" / "这样合法吗": is the message in focus unlawful, and as what? */
  | 'judge'
  /** "详细点" / "还有呢": more of the same answer. */
  | 'more'
  /** Anything else that leans on the last reply. */
  | 'generic';

/** A provision the user points at: "第50条第二款", "治安管理处罚法第五十条", or just "刚才那条法律" (vague). */
export interface ProvisionMention {
  /** Short law name as knowledge/ spells it, when named. */
  law?: string;
  /** Arabic article number ("50", "293-1"), when given. */
  article?: string;
  /** "第二款", "第（一）项", when given. */
  part?: string;
  /** No number at all: "那条法律", "这个规定". */
  vague: boolean;
}

/** An amount of money with what it is, as far as the words say. */
export interface MoneyFact {
  value: number;
  role: 'principal' | 'received' | 'payment' | 'total' | 'fee' | 'overdue' | 'unknown';
}

/** Facts a turn carries; every list may be empty. */
export interface TurnFacts {
  amounts: MoneyFact[];
  /** A number of instalments or a term: "12期", "6个月", "7天". */
  term?: { count: number; unit: 'month' | 'day' | 'week' | 'period' };
  /** Dates named, resolved to ISO days (China time) against the turn's time. */
  dates: Array<{
    iso: string;
    role: 'contract' | 'event' | 'unknown';
    /** Set when the words named only a month ("去年3月": iso is its first day) or a year ("19年"). */
    precision?: 'month' | 'year';
  }>;
  /** Interest or fee rates named ("年化36%", "日利率0.1%"), per the period the words say. */
  rates?: Array<{ percent: number; per: 'year' | 'month' | 'day' | 'unknown' }>;
  /** The lender or platform, and its kind when the words say it. */
  lender?: { name?: string; type: 'licensed' | 'unlicensed' | 'unknown' };
  /** Who collectors contacted or threatened to contact: parents, spouse, employer, colleagues, friends, neighbours, school, contacts, group … */
  contacted: string[];
  /** What collectors did, as short ids: calls, visit, paint, posting, blocking, insult, threat, fake_document … */
  conduct: string[];
}

export interface TurnUnderstanding {
  speaker: Speaker;
  /** 0..1, how sure the speaker call is. Below the conversation's threshold it asks the user. */
  speakerConfidence: number;
  /**
   * Set when a collector part is evidently pasted: structure placed it (a 【signature】, a transcript, a frame, a
   * document title) or it is a long stretch in the collector's voice. A short unframed line in a collector's voice
   * ("你再装死 我们就联系你公司HR") may be the user repeating or fearing it: the bot asks before keeping it.
   */
  pastedEvidently?: true;
  /**
   * Set when the user reports what a collector said, introduced by a verb of saying ("他刚发我说 …", "他说：…"): the
   * words may be a paraphrase, so they are never kept without the user confirming they are the collector's own.
   */
  reported?: true;
  act: TurnAct;
  /** 0..1, how sure the act call is (a rule's measured precision, or the classifier's probability). */
  actConfidence?: number;
  crisis: CrisisSignal;
  /**
   * Someone else the user tells of: `risk` when that person said they want to die and may be alone (a son's last
   * message, a phone that does not answer); `found` when they were reached. Unset otherwise.
   */
  others?: 'risk' | 'found' | 'help';
  /**
   * The user's own wish to hurt someone else (crisis.yaml harm_others): `armed` when a weapon is bought or on them,
   * `withSelf` when the wish takes their own life too; `crisisApart` is the own-crisis signal of the turn with those
   * words left out ("我已经买好刀了" after "我要砍死他" is no wish to die). Unset when nothing of the kind is said.
   */
  harm?: { intent: boolean; armed: boolean; withSelf: boolean; crisisApart: CrisisSignal };
  /** With risk or acute: an act already done (crisis.yaml acute_done: `pills`, `wound`). */
  done?: string;
  /** With risk or acute: a dangerous place named (on a bridge, a rooftop, by the river). */
  place?: true;
  /**
   * Right after a crisis reply (context `crisis`): what the person is doing, named in crisis.yaml `moods`
   * ("help_coming", "push_away", "silent" …); unset when none is found or outside care.
   */
  mood?: string;
  /**
   * With safe: how firmly it is said (crisis.yaml `assured`) — `outright` ("我不会真去死的", "阳台门锁了 我没事了") may end
   * care, `calm` ("放心我没事", "跟家人说了") only after words of despair alone; unset when safe words are not said so.
   */
  assured?: 'outright' | 'calm';
  /** Set when act is follow_up. */
  followUp?: FollowUpKind;
  /**
   * What the turn asks by the follow-up cues, whatever its act: a report that ends "…能投诉吗" asks can_report,
   * "…这算违法吗" judge. Unset when no cue occurs.
   */
  asks?: FollowUpKind;
  /**
   * When the turn asks whether something is lawful: whose doing — `them` (the collectors or their message: "这算威胁吗",
   * "我被骂成这样 合法吗") or `other` (the user's own or a third party's act: "我算不算诈骗", "公司要是开除我 合法吗").
   * Unset when the turn names no one.
   */
  judged?: 'them' | 'other';
  /** Set when the turn names or points at a provision. */
  provision?: ProvisionMention;
  /** For `mixed`: the pasted collector part, and the user's own words around it. */
  quoted?: string;
  own?: string;
  facts: TurnFacts;
}

/** Reads one text turn; pure and fast (well under a millisecond for a typical turn). */
export interface TurnUnderstander {
  understand(text: string, context: DialogueContext, at?: Date): TurnUnderstanding;
}
