import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { assembleCore } from '../../src/assemble';
import { PACKAGE_ROOT } from '../../src/paths';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

delete process.env.LANGSMITH_TRACING;

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const base = { KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts') };
const at = new Date('2026-06-01T12:00:00+08:00');
const q = '催收骂我怎么办';

describe('assembleCore with an LLM configured', () => {
  it('answers through the model at LLM_BASE_URL, with hybrid retrieval when LLM_EMBEDDINGS_MODEL is set', async () => {
    fake.complete = '不能。辱骂违法，可以报警。';
    const core = assembleCore(loadConfig({ ...base, LLM_BASE_URL: fake.baseURL, LLM_API_KEY: 'k', LLM_MODEL: 'qwen-plus', LLM_EMBEDDINGS_MODEL: 'text-embedding-v3' }, false));
    const result = await core.answerer.answer(q, { at });
    expect(result.reply.blocks.map((b) => b.text).join('')).toBe('不能。辱骂违法，可以报警。');
    expect(fake.requestsTo('chat')[0]!.body.model).toBe('qwen-plus');
    const embeddingInputs = fake.requestsTo('embeddings').flatMap((r) => r.body.input as string[]);
    expect(embeddingInputs).toContain(q); // the query, after the documents
    expect(embeddingInputs.length).toBeGreaterThan(100);
  });

  it('uses BM25 alone without an embeddings model', async () => {
    const core = assembleCore(loadConfig({ ...base, LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'llama3.1' }, false));
    await core.answerer.answer(q, { at });
    expect(fake.requestsTo('chat')).toHaveLength(1);
    expect(fake.requestsTo('embeddings')).toHaveLength(0);
  });

  it('stays offline without an LLM', async () => {
    const core = assembleCore(loadConfig(base, false));
    const result = await core.answerer.answer(q, { at });
    expect(result.reply.notices).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});
