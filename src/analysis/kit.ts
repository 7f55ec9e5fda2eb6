/**
 * The analysis kit: the analyzer and its companions (crisis check, next steps, reply templates, labels, the
 * optional statistical and LLM passes), bound to the loaded rules by the composition root.
 */
import type { OutboundReply } from '../message';
import type { ConductAnalysis } from './described-conduct';
import type { Analysis, Analyzer, CategoryId, NextStep } from './findings';
import type { LawfulNote } from './lawful-notes';
import type { DescribeCategory, SecondOpinion, SecondOpinionSync } from './second-opinion';

/** The analyzer and what goes with its findings (crisis check, next steps, reply templates, labels). */
export interface AnalysisKit {
  analyzer: Analyzer;
  /** True when the USER (not a collector) expresses wanting to die or hurt themselves. */
  detectCrisis(text: string): boolean;
  nextSteps(categories: CategoryId[]): NextStep[];
  /**
   * A short, firm, lawful message the user can send back. `conditions` (Analysis.conditions) let it answer what the
   * sender actually claimed (a fake court and a fake law firm get different replies).
   */
  replyTemplate(categories: CategoryId[], conditions?: readonly string[]): string;
  categoryLabel(id: CategoryId): string;
  /** Explanation and provisions of a category, for findings the second opinion adds. */
  describe: DescribeCategory;
  /**
   * The offline statistical pass (knowledge/analysis/ngram-model.json, when present): after the rules and before
   * the LLM, it may add a category the rules missed, with a clause of the message as evidence.
   */
  statistical?: SecondOpinionSync;
  /** An LLM reviewer that may add categories it can back with words from the message (when configured). */
  secondOpinion?: SecondOpinion;
  /**
   * Conduct the user describes ("他们在我家门上喷了红油漆") read like a collector's message with the user as the
   * victim: same analyzer, same category provisions. Questions, hypotheticals, negations and the user's own plans
   * yield no findings. `at` is when the user wrote it; `occurredAt` dates the conduct when the words do ("昨天").
   */
  assessConduct(text: string, at: Date): ConductAnalysis;
  /**
   * The reply for described conduct: what it may amount to (with conditions), what to do, and a "保存为证据记录"
   * button (note:save). Set by the composition root, which holds the knowledge and replies.
   */
  renderConduct?(analysis: Analysis, at: Date): OutboundReply;
  /** Notes for lawful messages (how to verify a lawsuit notice, what a visitor may not do), from knowledge/analysis. */
  lawfulNotes?: LawfulNote[];
  /** The six-month limit on public-security penalties (categories.yaml time_limit), for conduct months old. */
  timeLimit?: { law: string; article: string; warn_after_days: number; limit_days: number; categories: CategoryId[] };
}
