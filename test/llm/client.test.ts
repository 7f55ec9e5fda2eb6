import { HumanMessage } from '@langchain/core/messages';
import { createChatModel, createEmbeddings, type LlmSettings } from '../../src/llm/client';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

delete process.env.LANGSMITH_TRACING;

let fake: FakeOpenAI;
let settings: LlmSettings;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  settings = { apiKey: 'sk-test-key', baseURL: fake.baseURL, model: 'deepseek-chat', timeoutMs: 5000, embeddingsModel: 'text-embedding-v3' };
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe('createChatModel', () => {
  it('talks Chat Completions to any base URL with the key and model given', async () => {
    fake.complete = '能。';
    const out = await createChatModel(settings).invoke([new HumanMessage('你好')]);
    expect(out.content).toBe('能。');
    const [req] = fake.requestsTo('chat');
    expect(req!.headers.authorization).toBe('Bearer sk-test-key');
    expect(req!.body).toMatchObject({ model: 'deepseek-chat', messages: [{ role: 'user', content: '你好' }] });
    expect(req!.body.stream).toBeFalsy();
  });

  it('streams over SSE with stream()', async () => {
    fake.complete = '不能。催收无权冻结你的银行卡，只有法院可以依法裁定冻结。';
    const pieces: string[] = [];
    for await (const chunk of await createChatModel(settings).stream([new HumanMessage('能冻卡吗')])) pieces.push(String(chunk.content));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(fake.complete);
    expect(fake.requestsTo('chat')[0]!.body).toMatchObject({ stream: true });
    expect(fake.requestsTo('chat')[0]!.body.stream_options).toBeUndefined();
  });

  it('gives up after maxRetries on a 500', async () => {
    fake.failChat = 500;
    await expect(createChatModel(settings, { maxRetries: 0 }).invoke('你好')).rejects.toMatchObject({ status: 500 });
    expect(fake.requestsTo('chat')).toHaveLength(1);
  });
});

describe('createEmbeddings', () => {
  it('is absent without an embeddings model', () => {
    expect(createEmbeddings({ ...settings, embeddingsModel: undefined })).toBeUndefined();
  });

  it('asks for float arrays by default', async () => {
    const e = createEmbeddings(settings)!;
    const [a, b] = await e.embedDocuments(['催收', '爆通讯录']);
    expect(a).toEqual(fake.embed('催收'));
    expect(b).toEqual(fake.embed('爆通讯录'));
    expect(fake.requestsTo('embeddings')[0]!.body).toMatchObject({ model: 'text-embedding-v3', encoding_format: 'float' });
  });

  it('decodes base64 float32 when left to the SDK default', async () => {
    const e = createEmbeddings(settings, { encodingFormat: 'base64' })!;
    const v = await e.embedQuery('上门催收');
    expect(fake.requestsTo('embeddings')[0]!.body.encoding_format).toBe('base64');
    expect(v).toEqual(fake.embed('上门催收')); // small integers survive float32 exactly
  });

  it('batches documents', async () => {
    const e = createEmbeddings(settings, { batchSize: 3 })!;
    const texts = ['一', '二', '三', '四', '五', '六', '七'];
    expect(await e.embedDocuments(texts)).toHaveLength(7);
    expect(fake.requestsTo('embeddings').map((r) => r.body.input.length)).toEqual([3, 3, 1]);
  });
});
