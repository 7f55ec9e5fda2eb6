import { loadConfig } from '../src/config';
import { AppError } from '../src/errors';

describe('loadConfig', () => {
  it('runs with nothing set: local chat, no LLM, embedded store', () => {
    const c = loadConfig({}, false);
    expect(c.telegram).toBeUndefined();
    expect(c.llm).toBeUndefined();
    expect(c.redis).toBeUndefined();
    expect(c.state.ttlDays).toBe(30);
    expect(c.log.format).toBe('json');
    expect(c.log.level).toBeUndefined();
  });

  it('lists every bad key at once, with what to set', () => {
    let err: unknown;
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: 'nope', REDIS_URL: 'http://x', HTTP_PORT: '99999', ENCRYPTION_KEY: 'short' }, false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const msg = (err as AppError).message;
    for (const key of ['TELEGRAM_BOT_TOKEN', 'REDIS_URL', 'HTTP_PORT', 'ENCRYPTION_KEY']) expect(msg).toContain(key);
    expect(msg).toContain('openssl rand -base64 32');
    expect((err as AppError).code).toBe('CONFIG_INVALID');
  });

  it('never echoes a secret in the error', () => {
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: 'abcdefghijklmnopqrstuvwxyz' }, false);
      throw new Error('should have failed');
    } catch (e) {
      expect((e as Error).message).not.toContain('abcdefghijklmnopqrstuvwxyz');
    }
  });

  it('requires a webhook secret with a webhook URL', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook' }, false)).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('accepts any OpenAI-compatible base URL, with OPENAI_API_KEY as a fallback key', () => {
    const c = loadConfig({ OPENAI_API_KEY: 'sk-test', LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5' }, false);
    expect(c.llm).toMatchObject({ apiKey: 'sk-test', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5', timeoutMs: 20000 });
  });

  it('lets a keyless local server (Ollama) be configured by base URL alone', () => {
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }, false).llm?.baseURL).toBe('http://127.0.0.1:11434/v1');
  });

  it('decodes the encryption key', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ENCRYPTION_KEY: key }, false).state.encryptionKey?.length).toBe(32);
  });
});
