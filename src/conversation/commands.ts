/**
 * Slash commands: /start, /help, /privacy, /evidence, /export, /delete, /call. /delete only asks for confirmation
 * (the deletion happens on the 确认删除 button, within a few minutes); a store outage gets a reply that says
 * nothing was lost or deleted.
 */
import { errorSummary } from '../error-summary';
import { emptyReply, type InboundMessage, type OutboundReply } from '../message';
import type { TurnContext } from './turn-context';
import { buildExport } from './export';
import { formatChinaTime } from '../china-time';
import { logCall } from './call-log';

/** Commands the bot knows, for channels to register (e.g. Telegram's setMyCommands). */
export const COMMANDS = ['start', 'help', 'privacy', 'evidence', 'export', 'delete', 'call'] as const;
export type CommandName = (typeof COMMANDS)[number];

type CommandMsg = Extract<InboundMessage, { kind: 'command' }>;

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
        if (items.length === 0) {
          say('evidence_empty');
          return r;
        }
        say('evidence_header', { count: items.length });
        r.blocks.push({
          style: 'list',
          text: '',
          items: items.map((e) => {
            const when = e.kind === 'call'
              ? deps.replies.text('evidence_call_at', { time: formatChinaTime(e.sentAt ?? e.receivedAt) })
              : e.sentAt
              ? deps.replies.text('evidence_sent_at', { time: formatChinaTime(e.sentAt) })
              : deps.replies.text('evidence_received_at', { time: formatChinaTime(e.receivedAt) });
            const from = e.kind === 'call' && e.from ? ` · ${deps.replies.text('evidence_call', { from: e.from })}` : '';
            const cats = e.categories.length ? ` [${e.categories.map((c) => deps.analysis.categoryLabel(c as never)).join('、')}]` : '';
            const times = (e.count ?? 1) > 1 ? ` · ${deps.replies.text('evidence_times', { count: e.count ?? 1, time: formatChinaTime(e.lastSeenAt ?? e.receivedAt) })}` : '';
            return `${e.id} · ${when}${from}${times}${cats}\n${e.text.length > 80 ? `${e.text.slice(0, 80)}…` : e.text}`;
          }),
        });
        r.buttons.push({ id: 'export', label: deps.replies.text('button_export') });
        return r;
      });
    case 'export':
      return readingStore(turn, async () => {
        const data = await buildExport(turn.key, deps.store, deps.replies, deps.now());
        if (!data.state && data.evidence.length === 0) {
          say('export_empty');
          return r;
        }
        say('export_header');
        r.blocks.push({ style: 'paragraph', text: data.summary });
        r.blocks.push({ style: 'quote', text: JSON.stringify(data.json, null, 2) });
        return r;
      });
    case 'delete':
      turn.remember('/delete', (s) => {
        s.pending = { kind: 'confirm_delete', since: deps.now().toISOString() };
      });
      say('delete_confirm');
      r.buttons.push({ id: 'del:yes', label: deps.replies.text('button_delete_confirm') });
      r.buttons.push({ id: 'del:no', label: deps.replies.text('button_delete_cancel') });
      return r;
    case 'call':
      return logCall(msg.args, msg.receivedAt, turn);
    default:
      say('unknown_command');
      return r;
  }
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
