/**
 * The terminal chat: the local channel `npm start` opens when no Telegram token is set. Interactive on a TTY;
 * when stdin is a pipe it reads one message per line and prints each reply, so conversations can be scripted.
 * Typing a button's number or label presses it; a line starting with / is a command.
 */
import type { Readable, Writable } from 'node:stream';
import { handleTurn } from '../../conversation/conversation';
import { withoutControls } from '../../conversation/intake';
import { maxLineBytesFor, readLines } from './read-lines';
import type { TurnDeps } from '../../conversation/deps';
import type { Button, InboundMessage } from '../../message';
import { renderText } from './render-text';
import type { Replies } from '../../replies';

export interface TerminalChatOptions {
  deps: TurnDeps;
  /** The prompts and hint (prompts/cli.yaml: chat_you, chat_bot, chat_hint). */
  texts: Replies;
  userId: string;
  input: Readable;
  output: Writable;
  interactive: boolean;
}

/**
 * Runs the chat until the input ends (Ctrl-D, end of pipe) or the user types /quit. A line longer than
 * MAX_MESSAGE_CHARS allows is refused unread; replies are printed without control sequences, so nothing a
 * collector's message or a /call note holds can recolour or move the terminal.
 */
export async function runTerminalChat(opts: TerminalChatOptions): Promise<void> {
  const { deps, output } = opts;
  let buttons: Button[] = [];
  let seq = 0;
  const prompt = () => {
    if (opts.interactive) output.write(`\n${opts.texts.text('chat_you')}`);
  };
  const send = async (msg: InboundMessage) => {
    const reply = await handleTurn(msg, deps);
    buttons = reply.buttons;
    const text = withoutControls(renderText(reply, { buttons: true }));
    if (text) output.write(`${opts.interactive ? `\n${opts.texts.text('chat_bot')}` : ''}${text}\n${opts.interactive ? '' : '\n'}`);
  };
  if (opts.interactive) {
    await send(toInbound('/start', [], opts.userId, ++seq));
    output.write(`\n${opts.texts.text('chat_hint')}\n`);
  }
  prompt();
  for await (const read of readLines(opts.input, maxLineBytesFor(deps.limits.maxMessageChars))) {
    if ('tooLong' in read) {
      output.write(`${opts.texts.text('chat_line_too_long', { max: deps.limits.maxMessageChars })}\n`);
      prompt();
      continue;
    }
    const text = read.line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text.length > 0 || !opts.interactive) await send(toInbound(text, buttons, opts.userId, ++seq));
    prompt();
  }
}

/** Maps one typed line to an inbound message: a command, a button press, or text. */
export function toInbound(line: string, buttons: Button[], userId: string, seq: number): InboundMessage {
  const base = { channel: 'cli', userId, messageId: undefined, receivedAt: new Date() };
  void seq;
  const cmd = /^\/([A-Za-z_]+)(?:\s+([\s\S]*))?$/.exec(line);
  if (cmd) return { ...base, kind: 'command', name: cmd[1]!, args: cmd[2] ?? '' };
  const byNumber = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
  const byLabel = buttons.find((b) => b.label === line);
  const pressed = byNumber ?? byLabel;
  if (pressed) return { ...base, kind: 'button', id: pressed.id };
  return { ...base, kind: 'text', text: line };
}
