/** `debtshield ask` answers a question that describes a whole loan with the computed rate, in process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { ioWith } from '../support/streams';
import { bruteLevelApr } from '../support/brute-apr';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ds-ask-interest-'));
  process.env.DATA_DIR = dataDir;
});
afterAll(() => {
  delete process.env.DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ask with a loan description', () => {
  it('prints the computed rate first, then the comparison and the table', async () => {
    const io = ioWith('');
    const code = await runCli(['ask', '借1万到手7000每月还1050还12期 合法吗'], io);
    expect(code).toBe(0);
    const out = io.stdout.text();
    expect(out.startsWith(`按你给的数字，年化约 ${bruteLevelApr(7000, 1050, 12).toFixed(1)}%`)).toBe(true);
    expect(out).toContain('12378');
    expect(out).toMatch(/第12期/);
  });

  it('ask --jsonl answers the same and cites the provisions', async () => {
    const io = ioWith('{"id":"q1","question":"借了一万，到手七千，每个月还1050，12期，这合法吗"}\n');
    await runCli(['ask', '--jsonl'], io);
    const line = JSON.parse(io.stdout.text().trim()) as { id: string; answer: string; citations: Array<{ law: string; article: string }> };
    expect(line.id).toBe('q1');
    expect(line.answer).toContain(`${bruteLevelApr(7000, 1050, 12).toFixed(1)}%`);
    expect(line.citations).toEqual(expect.arrayContaining([{ law: '民法典', article: '670' }]));
  });
});
