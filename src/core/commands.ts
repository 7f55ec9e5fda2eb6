/**
 * Slash commands: /start, /help, /privacy, /evidence, /export, /delete. Each returns a reply; /delete only asks
 * for confirmation — the deletion itself happens on the 确认删除 button.
 */
import { emptyReply, userKeyOf, type InboundMessage, type OutboundReply } from './message';
import type { TurnDeps } from './deps';
import { buildExport } from './export';
import { formatChinaTime } from './china-time';

/** Commands the bot knows, for channels to register (e.g. Telegram's setMyCommands). */
export const COMMANDS = ['start', 'help', 'privacy', 'evidence', 'export', 'delete'] as const;
export type CommandName = (typeof COMMANDS)[number];

type CommandMsg = Extract<InboundMessage, { kind: 'command' }>;

/** Runs one command. Unknown commands get the unknown_command reply. */
export async function runCommand(msg: CommandMsg, deps: TurnDeps): Promise<OutboundReply> {
  const r = emptyReply();
  const say = (key: string, vars?: Record<string, string | number>) => r.blocks.push({ style: 'paragraph', text: deps.replies.text(key, vars) });
  const key = userKeyOf(msg);
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
    case 'evidence': {
      const items = await deps.store.listEvidence(key);
      if (items.length === 0) {
        say('evidence_empty');
        return r;
      }
      say('evidence_header', { count: items.length });
      r.blocks.push({
        style: 'list',
        text: '',
        items: items.map((e) => {
          const when = e.sentAt ? `发送于 ${formatChinaTime(e.sentAt)}` : `收到于 ${formatChinaTime(e.receivedAt)}`;
          const cats = e.categories.length ? ` [${e.categories.map((c) => deps.analysis.categoryLabel(c as never)).join('、')}]` : '';
          return `${e.id} · ${when}${cats}\n${e.text.length > 80 ? `${e.text.slice(0, 80)}…` : e.text}`;
        }),
      });
      r.buttons.push({ id: 'export', label: deps.replies.text('button_export') });
      return r;
    }
    case 'export': {
      const data = await buildExport(key, deps.store);
      if (!data.state && data.evidence.length === 0) {
        say('export_empty');
        return r;
      }
      say('export_header');
      r.blocks.push({ style: 'paragraph', text: data.summary });
      r.blocks.push({ style: 'quote', text: JSON.stringify(data.json, null, 2) });
      return r;
    }
    case 'delete':
      say('delete_confirm');
      r.buttons.push({ id: 'del:yes', label: deps.replies.text('button_delete_confirm') });
      r.buttons.push({ id: 'del:no', label: deps.replies.text('button_delete_cancel') });
      return r;
    default:
      say('unknown_command');
      return r;
  }
}
