/** The configuration contract of the WeChat, WeCom, queue and web-chat settings (issue #14). */
import { loadConfig } from '../src/config';

const WECHAT = {
  WECHAT_TOKEN: 'debtshieldTest42',
  WECHAT_APP_ID: 'wx0123456789abcdef',
  WECHAT_APP_SECRET: '0123456789abcdef0123456789abcdef',
  WECHAT_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};
const WECOM = {
  WECOM_TOKEN: 'debtshieldTest42',
  WECOM_CORP_ID: 'ww0123456789abcdef',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecomSecret_0123456789abcdefXYZ',
  WECOM_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env, false);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('config: WeChat, WeCom, queue, web chat', () => {
  it('reads a full WeChat and WeCom setup, with defaults for the rest', () => {
    const c = loadConfig({ ...WECHAT, ...WECOM, REDIS_URL: 'redis://127.0.0.1:6379', PROCESS_ROLE: 'worker' }, false);
    expect(c.wechat).toEqual({ token: WECHAT.WECHAT_TOKEN, appId: WECHAT.WECHAT_APP_ID, appSecret: WECHAT.WECHAT_APP_SECRET, encodingAesKey: WECHAT.WECHAT_ENCODING_AES_KEY, apiRoot: 'https://api.weixin.qq.com', publishMenu: false, sendPerMinute: 600 });
    expect(c.wecom).toMatchObject({ corpId: WECOM.WECOM_CORP_ID, agentId: 1000002, apiRoot: 'https://qyapi.weixin.qq.com', sendPerMinute: 400 });
    expect(c.role).toBe('worker');
    expect(c.queue).toEqual({ turnConcurrency: 4, ocrConcurrency: 1, lockMs: 30_000 });
    expect(c.web.allowedHosts).toEqual(['127.0.0.1:8080', 'localhost:8080']);
  });

  it('runs the Official Account in plaintext mode when no EncodingAESKey is set', () => {
    const { WECHAT_ENCODING_AES_KEY: _unset, ...plain } = WECHAT;
    expect(loadConfig(plain, false).wechat?.encodingAesKey).toBeUndefined();
  });

  it('fails listing every missing companion key at once', () => {
    const msg = problems({ WECHAT_TOKEN: 'tok123', WECOM_TOKEN: 'tok456' });
    for (const k of ['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_ENCODING_AES_KEY']) expect(msg).toContain(k);
  });

  it('fails on malformed values, naming each with what to set, and never echoes a secret in full', () => {
    const msg = problems({ ...WECHAT, WECHAT_APP_ID: 'gh_123', WECHAT_ENCODING_AES_KEY: 'short', WECHAT_APP_SECRET: 'not-hex-secret-value-0123456789ab', WECOM_SEND_PER_MINUTE: '5000', PROCESS_ROLE: 'both' });
    expect(msg).toMatch(/WECHAT_APP_ID \(set to "gh_123"\): looks like "wx"/);
    expect(msg).toMatch(/WECHAT_ENCODING_AES_KEY .*43 letters or digits/);
    expect(msg).toMatch(/WECHAT_APP_SECRET .*32 hex digits/);
    expect(msg).not.toContain('not-hex-secret-value');
    expect(msg).toContain('WECOM_SEND_PER_MINUTE');
    expect(msg).toContain('PROCESS_ROLE');
  });

  it('requires Redis for separate web and worker processes', () => {
    expect(problems({ PROCESS_ROLE: 'web' })).toMatch(/REDIS_URL .*PROCESS_ROLE=web/);
    expect(problems({ PROCESS_ROLE: 'all' })).toBe('');
  });

  it('takes the web chat hosts as a list', () => {
    expect(loadConfig({ WEB_ALLOWED_HOSTS: 'Chat.Example.org, 127.0.0.1:9000' }, false).web.allowedHosts).toEqual(['chat.example.org', '127.0.0.1:9000']);
  });
});
