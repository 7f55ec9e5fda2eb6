/**
 * Finding 7 (issue #12), fixed with the move to fastify (issue #14, commit 10ceb24): the attacks as reported,
 * against the web chat as served — a forged /delete and 确认删除 from another origin, any Host header, no CSP,
 * frame-ancestors or Referrer-Policy, no limits per IP or user.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../../src/http/app';
import { webChatRoutes } from '../../src/channels/web/web-chat';
import { MemoryStore } from '../../src/state/memory-store';
import { PACKAGE_ROOT } from '../../src/paths';
import { testDeps } from '../support/core-deps';
import { figure } from './harness';

const HOST = '127.0.0.1:8080';
const store = new MemoryStore();
let app: FastifyInstance;

beforeAll(async () => {
  const deps = testDeps(store);
  app = await buildHttpApp({
    logger: deps.logger,
    store,
    routes: [webChatRoutes({ deps, promptsDir: join(PACKAGE_ROOT, 'prompts'), allowedHosts: [HOST], ratePerIpPerMinute: 30, ratePerUserPerMinute: 5 })],
  });
});
afterAll(() => app.close());

async function session(): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
  return { token: /name="csrf-token" content="([^"]+)"/.exec(res.body)![1]!, cookie: String(res.headers['set-cookie']).split(';')[0]! };
}

const post = (body: object, headers: Record<string, string>, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/chat', remoteAddress: ip, headers: { host: HOST, 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });

describe('finding 7: web chat hardening', () => {
  it('a forged /delete and 确认删除 from another origin are refused and the user keeps their data', async () => {
    const s = await session();
    const own = { origin: `http://${HOST}`, 'x-csrf-token': s.token, cookie: s.cookie };
    expect((await post({ user: 'victim-01', text: '【速借宝】明天不还钱就上门泼油漆' }, own)).statusCode).toBe(200);
    expect(await store.listEvidence('web:victim-01')).toHaveLength(1);

    const statuses = [];
    const forged: Array<Record<string, string>> = [
      { origin: 'https://evil.example' }, // another site's page, no token
      { origin: 'https://evil.example', cookie: s.cookie, 'x-csrf-token': s.token }, // even with the token
      { 'sec-fetch-site': 'cross-site', cookie: s.cookie, 'x-csrf-token': s.token },
      { origin: `http://${HOST}`, cookie: s.cookie }, // same origin claimed, no token
    ];
    for (const headers of forged) {
      statuses.push((await post({ user: 'victim-01', text: '/delete' }, headers)).statusCode);
      statuses.push((await post({ user: 'victim-01', button: 'del:yes' }, headers)).statusCode);
    }
    figure('forged cross-origin /delete + del:yes: statuses', [...new Set(statuses)].join(','));
    expect(new Set(statuses)).toEqual(new Set([403]));
    expect(await store.listEvidence('web:victim-01')).toHaveLength(1);
  });

  it('any other Host is refused (DNS rebinding)', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: 'evil.example' } });
    expect(figure('GET / with Host: evil.example', res.statusCode)).toBe(403);
  });

  it('the page carries a CSP with frame-ancestors none and a Referrer-Policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('limits posts per user and per IP', async () => {
    const s = await session();
    const own = { origin: `http://${HOST}`, 'x-csrf-token': s.token, cookie: s.cookie };
    const perUser = [];
    for (let i = 0; i < 7; i++) perUser.push((await post({ user: 'flooder-01', text: '/help' }, own, '10.0.0.2')).statusCode);
    expect(perUser.filter((c) => c === 429)).toHaveLength(2);
    const perIp = [];
    for (let i = 0; i < 35; i++) perIp.push((await post({ user: `ip-user-${i}`, text: '/help' }, own, '10.0.0.3')).statusCode);
    expect(figure('posts from one IP refused of 35 (limit 30)', perIp.filter((c) => c === 429).length)).toBe(5);
  });
});
