/**
 * The local web chat over a real HTTP server on loopback and the real core.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createHttpServer } from '../../../src/http/server';
import { webChatRoute, toInbound } from '../../../src/channels/web/web-chat';
import { MemoryStore } from '../../../src/state/memory-store';
import { PACKAGE_ROOT } from '../../../src/paths';
import { testDeps } from '../../support/core-deps';

let server: Server;
let base: string;
const store = new MemoryStore();

beforeAll(async () => {
  const deps = testDeps(store);
  server = createHttpServer({ logger: deps.logger, store, webChat: webChatRoute(deps, join(PACKAGE_ROOT, 'prompts')) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const post = (body: unknown) =>
  fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('web chat', () => {
  it('serves the page', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('api/chat');
  });

  it('answers a collector message with findings, citations and buttons, and keeps evidence per browser user', async () => {
    const res = await post({ user: 'browser-1', text: '明天不还钱就上门泼油漆' });
    const body = (await res.json()) as { ok: boolean; reply: { blocks: unknown[]; citations: Array<{ law: string }>; buttons: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.reply.citations.map((c) => c.law)).toContain('治安管理处罚法');
    expect(body.reply.buttons.length).toBeGreaterThan(0);
    expect(await store.listEvidence('web:browser-1')).toHaveLength(1);
  });

  it('presses buttons and runs commands', async () => {
    const law = (await (await post({ user: 'browser-1', button: 'law' })).json()) as { reply: { citations: unknown[] } };
    expect(law.reply.citations.length).toBeGreaterThan(0);
    const help = (await (await post({ user: 'browser-1', text: '/help' })).json()) as { reply: { blocks: Array<{ text: string }> } };
    expect(help.reply.blocks[0]!.text).toContain('/export');
  });

  it('rejects malformed requests with 400 and wrong methods with 405', async () => {
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ user: 'x', text: 'hi' })).status).toBe(400); // user id too short
    expect((await post({ user: 'browser-2' })).status).toBe(400);
    expect((await fetch(`${base}/api/chat`)).status).toBe(405);
  });

  it('maps requests to inbound messages', () => {
    expect(toInbound({ user: 'browser-3', text: '/export' })).toMatchObject({ kind: 'command', name: 'export', channel: 'web' });
    expect(toInbound({ user: 'browser-3', image: Buffer.from('x').toString('base64'), mime: 'image/png' })).toMatchObject({ kind: 'image' });
    expect(toInbound({ user: '../../etc', text: 'x' })).toBeUndefined();
  });
});
