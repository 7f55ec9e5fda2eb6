/**
 * /export: everything kept about a user — conversation state and evidence — as JSON plus a readable summary.
 */
import type { ConversationStore, EvidenceItem, UserState } from '../state/store';
import { formatChinaTime } from './china-time';

export interface UserExport {
  state: UserState | null;
  evidence: EvidenceItem[];
  summary: string;
  json: { exportedAt: string; state: UserState | null; evidence: EvidenceItem[] };
}

/** Collects all a user's records from the store. */
export async function buildExport(userKey: string, store: ConversationStore, now = new Date()): Promise<UserExport> {
  const [state, evidence] = await Promise.all([store.read(userKey), store.listEvidence(userKey)]);
  const lines = [
    `对话记录：${state ? `${state.history.length} 条（最近一次 ${formatChinaTime(state.updatedAt)}）` : '无'}`,
    `证据：${evidence.length} 条`,
  ];
  if (state?.lastAnalysis) lines.push(`最近一次分析：${formatChinaTime(state.lastAnalysis.at)}`);
  return { state, evidence, summary: lines.join('\n'), json: { exportedAt: now.toISOString(), state, evidence } };
}
