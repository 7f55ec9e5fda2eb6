/**
 * Slash commands: /start, /help, /privacy, /evidence, /export, /delete, /call. /delete only asks for confirmation
 * (the deletion happens on the 确认删除 button, within a few minutes); a store outage gets a reply that says
 * nothing was lost or deleted. /evidence shows the latest items (all of them are in /export); /export is one
 * file — the readable text first, then the JSON — not hundreds of messages. A command's words are cleaned like
 * any text (intake.ts) before they are kept or shown.
 */
import { errorSummary } from '../error-summary';
import { emptyReply, type InboundMessage, type OutboundReply } from '../message';
import type { EvidenceItem } from '../state/store';
import type { TurnContext } from './turn-context';
import { buildExport, type UserExport } from './export';
import { formatChinaTime } from '../china-time';
import { logCall } from './call-log';
import { cleanText } from './intake';

/** Commands the bot knows, for channels to register (e.g. Telegram's setMyCommands). */
export const COMMANDS = ['start', 'help', 'privacy', 'evidence', 'export', 'delete', 'call'] as const;
export type CommandName = (typeof COMMANDS)[number];

type CommandMsg = Extract<InboundMessage, { kind: 'command' }>;

/** Items /evidence lists (the most recent); /export holds every one. */
export const EVIDENCE_SHOWN = 20;

/** Runs one command. Unknown commands get the unknown_command reply. */
export async function runCommand(msg: CommandMsg, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const r = emptyReply('command');
  const say = (key: string, vars?: Record<string, string | number>) => r.blocks.push({ style: 'paragraph', text: deps.replies.text(key, vars) });
  switch (msg.name.toLowerCase()) {
    case 'start':
      say('welcome');
      say('privacy');
      return r;
    case 'help':
      say('help');
      return r;
    case 'privacy':
      say('privacy');
      return r;
    case 'evidence':
      return readingStore(turn, async () => {
        const items = await deps.store.listEvidence(turn.key);
        if (items.length === 0 && !items.unreadable) {
          say('evidence_empty');
          return r;
        }
        say('evidence_header', { count: items.length });
        const shown = items.slice(-EVIDENCE_SHOWN);
        if (shown.length > 0) r.blocks.push({ style: 'list', text: '', items: shown.map((e) => evidenceLine(e, turn)) });
        if (items.length > shown.length) say('evidence_more', { count: items.length - shown.length });
        if (items.unreadable) say('evidence_unreadable', { count: items.unreadable });
        r.buttons.push({ id: 'export', label: deps.replies.text('button_export') });
        return r;
      });
    case 'export':
      return readingStore(turn, async () => {
        const data = await buildExport(turn.key, deps.store, deps.replies, deps.now());
        const unreadable = (data.evidence as { unreadable?: number }).unreadable ?? 0;
        if (!data.state && data.evidence.length === 0 && !unreadable) {
          say('export_empty');
          return r;
        }
        say('export_file_header');
        r.blocks.push({ style: 'paragraph', text: data.summary });
        if (unreadable) say('evidence_unreadable', { count: unreadable });
        r.files = [exportFile(data, turn)];
        return r;
      });
    case 'delete':
      return askToDelete(turn);
    case 'call':
      return logCall(cleanText(msg.args), msg.receivedAt, turn);
    default:
      say('unknown_command');
      return r;
  }
}

/**
 * /delete, or the same asked for in words ("把我说的都删了吧"): nothing is deleted yet — the reply asks for confirmation
 * with the 确认删除 / 取消 buttons, and the deletion happens on 确认删除.
 */
export function askToDelete(turn: TurnContext): OutboundReply {
  const { deps } = turn;
  const r = emptyReply('command');
  turn.remember('/delete', (s) => {
    s.pending = { kind: 'confirm_delete', since: deps.now().toISOString() };
  });
  r.blocks.push({ style: 'paragraph', text: deps.replies.text('delete_confirm') });
  r.buttons.push({ id: 'del:yes', label: deps.replies.text('button_delete_confirm') });
  r.buttons.push({ id: 'del:no', label: deps.replies.text('button_delete_cancel') });
  return r;
}

/** Runs a read of the user's records; a store outage becomes the store_read_failed reply. */
async function readingStore(turn: TurnContext, read: () => Promise<OutboundReply>): Promise<OutboundReply> {
  try {
    return await read();
  } catch (e) {
    turn.log.warn({ err: errorSummary(e) }, 'store read failed');
    return turn.say('store_read_failed');
  }
}

/** One line of /evidence: id, when, caller, repeats, categories, then the start of the text. */
function evidenceLine(e: EvidenceItem, turn: TurnContext): string {
  const { deps } = turn;
  const when = e.kind === 'call'
    ? deps.replies.text('evidence_call_at', { time: formatChinaTime(e.sentAt ?? e.receivedAt) })
    : e.kind === 'note'
    ? deps.replies.text('evidence_note_at', { time: formatChinaTime(e.sentAt ?? e.receivedAt) })
    : e.sentAt
    ? deps.replies.text('evidence_sent_at', { time: formatChinaTime(e.sentAt) })
    : deps.replies.text('evidence_received_at', { time: formatChinaTime(e.receivedAt) });
  const from = e.kind === 'call' && e.from ? ` · ${deps.replies.text('evidence_call', { from: e.from })}` : '';
  const cats = e.categories.length ? ` [${e.categories.map((c) => deps.analysis.categoryLabel(c as never)).join('、')}]` : '';
  const times = (e.count ?? 1) > 1 ? ` · ${deps.replies.text('evidence_times', { count: e.count ?? 1, time: formatChinaTime(e.lastSeenAt ?? e.receivedAt) })}` : '';
  return `${e.id} · ${when}${from}${times}${cats}\n${e.text.length > 80 ? `${e.text.slice(0, 80)}…` : e.text}`;
}

/**
 * The /export file: the summary and every evidence item in full (time, caller, categories, SHA-256), readable on
 * a phone, then the complete JSON for anyone who needs the data itself.
 */
function exportFile(data: UserExport, turn: TurnContext): NonNullable<OutboundReply['files']>[number] {
  const { deps } = turn;
  const items = data.evidence.map((e) =>
    [evidenceLine({ ...e, text: '' }, turn).trimEnd(), e.text, deps.replies.text('export_file_sha256', { sha256: e.contentSha256 })].join('\n'),
  );
  const text = [
    deps.replies.text('export_file_title', { time: formatChinaTime(data.json.exportedAt) }),
    data.summary,
    ...items,
    deps.replies.text('export_file_json'),
    JSON.stringify(data.json, null, 2),
  ].join('\n\n');
  const day = data.json.exportedAt.slice(0, 10).replace(/-/g, '');
  return { name: `debtshield-export-${day}.txt`, mimeType: 'text/plain; charset=utf-8', bytes: Buffer.from(`${text}\n`, 'utf8') };
}
