/**
 * /export: everything kept about a user — conversation state and evidence — as JSON plus a readable summary.
 */
import type { ConversationStore, EvidenceItem, UserState } from '../state/store';
import type { Replies } from '../replies';
import { formatChinaTime } from '../china-time';

export interface UserExport {
  state: UserState | null;
  evidence: EvidenceItem[];
  summary: string;
  json: { exportedAt: string; state: UserState | null; evidence: EvidenceItem[] };
}

/** Collects all a user's records from the store. */
export async function buildExport(userKey: string, store: ConversationStore, replies: Replies, now = new Date()): Promise<UserExport> {
  const [state, evidence] = await Promise.all([store.read(userKey), store.listEvidence(userKey)]);
  const lines = [
    state
      ? replies.text('export_summary_history', { count: state.history.length, time: formatChinaTime(state.updatedAt) })
      : replies.text('export_summary_no_history'),
    replies.text('export_summary_evidence', { count: evidence.length }),
  ];
  if (state?.lastAnalysis) lines.push(replies.text('export_summary_last_analysis', { time: formatChinaTime(state.lastAnalysis.at) }));
  if (state?.summary) lines.push(replies.text('export_summary_summary', { summary: state.summary }));
  return { state, evidence, summary: lines.join('\n'), json: { exportedAt: now.toISOString(), state, evidence } };
}
