/**
 * The scripted chat contract, `debtshield chat --jsonl`, through runCli with the real core on the embedded store:
 * one reply line per event, in order, with every field; state per user across lines; interleaved users; buttons
 * by id, label or number; bad lines answered in Chinese with the contract's fields.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { ioWith } from '../support/streams';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ds-chat-'));
  process.env.DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

interface Line {
  user: string | null;
  text: string;
  buttons: Array<{ id: string; label: string }>;
  citations: Array<{ law: string; article: string }>;
  kind: string;
  evidence_saved: number;
  categories?: string[];
}

async function chat(events: Array<Record<string, unknown> | string>): Promise<Line[]> {
  const io = ioWith(events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n') + '\n');
  expect(await runCli(['chat', '--jsonl'], io)).toBe(0);
  return io.stdout.text().trim().split('\n').map((l) => JSON.parse(l) as Line);
}

const THREAT = '再不还钱，明天就上门泼油漆，让你全家不得安宁';
const KINDS = ['answer', 'analysis', 'crisis', 'command', 'confirmation', 'greeting', 'clarify', 'error'];

describe('debtshield chat --jsonl', () => {
  it('writes exactly one line per event, in order, each with every field of the contract', async () => {
    const out = await chat([
      { user: 'a', text: '你好' },
      { user: 'a', forward: { text: THREAT, sent_at: '2026-05-12T23:40:00+08:00' } },
      { user: 'a', text: '/evidence' },
      'not json',
      { user: 'a', text: '催收能上门吗' },
    ]);
    expect(out).toHaveLength(5);
    for (const l of out) {
      expect(typeof l.text).toBe('string');
      expect(Array.isArray(l.buttons)).toBe(true);
      expect(Array.isArray(l.citations)).toBe(true);
      expect(KINDS).toContain(l.kind);
      expect(Number.isInteger(l.evidence_saved)).toBe(true);
    }
    expect(out[1]).toMatchObject({ user: 'a', kind: 'analysis', evidence_saved: 1 });
    expect(out[1]!.categories).toEqual(expect.arrayContaining(['threat', 'off_hours']));
    expect(out[2]).toMatchObject({ kind: 'command', evidence_saved: 0 });
    expect(out[2]!.text).toContain('泼油漆');
    expect(out[3]).toMatchObject({ user: null, kind: 'error' });
    expect(out[3]!.text).toMatch(/[\u4e00-\u9fff]/);
    expect(out[0]!.categories).toBeUndefined();
  });

  it('keeps state per user while users interleave, and stores the same content once', async () => {
    const fwd = (user: string) => ({ user, forward: { text: THREAT, sent_at: null } });
    const out = await chat([fwd('a'), fwd('b'), fwd('a'), { user: 'b', text: '/evidence' }]);
    expect(out.map((l) => [l.user, l.evidence_saved])).toEqual([['a', 1], ['b', 1], ['a', 0], ['b', 0]]);
    expect(out[2]!.text).toMatch(/已经保存过|没有重复保存/);
  });

  it('presses an offered button by its number, its label or its id, and calls an unknown one expired', async () => {
    const first = await chat([{ user: 'a', forward: { text: THREAT, sent_at: null } }]);
    const law = first[0]!.buttons.findIndex((b) => b.id === 'law');
    expect(law).toBeGreaterThanOrEqual(0);
    const label = first[0]!.buttons[law]!.label;
    const out = await chat([
      { user: 'a', button: String(law + 1) },
      { user: 'a', button: 'law' },
      { user: 'a', button: '9' },
    ]);
    expect(out[0]!.text).toMatch(/第五十条/);
    expect(out[0]!.citations.length).toBeGreaterThan(0);
    // The law reply offers no buttons of its own, so "law" is no longer valid.
    expect(out[1]!.text).toMatch(/已过期/);
    expect(out[2]!.text).toMatch(/已过期/);
    const again = await chat([{ user: 'c', forward: { text: THREAT, sent_at: null } }, { user: 'c', button: label }]);
    expect(again[1]!.text).toMatch(/第五十条/);
  });

  it('never analyses a bare number when no button was offered', async () => {
    const [l] = await chat([{ user: 'z', text: '1' }]);
    expect(l!.kind).not.toBe('analysis');
    expect(l!.text).toMatch(/已过期/);
    expect(l!.evidence_saved).toBe(0);
  });

  it('judges a forwarded message at its own send time, and `at` sets when the user sent it', async () => {
    const out = await chat([
      { user: 'a', forward: { text: '您好，您的借款已逾期，请尽快还款。', sent_at: '2026-05-12T23:40:00+08:00' } },
      { user: 'b', forward: { text: '您好，您的借款已逾期，请尽快还款。', sent_at: '2026-05-12T14:00:00+08:00' } },
      { user: 'c', forward: { text: '您好，您的借款已逾期，请尽快还款。', sent_at: 'yesterday' } },
    ]);
    expect(out[0]!.categories).toContain('off_hours');
    expect(out[1]!.categories ?? []).not.toContain('off_hours');
    expect(out[2]).toMatchObject({ kind: 'error', user: 'c' });
    expect(out[2]!.text).toContain('ISO-8601');
  });

  it('reads a time without an offset as China time, not the machine\'s zone', async () => {
    const out = await chat([
      { user: 'a', forward: { text: '您好，您的借款已逾期，请尽快还款。', sent_at: '2026-05-12T23:40:00' } },
      { user: 'b', forward: { text: '您好，您的借款已逾期，请尽快还款。', sent_at: '2026-05-12T14:00' } },
      { user: 'c', forward: { text: '您好，您的借款已逾期，请尽快还款。', sent_at: '5月12日 23:40' } },
    ]);
    expect(out[0]!.categories).toContain('off_hours');
    expect(out[1]!.categories ?? []).not.toContain('off_hours');
    expect(out[2]).toMatchObject({ kind: 'error', user: 'c' });
  });

  it('answers a line that is not JSON with a reply line of the same shape', async () => {
    const out = await chat(['{not json', { user: 'a', text: '/help' }]);
    for (const l of out) expect(Object.keys(l).sort()).toEqual(['buttons', 'citations', 'evidence_saved', 'kind', 'text', 'user']);
    expect(out[0]).toMatchObject({ user: null, kind: 'error' });
    expect(out[0]!.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers an event without a user, or of no known shape, in Chinese with the contract fields', async () => {
    const out = await chat([{ text: '你好' }, { user: 'a' }, '[1,2]', { user: 'a', image: '/nonexistent/x.png' }]);
    expect(out.map((l) => l.kind)).toEqual(['error', 'error', 'error', 'error']);
    for (const l of out) expect(l.text).toMatch(/[\u4e00-\u9fff]/);
    expect(out[3]!.text).toContain('/nonexistent/x.png');
  });

  it('reads an image event from a path and answers a file that is not an image clearly', async () => {
    const file = join(dataDir, 'not-an-image.png');
    writeFileSync(file, 'this is text, not a picture');
    const [l] = await chat([{ user: 'a', image: file }]);
    expect(l!.kind).toBe('error');
    expect(l!.text).toMatch(/图片|格式|读/);
    expect(l!.evidence_saved).toBe(0);
  });

  it('answers 200 interleaved events with 200 lines (speed is measured by npm run eval:dialogues, not here)', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({ user: `u${i % 20}`, text: i % 2 ? '催收能上门吗' : '那我该怎么办' }));
    const out = await chat(events);
    expect(out.map((l) => l.user)).toEqual(events.map((e) => e.user));
  });
});
