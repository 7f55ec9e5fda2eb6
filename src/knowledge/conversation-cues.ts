/**
 * The conversation's own cue words (knowledge/conversation/cues.yaml): a button pressed by typing its number, a
 * typed answer to "who wrote this?", a short yes to an offer. Loaded and validated at boot.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from './read-yaml';
import { AppError } from '../errors';

const words = z.array(z.string().min(1)).min(1);

const schema = z
  .object({
    button_number: z.object({
      ordinals: z.record(z.string().min(1), z.number().int().min(1).max(9)),
      prefixes: words,
      ordinal_marker: z.string().min(1),
      suffixes: words,
    }),
    speaker_answer: z.object({ user: words, collector: words, negation: words, max_chars: z.number().int().min(1) }),
    yes: words,
    yes_delete: words,
    this_message: words,
    announce_paste: words,
    points_back: words,
    pointed_conduct: z.object({ points: words, sue: words, fillers: words }).optional(),
    may_they: words.default([]),
    asks_what_it_is: words.default([]),
    will_know: z.object({ asks: words, openers: words }).optional(),
    closing_lines: z.object({ unlawful: words, again: words }).optional(),
    retaliation: words,
    help_coming: words,
    elliptic_ends: words.default([]),
    someone_near: words.default([]),
    about_bot: z.object({ you: words, what: words, gap: z.number().int().min(0), person: words, reach: words, near: z.number().int().min(0), words, not: words }).optional(),
    about_data: z.object({
      kinds: z.array(z.object({
        reply: z.string().min(1), any: words, with: words.optional(), you: z.boolean().default(false), not: words.optional(),
        stored_reply: z.string().min(1).optional(),
        command: z.enum(['delete']).optional(),
      })).min(1),
    }).optional(),
    night_contact: words.default([]),
    principal_question: words.default([]),
    principal_words: words.default([]),
    either: words.default([]),
    still_owe_question: words.default([]),
    unlawful_focus_words: words.default([]),
    conduct_answer_guides: words.default([]),
    generic_topic_words: words.default([]),
    generic_question_words: words.default([]),
    owe_amount_question: words.default([]),
    upfront_question: words.default([]),
    crime_question: words.default([]),
    crime_self: words.default([]),
    crime_them: words.default([]),
    crime_punish: words.default([]),
    crime_me: words.default([]),
    liability_claim: words.default([]),
    lawful_claim: words.default([]),
    done_to_me: words.default([]),
    they_said: words.default([]),
    sue_threat: words.default([]),
    continuing: words.default([]),
    safe_assured: words.default([]),
    safe_outright: words.default([]),
    sad_emoji: words.default([]),
    open_what_to_do: words.default([]),
    yes_no_forms: words.default([]),
    retraction: words.default([]),
    cap_question: words.default([]),
    evidence_kept: words.default([]),
    asks_bot: words.default([]),
    asks_bot_for_others: words.default([]),
    sue_lender: words.default([]),
    requests_bot: words.default([]),
    recover_question: words.default([]),
    self_injury: words.default([]),
    own_loan: words.default([]),
    rate_judged: words.default([]),
    told_against: words.default([]),
    rate_compared: words.default([]),
    own_borrowing: words.default([]),
    court_papers: words.default([]),
    help_doubted: words.default([]),
    same_question: words.default([]),
    negotiation: words.default([]),
    continue_task: words.default([]),
    date_restated: words.default([]),
    paid_told: words.default([]),
    paid_back: words.default([]),
    paid_back_not: words.default([]),
    debt_words: words.default([]),
    complaint: words.default([]),
    hearsay: words.default([]),
    claim_check_tails: words.default([]),
    hearsay_claim_min: z.number().int().min(1).default(4),
    document_words: words.default([]),
    /** A document word listed here is read with a turn only when the turn names one of its parties (律师函: 律师, 律所). */
    document_parties: z.record(z.string().min(1), words).default({}),
    recurs: words.default([]),
    /**
     * "刚才那条短信你帮我存了吗": whether the message in focus was kept as evidence is asked (`asks`), unless the turn
     * is about the user's own words or data (`unless`: "我跟你说的话你存了吗" is the data question).
     */
    asks_saved: z.object({ asks: words, unless: words.default([]) }).optional(),
    where_to_complain: words.default([]),
    asks_meaning: words.default([]),
    notice_doubt: words.default([]),
    suit_words: words.default([]),
    suit_judged: words.default([]),
    court_notice_marks: words.default([]),
    few_contacts: words.default([]),
    lawyer_letter: words.default([]),
    sue_back: words.default([]),
    part_of_message: z.record(z.string().min(1), z.string().min(1)).default({}),
    evasion: z.object({ hide: words, goal: words, asks: words, guide: z.string().min(1), entry: z.string().min(1) }).optional(),
    polite_contact: z.object({ words, guide: z.string().min(1), entry: z.string().min(1) }).optional(),
    not_acting: z
      .object({
        acts: z.array(z.object({ say: z.string().min(1), words, unless: words.optional() })).min(1),
        fillers: words,
        asks: words,
        max_rest: z.number().int().min(0),
        processes: z.array(z.object({ id: z.string().min(1), words, guides: words, guide: z.string().min(1), entry: z.string().min(1), lead: z.string().includes('{act}') })).min(1),
        general: z.object({ guide: z.string().min(1), entry: z.string().min(1), lead: z.string().includes('{act}') }),
      })
      .optional(),
    proof_question: z
      .object({
        words,
        fillers: words,
        max_rest: z.number().int().min(0),
        loan: z.object({ guide: z.string().min(1), entry: z.string().min(1) }),
        conduct: z.object({ guide: z.string().min(1), entry: z.string().min(1) }),
      })
      .optional(),
    private_payment: z
      .object({ channels: words, asks: words, max_chars: z.number().int().min(1), with_categories: words, guide: z.string().min(1), entry: z.string().min(1) })
      .optional(),
    crisis_question: z.object({ asks: words, topics: words, if_gone: words.default([]) }).optional(),
    fear: z.object({ words, acknowledged: words, danger: words }).optional(),
    reported_death_wish: z.object({ said: words, words, kept: words }).optional(),
    bot_acts: z
      .object({
        asks: words,
        not_asks: words,
        lead_chars: z.number().int().min(0),
        max_gap: z.number().int().min(0),
        gap_not: words,
        work: words,
        work_gap: z.number().int().min(0),
        acts: z.array(z.object({ id: z.string().min(1), reply: z.string().min(1), words, guides: words.default([]) })).min(1),
      })
      .optional(),
  })
  .strict();

/** What the conversation remembers across turns (knowledge/conversation/dialogue-memory.yaml). */
const memorySchema = z
  .object({
    back_reference: z.object({
      returns: words,
      corrects: words,
      points_at_bot: words,
      counters: words,
      after: words,
      last: words,
      enumerators: words,
      alone: words,
      item_chars: z.number().int().min(1),
      /**
       * "安逸花那个呢" after "借呗那个会被起诉吗": another loan named alone (`loans`, with only `loan_heads` before it and
       * `loan_tails` after it) asks the user's last question again for that loan.
       */
      loans: words.optional(),
      loan_heads: words.default([]),
      loan_tails: words.default([]),
    }),
    remembered_facts: z
      .array(
        z.object({
          id: z.string().min(1),
          group: z.string().min(1).optional(),
          told: words,
          not_told: words.default([]),
          reads: z.string().min(1),
          topics: words,
          guides: words,
          then: z.string().min(1).optional(),
          vague: words.default([]),
        }),
      )
      .default([]),
  })
  .strict();

export type DialogueMemoryCues = z.infer<typeof memorySchema>;

export type ConversationCues = z.infer<typeof schema> & { memory?: DialogueMemoryCues };

export const CONVERSATION_CUES_FILE = 'cues.yaml';
export const DIALOGUE_MEMORY_FILE = 'dialogue-memory.yaml';

/**
 * Loads knowledge/conversation/cues.yaml under `knowledgeDir`, with dialogue-memory.yaml beside it as `memory`;
 * throws KNOWLEDGE_INVALID naming each problem.
 */
export function loadConversationCues(knowledgeDir: string): ConversationCues {
  const problems: string[] = [];
  const dir = join(knowledgeDir, 'conversation');
  const data = readYamlFile(dir, CONVERSATION_CUES_FILE, schema, problems);
  const memory = readYamlFile(dir, DIALOGUE_MEMORY_FILE, memorySchema, problems);
  if (!data || !memory) throw new AppError('KNOWLEDGE_INVALID', `knowledge/conversation has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  return { ...data, memory };
}
