/**
 * What the collector-message analyzer produces. Category ids are part of the CLI contract and never change.
 */

export const CATEGORY_IDS = [
  'threat',
  'impersonation',
  'privacy_disclosure',
  'third_party_contact',
  'harassment_frequency',
  'off_hours',
  'insult',
  'violence',
  'deception',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** A provision as data refers to it: short law name + Arabic article number. */
export interface ProvisionRef {
  law: string;
  article: string;
  /** The part or condition that applies (第一款第（一）项, 催收高利放贷等非法债务的), as the category data states it. */
  item?: string | null;
  /** The part as an older article this one maps back to reads it (旧法第四十二条第（一）项, without 第一款). */
  oldItem?: string | null;
  /**
   * The condition this provision needs, in plain words (对方多次发送这类信息), when it has one; `met` says whether
   * the message shows it. A provision whose condition is not met is not cited: it is explained as "如果…".
   */
  condition?: string;
  met?: boolean;
}

/** One thing wrong with a message. */
export interface Finding {
  category: CategoryId;
  /** The words in the message that triggered it (as the user sent them, not normalised). */
  evidence: string;
  /** One line in plain Chinese: what is wrong and why it matters. */
  explanation: string;
  /** Provisions that apply, as data lists them for conduct today; resolve by the send date before citing. */
  provisions: ProvisionRef[];
}

/** A suggested next step, as shown to the user and in the CLI contract. */
export interface NextStep {
  /** Short stable id, also the button id, e.g. "evidence", "call110", "verify12368". */
  id: string;
  /** Short label for a button. */
  label: string;
  /** One or two sentences: what exactly to do. */
  detail: string;
}

export interface AnalysisInput {
  text: string;
  /** When the collector sent it, if known; drives off_hours and the version of law in force. */
  sentAt: Date | null;
  /** Extra facts from the user's evidence log, e.g. effective calls from this collector today. */
  callsToday?: number;
}

export interface Analysis {
  findings: Finding[];
  categories: CategoryId[];
  lawful: boolean;
  /** The text reads as a collector's message at all (vs. the user's own question). */
  looksLikeCollectorMessage: boolean;
  /** Ids of the conditions (knowledge/analysis/categories.yaml) the message shows, e.g. "state_authority". */
  conditions?: string[];
  /**
   * The message reads as a court's, arbitration body's, notary's or creditor's legal-process notice with no sign of a
   * fake and nothing found but what such a notice says (lexicon legal_process): lawful to verify, not to alarm about.
   */
  legalProcess?: boolean;
}

/** The analyzer port the conversation core calls. */
export interface Analyzer {
  analyze(input: AnalysisInput): Analysis;
  /**
   * A category's explanation and provisions for a finding the rules did not make themselves (a second opinion's):
   * with `text`, each provision's condition is judged on it; without, conditional provisions count as not shown.
   */
  describe?(id: CategoryId, text?: string): { explanation: string; provisions: ProvisionRef[] };
}

/** True when a provision may be cited: it has no condition, or the message shows it. */
export function isCited(p: ProvisionRef): boolean {
  return p.met !== false;
}
