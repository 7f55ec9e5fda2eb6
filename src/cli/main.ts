/**
 * The `debtshield` command: chat | analyze | ask. Loads the core once per process, then serves one message or
 * streams --jsonl lines. Usage errors print what to type instead.
 */
import type { Readable, Writable } from 'node:stream';
import { loadConfig, type Config } from '../config';
import { createLogger } from '../logger';
import { AppError } from '../errors';
import { assembleCore, assembleDeps } from '../assemble';
import { runTerminalChat } from '../channels/local/terminal';
import { streamJsonl } from './jsonl';
import { analyzeOne, parseSentAt } from './analyze-command';
import { askOne } from './ask-command';
import { analyzeImage, requireOcr, runOcrCommand } from './ocr-command';

const USAGE = `用法 / usage:
  debtshield chat [--user ID]                 终端聊天（stdin 不是终端时每行一条消息）
  debtshield analyze [--at ISO-8601] "短信"    分析一条催收消息
  debtshield analyze --jsonl                  每行 {"id","text","sent_at"} → 每行一个结果
  debtshield analyze --image 截图.png          识别截图文字后分析
  debtshield ocr 截图.png [--json]             只识别截图里的文字
  debtshield ask "问题"                        回答一个问题
  debtshield ask --jsonl                      每行 {"id","question"} → 每行一个结果`;

/** The streams the CLI talks through (process streams, or in-memory ones in tests). */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}

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
  const valued = new Set(['--user', '--at', '--image']);
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
  if (args.command === 'help' || args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const logger = createLogger({ level: config.log.level ?? 'warn', format: 'json', destination: io.stderr });
  try {
    switch (args.command) {
      case 'chat': {
        const deps = assembleDeps(config, logger);
        const user = String(args.flags.get('--user') ?? 'local');
        await runTerminalChat({ deps, userId: user, input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
        await deps.ocr?.close?.();
        await deps.store.close();
        return 0;
      }
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
          await streamJsonl(io.stdin, io.stdout, (o) => analyzeOne(core, o.id ?? null, requireText(o.text, 'text'), parseSentAt(o.sent_at)));
          return 0;
        }
        const text = args.positional.join(' ');
        if (!text.trim()) return usage(io, '请给出要分析的消息文字。');
        const at = args.flags.get('--at');
        io.stdout.write(JSON.stringify(await analyzeOne(core, null, text, parseSentAt(typeof at === 'string' ? at : null)), null, 2) + '\n');
        return 0;
      }
      case 'ask': {
        const core = assembleCore(config, logger);
        if (args.flags.has('--jsonl')) {
          await streamJsonl(io.stdin, io.stdout, (o) => askOne(core, o.id ?? null, requireText(o.question, 'question')));
          return 0;
        }
        const q = args.positional.join(' ');
        if (!q.trim()) return usage(io, '请给出问题。');
        const out = await askOne(core, null, q);
        io.stdout.write(`${out.answer}\n`);
        return 0;
      }
      default:
        return usage(io, `不认识的命令：${args.command}`);
    }
  } catch (e) {
    const err = e instanceof AppError ? `${e.message}\n(${e.hint})` : (e as Error).message;
    io.stderr.write(`${err}\n`);
    return 1;
  }
}

function usage(io: CliIo, why: string): number {
  io.stderr.write(`${why}\n${USAGE}\n`);
  return 2;
}

function requireText(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new Error(`"${field}" must be a string`);
  return v;
}
