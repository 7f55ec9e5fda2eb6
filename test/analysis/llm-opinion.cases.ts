/**
 * The analyzer's LLM second opinion against a loopback OpenAI-compatible server: claims backed by words in the
 * message are added, unbacked ones and off_hours dropped, identifiers never leave, failures change nothing.
 */
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { assembleCore } from '../../src/assemble';
import { analyzeOne } from '../../src/cli/analyze-command';
import { mergeOpinion } from '../../src/analysis/second-opinion';
import { PACKAGE_ROOT } from '../../src/paths';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { testCore } from '../support/core-deps';

const TEXT = '请今天之内处理欠款，不然你自己掂量掂量。有事打13812345678。';
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function coreWithLlm(timeoutMs = 5000) {
  return assembleCore(
    loadConfig({ LLM_BASE_URL: fake.baseURL, LLM_API_KEY: 'sk-test', LLM_TIMEOUT_MS: String(timeoutMs), KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts') }, false),
  );
}

describe('second opinion', () => {
  it('the rules alone find nothing in the test message (guard)', () => {
    expect(testCore().analysis.analyzer.analyze({ text: TEXT, sentAt: null }).lawful).toBe(true);
  });

  it('adds a backed claim, drops unbacked ones and off_hours, and never sends the phone number', async () => {
    fake.complete = JSON.stringify({
      findings: [
        { category: 'threat', evidence: '不然你自己掂量掂量' },
        { category: 'insult', evidence: '你这个老赖' },
        { category: 'off_hours', evidence: '请今天之内处理欠款' },
      ],
    });
    const out = await analyzeOne(coreWithLlm(), 'x', TEXT, new Date('2026-06-01T12:00:00+08:00'));
    expect(out.categories).toEqual(['threat']);
    expect(out.lawful).toBe(false);
    expect(out.citations.map((c) => `${c.law}#${c.article}`)).toContain('治安管理处罚法#50');
    const sent = fake.requestsTo('chat').map((r) => r.raw).join('\n');
    expect(sent).toContain('<user_message>');
    expect(sent).not.toContain('13812345678');
    expect(fake.requestsTo('chat')[0]!.body.response_format).toEqual({ type: 'json_object' });
  });

  it('keeps the rules verdict when the model fails, times out or answers garbage', async () => {
    const core = coreWithLlm(1000);
    fake.failChat = 500;
    expect((await analyzeOne(core, 'a', TEXT, null)).lawful).toBe(true);
    fake.reset();
    fake.delayMs = 3000;
    expect((await analyzeOne(core, 'b', TEXT, null)).lawful).toBe(true);
    fake.reset();
    fake.complete = 'not json at all';
    expect((await analyzeOne(core, 'c', TEXT, null)).lawful).toBe(true);
  });

  it('mergeOpinion ignores claims whose evidence is not in the text', () => {
    const { analyzer, describe } = testCore().analysis;
    const base = analyzer.analyze({ text: TEXT, sentAt: null });
    expect(mergeOpinion(base, [{ category: 'violence', evidence: '打断你的腿' }], TEXT, describe).lawful).toBe(true);
    expect(mergeOpinion(base, [{ category: 'threat', evidence: '掂量 掂量' }], TEXT, describe).categories).toEqual(['threat']);
  });
});
