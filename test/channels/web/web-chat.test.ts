/**
 * The local web chat over the real HTTP app (requests injected, no port) and the real core; and its hardening
 * against other sites: Host and Origin checks, the CSRF token and its SameSite cookie, CSP with nonces and
 * frame-ancestors 'none', Referrer-Policy, and the per-IP and per-user rate limits.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../../../src/http/app';
import { webChatRoutes, toInbound } from '../../../src/channels/web/web-chat';
import { MemoryStore } from '../../../src/state/memory-store';
import { PACKAGE_ROOT } from '../../../src/paths';
import { testDeps } from '../../support/core-deps';

const HOST = '127.0.0.1:8080';
let app: FastifyInstance;
const store = new MemoryStore();

async function build(opts: { ratePerIp?: number; ratePerUser?: number } = {}): Promise<FastifyInstance> {
  const deps = testDeps(store);
  return buildHttpApp({
    logger: deps.logger,
    store,
    routes: [webChatRoutes({ deps, promptsDir: join(PACKAGE_ROOT, 'prompts'), allowedHosts: [HOST, 'localhost:8080'], ratePerIpPerMinute: opts.ratePerIp ?? 1000, ratePerUserPerMinute: opts.ratePerUser ?? 1000 })],
  });
}

beforeAll(async () => {
  app = await build();
});
afterAll(() => app.close());

/** Loads the page like a browser: its CSRF token (meta tag) and cookie. */
async function session(target = app): Promise<{ token: string; cookie: string }> {
  const res = await target.inject({ method: 'GET', url: '/', headers: { host: HOST } });
  const token = /name="csrf-token" content="([^"]+)"/.exec(res.body)![1]!;
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { token, cookie };
}

async function post(body: unknown, headers: Record<string, string> = {}, target = app) {
  const s = await session(target);
  return target.inject({
    method: 'POST',
    url: '/api/chat',
    headers: { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json', 'x-csrf-token': s.token, cookie: s.cookie, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('web chat', () => {
  it('serves the page with a CSRF token, a SameSite cookie, nonces and the security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('api/chat');
    expect(String(res.headers['set-cookie'])).toMatch(/^ds_csrf=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Strict$/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.body).toContain(`<script nonce="${nonce}">`);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a collector message with findings, citations and buttons, and keeps evidence per browser user', async () => {
    const res = await post({ user: 'browser-1', text: '【速借宝】明天不还钱就上门泼油漆' });
    const body = res.json() as { ok: boolean; reply: { blocks: unknown[]; citations: Array<{ law: string }>; buttons: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.reply.citations.map((c) => c.law)).toContain('治安管理处罚法');
    expect(body.reply.buttons.length).toBeGreaterThan(0);
    expect(await store.listEvidence('web:browser-1')).toHaveLength(1);
  });

  it('presses buttons and runs commands', async () => {
    const law = (await post({ user: 'browser-1', button: 'law' })).json() as { reply: { citations: unknown[] } };
    expect(law.reply.citations.length).toBeGreaterThan(0);
    const help = (await post({ user: 'browser-1', text: '/help' })).json() as { reply: { blocks: Array<{ text: string }> } };
    expect(help.reply.blocks[0]!.text).toContain('/export');
  });

  it('rejects malformed requests with 400 and wrong methods with 405', async () => {
    expect((await post('{not json')).statusCode).toBe(400);
    expect((await post({ user: 'x', text: 'hi' })).statusCode).toBe(400); // user id too short
    expect((await post({ user: 'browser-2' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/chat', headers: { host: HOST } })).statusCode).toBe(405);
  });

  it('refuses a forged cross-site /delete: another origin, no token, a wrong token, a cross-site fetch', async () => {
    await post({ user: 'victim-1', text: '【速借宝】明天不还钱就上门泼油漆' });
    const s = await session();
    const forged: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { 'x-csrf-token': '' },
      { 'x-csrf-token': `${s.token}x` },
      { cookie: 'ds_csrf=attacker-chosen-value-123', 'x-csrf-token': 'attacker-chosen-value-123-other' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of forged) {
      expect((await post({ user: 'victim-1', text: '/delete' }, headers)).statusCode).toBe(403);
      expect((await post({ user: 'victim-1', button: 'del:yes' }, headers)).statusCode).toBe(403);
    }
    expect(await store.listEvidence('web:victim-1')).toHaveLength(1);
  });

  it('refuses an unknown Host (DNS rebinding) on the page and the API', async () => {
    expect((await app.inject({ method: 'GET', url: '/', headers: { host: 'evil.example:8080' } })).statusCode).toBe(403);
    expect((await post({ user: 'browser-9', text: '/help' }, { host: 'evil.example:8080', origin: 'http://evil.example:8080' })).statusCode).toBe(403);
  });

  it('limits messages per user and requests per IP', async () => {
    const limited = await build({ ratePerUser: 2, ratePerIp: 1000 });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await post({ user: 'flooder-1', text: '/help' }, {}, limited)).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      expect((await post({ user: 'flooder-2', text: '/help' }, {}, limited)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
    const perIp = await build({ ratePerIp: 2 });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await post({ user: `ip-user-${i}0`, text: '/help' }, {}, perIp)).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await perIp.close();
    }
  });

  it('maps requests to inbound messages', () => {
    expect(toInbound({ user: 'browser-3', text: '/export' })).toMatchObject({ kind: 'command', name: 'export', channel: 'web' });
    expect(toInbound({ user: 'browser-3', image: Buffer.from('x').toString('base64'), mime: 'image/png' })).toMatchObject({ kind: 'image' });
    expect(toInbound({ user: '../../etc', text: 'x' })).toBeUndefined();
  });
});
