/**
 * The `debtshield` command: chat | analyze | ask | apr. Loads the core once per process, then serves one message or
 * streams --jsonl lines. Usage errors print what to type instead.
 */
import type { CliIo } from './io';
import { loadConfig, type Config } from '../config';
import { createLogger } from '../logger';
import { AppError } from '../errors';
import { assembleCore, assembleDeps } from '../assemble';
import { runTerminalChat } from '../channels/local/terminal';
import { streamJsonl } from './jsonl';
import { runChatJsonl } from './chat-jsonl';
import { analyzeOne, parseSentAt } from './analyze-command';
import { askOne } from './ask-command';
import { runAprCommand } from './apr-command';
import { createInterestKit } from '../interest/interest-kit';
import { analyzeImage, requireOcr, runOcrCommand } from './ocr-command';
import { serveWebChat } from './web-command';
import { describeFailure, loadCliTexts } from './cli-texts';
import type { Replies } from '../replies';
import { cleanText } from '../conversation/intake';
import { maxLineBytesFor } from '../channels/local/read-lines';

interface Args {
  command: string;
  flags: Map<string, string | true>;
  positional: string[];
}

/** Splits argv into a command, --flags (with values) and positional words. */
export function parseArgs(argv: string[]): Args {
  const [command = 'chat', ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const valued = new Set(['--user', '--at', '--image', '--port']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(name, inline);
      else if (valued.has(name)) flags.set(name, rest[++i] ?? '');
      else flags.set(name, true);
    } else positional.push(a);
  }
  return { command, flags, positional };
}

/** Runs the CLI; resolves with the process exit code. */
export async function runCli(argv: string[], io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const args = parseArgs(argv);
  const texts = loadCliTexts();
  if (args.command === 'help' || args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout.write(texts.text('usage') + '\n');
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    io.stderr.write(`${texts.text('error_config')}\n${(e as Error).message}\n`);
    return 2;
  }
  const logger = createLogger({ level: config.log.level ?? 'error', format: 'json', destination: io.stderr });
  try {
    switch (args.command) {
      case 'chat': {
        const deps = assembleDeps(config, logger);
        if (args.flags.has('--jsonl')) {
          try {
            await runChatJsonl(deps, texts, io.stdin, io.stdout);
          } finally {
            await deps.ocr?.close?.();
            await deps.store.close();
          }
          return 0;
        }
        const user = String(args.flags.get('--user') ?? 'local');
        await runTerminalChat({ deps, texts, userId: user, input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
        await deps.ocr?.close?.();
        await deps.store.close();
        return 0;
      }
      case 'web':
        return await serveWebChat(config, logger, args, io, texts);
      case 'ocr':
        return await runOcrCommand(args, io, config);
      case 'analyze': {
        const core = assembleCore(config, logger);
        if (args.flags.has('--image')) {
          const ocr = requireOcr(config);
          try {
            io.stdout.write(JSON.stringify(await analyzeImage(core, String(args.flags.get('--image')), ocr), null, 2) + '\n');
          } finally {
            await ocr.close();
          }
          return 0;
        }
        if (args.flags.has('--jsonl')) {
          const line = lineChecks(texts, config.limits.maxMessageChars);
          await streamJsonl(
            io.stdin,
            io.stdout,
            (o) => analyzeOne(core, o.id ?? null, line.text(o.text, 'text'), line.sentAt(o.sent_at)),
            { categories: [], lawful: true, citations: [], next_steps: [] },
            line.errors,
            maxLineBytesFor(config.limits.maxMessageChars),
          );
          return 0;
        }
        const text = args.positional.join(' ');
        if (!text.trim()) return usage(io, texts, 'need_text');
        const at = args.flags.get('--at');
        const one = lineChecks(texts, config.limits.maxMessageChars);
        io.stdout.write(JSON.stringify(await analyzeOne(core, null, one.text(text, 'text'), one.sentAt(typeof at === 'string' ? at : null, '--at')), null, 2) + '\n');
        return 0;
      }
      case 'ask': {
        const core = assembleCore(config, logger);
        const interest = createInterestKit({ knowledge: core.knowledge, replies: core.replies, knowledgeDir: config.knowledgeDir });
        if (args.flags.has('--jsonl')) {
          const line = lineChecks(texts, config.limits.maxMessageChars);
          await streamJsonl(
            io.stdin,
            io.stdout,
            (o) => askOne(core, o.id ?? null, line.text(o.question, 'question'), new Date(), interest),
            { answer: '', citations: [], suggestions: [] },
            line.errors,
            maxLineBytesFor(config.limits.maxMessageChars),
          );
          return 0;
        }
        const q = args.positional.join(' ');
        if (!q.trim()) return usage(io, texts, 'need_question');
        const out = await askOne(core, null, lineChecks(texts, config.limits.maxMessageChars).text(q, 'question'), new Date(), interest);
        io.stdout.write(`${out.answer}\n`);
        return 0;
      }
      case 'apr':
        return await runAprCommand(io.stdin, io.stdout, texts);
      default:
        return usage(io, texts, 'unknown_command', { command: args.command });
    }
  } catch (e) {
    io.stderr.write(`${describeFailure(e, texts, config.promptsDir)}\n`);
    return 1;
  }
}

/**
 * The checks every text entering through the CLI passes, with Chinese error lines (prompts/cli.yaml): a field
 * must be a string, clean (intake's cleanText) and within MAX_MESSAGE_CHARS; a time must be ISO-8601 or null.
 */
function lineChecks(texts: Replies, maxChars: number) {
  return {
    errors: {
      invalidJson: texts.text('jsonl_invalid_json'),
      notObject: texts.text('jsonl_not_object'),
      lineTooLong: texts.text('jsonl_line_too_long', { max: maxChars }),
    },
    text(v: unknown, field: string): string {
      if (typeof v !== 'string') throw new Error(texts.text('jsonl_need_string', { field }));
      const clean = cleanText(v);
      if ([...clean].length > maxChars) throw new Error(texts.text('jsonl_text_too_long', { field, max: maxChars }));
      return clean;
    },
    sentAt(v: unknown, field = 'sent_at'): Date | null {
      if (v === null || v === undefined || v === '') return null;
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new Error(texts.text('jsonl_bad_time', { field }));
      return parseSentAt(v);
    },
  };
}

function usage(io: CliIo, texts: Replies, why: string, vars?: Record<string, string>): number {
  io.stderr.write(`${texts.text(why, vars)}\n${texts.text('usage')}\n`);
  return 2;
}

