/**
 * Notes for lawful collector messages (knowledge/analysis/lawful-notes.yaml): a lawful lawsuit notice still
 * needs "how to verify it, and answer it if it is real"; a lawful visit notice still needs "you may keep the door
 * shut, and what they may not do". The first note whose cue words occur in the message is shown.
 */
import { z } from 'zod';
import { readYamlFile } from '../knowledge/read-yaml';
import { AppError } from '../errors';
import type { Replies } from '../replies';

const schema = z.object({
  notes: z.array(z.object({ cues: z.array(z.string().min(1)).min(1), with: z.array(z.string().min(1)).min(1).optional(), about: z.string().min(1).optional(), reply: z.string().min(1), verdict: z.string().min(1).optional(), model_defers: z.boolean().optional() }).strict()),
}).strict();

export interface LawfulNote {
  cues: string[];
  /** When given, one of these must occur too ("服务费" beside "停息挂账"). */
  with?: string[];
  /** The plain word the note is about ("起诉"), for reading follow-ups with it; the first cue when not given. */
  about?: string;
  /** A key of prompts/analysis.yaml. */
  reply: string;
  /** A key of prompts/analysis.yaml for the verdict line, in place of the general one ("正常的催收提醒"). */
  verdict?: string;
  /** Found lawful by the rules, a message of this kind is not called a lie or an impersonation by the model. */
  model_defers?: boolean;
}

export const LAWFUL_NOTES_FILE = 'lawful-notes.yaml';

/** Loads the notes, checking that each names a reply that exists; throws KNOWLEDGE_INVALID naming the entry. */
export function loadLawfulNotes(analysisDir: string, replies: Replies): LawfulNote[] {
  const problems: string[] = [];
  const data = readYamlFile(analysisDir, LAWFUL_NOTES_FILE, schema, problems);
  data?.notes.forEach((n, i) => {
    if (!replies.has(n.reply)) problems.push(`${LAWFUL_NOTES_FILE}: notes[${i}].reply: no reply "${n.reply}" in prompts/`);
    if (n.verdict && !replies.has(n.verdict)) problems.push(`${LAWFUL_NOTES_FILE}: notes[${i}].verdict: no reply "${n.verdict}" in prompts/`);
  });
  if (problems.length || !data) throw new AppError('KNOWLEDGE_INVALID', `knowledge/analysis has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  return data.notes;
}

/** The first note whose cues (and one of its `with` words, when given) occur in `text`, if any. */
export function lawfulNoteOf(text: string, notes: readonly LawfulNote[]): LawfulNote | undefined {
  return notes.find((n) => n.cues.some((c) => text.includes(c)) && (!n.with || n.with.some((w) => text.includes(w))));
}

/** The plain word the first matching note is about ("起诉" for a lawsuit notice, "上门" for a visit), if any. */
export function lawfulNoteAbout(text: string, notes: readonly LawfulNote[]): string | undefined {
  const note = lawfulNoteOf(text, notes);
  return note ? note.about ?? note.cues[0] : undefined;
}

/** The reply key of the first note whose cues occur in `text`, if any. */
export function lawfulNoteFor(text: string, notes: readonly LawfulNote[]): string | undefined {
  return lawfulNoteOf(text, notes)?.reply;
}
