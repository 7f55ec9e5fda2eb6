/**
 * `npm run eval:dialogues [-- --file dev3.yaml] [--verbose]`: plays the multi-turn dialogues of eval/dialogues/
 * through the scripted chat contract (`debtshield chat --jsonl`, the same code the CLI runs, on a fresh embedded
 * store) and checks every reply against its turn's expectations (README.md there). Prints:
 * - the turn pass rate and the dialogues passed whole;
 * - typed turns whose text was saved as evidence although the check expected none (the user's own words);
 * - crisis follow-up turns (after the first crisis turn of a dialogue) handled;
 * - the first-screen length (characters of the reply text, spaces excluded): median and p90;
 * - per-check failure counts.
 * --verbose lists every failing turn with its reply, --only a01,a02 plays those dialogues (development sets only,
 * never on heldout.yaml); --all with --verbose shows passing turns too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../src/paths';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { assembleDeps } from '../src/assemble';
import { loadCliTexts } from '../src/cli/cli-texts';
import { runChatJsonl, type ChatLine } from '../src/cli/chat-jsonl';

interface Expect {
  kind?: string | string[];
  evidence_saved?: number;
  must?: string[];
  must_not?: string[];
  opening?: string[];
  buttons_must?: string[];
}

interface Turn {
  text?: string;
  forward?: { text: string; sent_at?: string | null };
  button?: string | number;
  image?: string;
  at?: string;
  expect: Expect;
}

interface Dialogue {
  id: string;
  title?: string;
  turns: Turn[];
}

interface TurnResult {
  dialogue: string;
  index: number;
  turn: Turn;
  line: ChatLine;
  failures: string[];
  crisisFollowUp: boolean;
}

/** The first sentence of a reply: up to the first 。！？ or line break. */
export function firstSentence(text: string): string {
  const m = /^[\s\S]*?[。！？!?\n]/.exec(text.trim());
  return (m ? m[0] : text).trim();
}

/** Characters a reader sees on the first screen: the reply text without spaces. */
export function screenLength(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

const re = (src: string) => new RegExp(src, 'i');

/** The checks a reply fails (empty when it passes). */
export function checkTurn(expect: Expect, line: ChatLine): string[] {
  const out: string[] = [];
  const kinds = expect.kind === undefined ? undefined : Array.isArray(expect.kind) ? expect.kind : [expect.kind];
  if (kinds && !kinds.includes(line.kind)) out.push(`kind ${line.kind} not in [${kinds.join(', ')}]`);
  if (expect.evidence_saved !== undefined && line.evidence_saved !== expect.evidence_saved) out.push(`evidence_saved ${line.evidence_saved} ≠ ${expect.evidence_saved}`);
  for (const r of expect.must ?? []) if (!re(r).test(line.text)) out.push(`must /${r}/`);
  for (const r of expect.must_not ?? []) if (re(r).test(line.text)) out.push(`must_not /${r}/`);
  const first = firstSentence(line.text);
  for (const r of expect.opening ?? []) if (!re(r).test(first)) out.push(`opening /${r}/`);
  for (const r of expect.buttons_must ?? []) if (!line.buttons.some((b) => re(r).test(b.label))) out.push(`buttons_must /${r}/`);
  return out;
}

/**
 * The contract's event line for a turn. A turn without `at` is sent a minute after the previous turn of its
 * dialogue (a conversation happens in one sitting), or now when no turn before it had a time.
 */
function eventOf(d: Dialogue, t: Turn, previousAt: string | undefined): Record<string, unknown> {
  const e: Record<string, unknown> = { user: d.id };
  if (t.at) e.at = t.at;
  else if (previousAt) e.at = new Date(Date.parse(previousAt) + 60_000).toISOString();
  if (t.text !== undefined) e.text = t.text;
  else if (t.forward) e.forward = { text: t.forward.text, sent_at: t.forward.sent_at ?? null };
  else if (t.button !== undefined) e.button = String(t.button);
  else if (t.image) e.image = join(PACKAGE_ROOT, t.image);
  return e;
}

/** Plays every dialogue through the contract on a fresh embedded store; returns each turn's result. */
export async function playDialogues(dialogues: Dialogue[]): Promise<TurnResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'debtshield-dialogues-'));
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, REDIS_URL: '', TELEGRAM_BOT_TOKEN: '' }, false);
    const deps = assembleDeps(config, createLogger({ level: 'silent', format: 'json' }));
    const input = new PassThrough();
    const output = new PassThrough();
    const lines: ChatLine[] = [];
    let buffered = '';
    output.on('data', (c: Buffer) => {
      buffered += c.toString('utf8');
      let i: number;
      while ((i = buffered.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buffered.slice(0, i)) as ChatLine);
        buffered = buffered.slice(i + 1);
      }
    });
    const order: Array<{ d: Dialogue; i: number }> = [];
    for (const d of dialogues) {
      let previousAt: string | undefined;
      d.turns.forEach((t, i) => {
        order.push({ d, i });
        const e = eventOf(d, t, previousAt);
        previousAt = typeof e.at === 'string' ? e.at : undefined;
        input.write(JSON.stringify(e) + '\n');
      });
    }
    input.end();
    await runChatJsonl(deps, loadCliTexts(), input, output);
    await deps.store.close();
    await deps.ocr?.close?.();
    const crisisSeen = new Set<string>();
    return order.map(({ d, i }, n) => {
      const turn = d.turns[i]!;
      const line = lines[n]!;
      const crisisFollowUp = crisisSeen.has(d.id);
      const kinds = turn.expect.kind === undefined ? [] : Array.isArray(turn.expect.kind) ? turn.expect.kind : [turn.expect.kind];
      if (kinds.includes('crisis')) crisisSeen.add(d.id);
      return { dialogue: d.id, index: i, turn, line, failures: checkTurn(turn.expect, line), crisisFollowUp: crisisFollowUp && kinds.includes('crisis') };
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function main(): Promise<void> {
  const fileArg = process.argv.indexOf('--file');
  const name = fileArg > 0 ? process.argv[fileArg + 1]! : 'dev.yaml';
  const verbose = process.argv.includes('--verbose');
  if (verbose && name.includes('heldout')) throw new Error('--verbose is for development sets only: the held-out set is scored, never read');
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]!.split(',')) : undefined;
  if (only && name.includes('heldout')) throw new Error('--only is for development sets only');
  const dialogues = (parseYaml(readFileSync(join(PACKAGE_ROOT, 'eval', 'dialogues', name), 'utf8')) as Dialogue[]).filter((d) => !only || only.has(d.id));
  const started = Date.now();
  const results = await playDialogues(dialogues);
  const ms = Date.now() - started;

  const passed = results.filter((r) => r.failures.length === 0).length;
  const whole = dialogues.filter((d) => results.filter((r) => r.dialogue === d.id).every((r) => r.failures.length === 0)).length;
  const ownSaved = results.filter((r) => r.turn.text !== undefined && r.line.evidence_saved > 0 && r.turn.expect.evidence_saved === 0).length;
  const typedSaved = results.filter((r) => r.turn.text !== undefined && r.line.evidence_saved > 0).length;
  const crisis = results.filter((r) => r.crisisFollowUp);
  const lengths = results.map((r) => screenLength(r.line.text));
  const byCheck = new Map<string, number>();
  for (const r of results) for (const f of r.failures) {
    const kind = f.split(/[ /]/)[0]!;
    byCheck.set(kind, (byCheck.get(kind) ?? 0) + 1);
  }

  console.log(`${name}: ${dialogues.length} dialogues, ${results.length} turns, ${ms} ms (${(ms / results.length).toFixed(1)} ms a turn, start-up included)`);
  console.log(`turn pass rate                 ${(passed / results.length).toFixed(3)} (${passed}/${results.length})   target ≥ 0.95`);
  console.log(`dialogues passed whole         ${whole}/${dialogues.length}`);
  console.log(`user's own words saved         ${ownSaved}   (typed turns with evidence saved: ${typedSaved})   target 0`);
  console.log(`crisis follow-up turns handled ${crisis.filter((r) => r.failures.length === 0).length}/${crisis.length}   target all`);
  console.log(`first screen (chars)           median ${percentile(lengths, 50)}, p90 ${percentile(lengths, 90)}, max ${Math.max(...lengths)}`);
  console.log(`failures by check              ${[...byCheck].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  if (verbose) {
    for (const r of results.filter((x) => x.failures.length || process.argv.includes('--all'))) {
      const said = r.turn.text ?? (r.turn.forward ? `[forward] ${r.turn.forward.text}` : `[button] ${r.turn.button}`);
      console.log(`\n— ${r.dialogue}#${r.index + 1} ${said.slice(0, 80)}${r.failures.length ? `\n  ✗ ${r.failures.join('\n  ✗ ')}` : ' ✓'}\n  → [${r.line.kind}] ${r.line.text.slice(0, 300).replace(/\n/g, ' ⏎ ')}`);
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
