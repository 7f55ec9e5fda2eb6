/**
 * A loopback stand-in for the WeChat platforms, both sides of them:
 * - the API the bot calls (Official Account and WeCom): access tokens (/cgi-bin/token, /cgi-bin/gettoken) that
 *   can be expired on demand, the customer-service and app message sends (recorded; the 2 048-byte content limit
 *   and a per-minute rate limit enforced as the platform would, with its errcodes), temporary media downloads,
 *   menu creation, and errcodes programmed for the next sends (45015 window closed, -1 busy …);
 * - the platform's calls to the bot: signed (and in secure mode encrypted) callbacks built with @wecom/crypto and
 *   node's sha1 — not with the bot's own modules — and the bot's passive replies checked and decrypted.
 * Used by the WeChat / WeCom tests and by `npm run bench:wechat`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

export interface FakeWechatOptions {
  /** Seconds a granted token lives. Default 7 200. */
  tokenTtlS?: number;
  /** Sends accepted per rolling minute before errcode 45011. Default unlimited. */
  maxSendsPerMinute?: number;
}

export interface SentMessage {
  at: number;
  path: string;
  touser: string;
  content: string;
  agentid?: number;
}

export class FakeWechat {
  readonly sends: SentMessage[] = [];
  readonly menus: unknown[] = [];
  readonly media = new Map<string, { bytes: Buffer; type: string }>();
  /** Token grants handed out, per path. */
  tokenGrants = 0;
  mediaDownloads = 0;
  /** Sends refused for exceeding the rate limit or the content size. */
  rateLimited = 0;
  oversized = 0;
  private readonly tokens = new Map<string, number>();
  private failures: number[] = [];
  private readonly waiters: Array<() => void> = [];

  private constructor(private readonly server: Server, readonly apiRoot: string, private readonly opts: FakeWechatOptions) {}

  static async start(opts: FakeWechatOptions = {}): Promise<FakeWechat> {
    let self!: FakeWechat;
    const server = createServer((req, res) => void self.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new FakeWechat(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, opts);
    return self;
  }

  /** Every token granted so far becomes expired (the next call with one gets 42001). */
  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0);
  }

  /** The next sends answer these errcodes, one each, in order. */
  failNextSends(...errcodes: number[]): void {
    this.failures.push(...errcodes);
  }

  sendsTo(user: string): string[] {
    return this.sends.filter((s) => s.touser === user).map((s) => s.content);
  }

  /** Resolves once `user` has received at least `n` messages; rejects after `timeoutMs`. */
  async waitForSends(user: string, n: number, timeoutMs = 15_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sendsTo(user).length < n) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${n} sends to ${user} (have ${this.sendsTo(user).length})`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    return this.sendsTo(user);
  }

  close(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token' || url.pathname === '/cgi-bin/gettoken') {
      this.tokenGrants++;
      const token = `tok-${randomBytes(8).toString('hex')}`;
      const ttl = this.opts.tokenTtlS ?? 7200;
      this.tokens.set(token, Date.now() + ttl * 1000);
      return json({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: ttl });
    }
    const token = url.searchParams.get('access_token') ?? '';
    const until = this.tokens.get(token);
    if (until === undefined) return json({ errcode: 40001, errmsg: 'invalid credential' });
    if (until <= Date.now()) return json({ errcode: 42001, errmsg: 'access_token expired' });
    if (url.pathname === '/cgi-bin/media/get') {
      const m = this.media.get(url.searchParams.get('media_id') ?? '');
      if (!m) return json({ errcode: 40007, errmsg: 'invalid media_id' });
      this.mediaDownloads++;
      res.writeHead(200, { 'content-type': m.type, 'content-length': m.bytes.length });
      return void res.end(m.bytes);
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { touser?: string; text?: { content?: string }; agentid?: number };
    if (url.pathname === '/cgi-bin/menu/create') {
      this.menus.push(body);
      return json({ errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname === '/cgi-bin/message/custom/send' || url.pathname === '/cgi-bin/message/send') {
      const fail = this.failures.shift();
      if (fail !== undefined) return json({ errcode: fail, errmsg: 'programmed failure' });
      const content = body.text?.content ?? '';
      if (Buffer.byteLength(content, 'utf8') > 2048) {
        this.oversized++;
        return json({ errcode: 45002, errmsg: 'content size out of limit' });
      }
      const max = this.opts.maxSendsPerMinute;
      if (max !== undefined && this.sends.filter((s) => s.at > Date.now() - 60_000).length >= max) {
        this.rateLimited++;
        return json({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
      }
      this.sends.push({ at: Date.now(), path: url.pathname, touser: body.touser ?? '', content, agentid: body.agentid });
      for (const w of this.waiters.splice(0)) w();
      return json({ errcode: 0, errmsg: 'ok' });
    }
    res.writeHead(404);
    res.end();
  }
}

/** How the platform side signs and encrypts: an Official Account in plaintext or secure mode, or a WeCom app. */
export interface PlatformKeys {
  mode: 'plain' | 'aes' | 'wecom';
  token: string;
  /** AppID or CorpID. */
  receiveId: string;
  encodingAesKey?: string;
  agentId?: number;
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** The XML of a callback message, the way the platform writes it (CDATA strings, bare numbers). */
export function callbackXml(fields: Record<string, string | number>): string {
  return `<xml>${Object.entries(fields).map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`)).join('')}</xml>`;
}

/** A signed (and in secure mode encrypted) callback: the query string and the body to POST. */
export function platformCallback(keys: PlatformKeys, fields: Record<string, string | number>, at = Date.now()): { query: string; body: string } {
  const timestamp = String(Math.floor(at / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const plain = callbackXml(fields);
  const q = new URLSearchParams({ timestamp, nonce });
  if (keys.mode !== 'wecom') {
    q.set('signature', sha1([keys.token, timestamp, nonce].sort().join('')));
    q.set('openid', String(fields.FromUserName ?? ''));
  }
  if (keys.mode === 'plain') return { query: q.toString(), body: plain };
  const cipher = encrypt(keys.encodingAesKey!, plain, keys.receiveId);
  q.set('msg_signature', getSignature(keys.token, timestamp, nonce, cipher));
  if (keys.mode === 'aes') q.set('encrypt_type', 'aes');
  const outer = keys.mode === 'wecom'
    ? callbackXml({ ToUserName: keys.receiveId, AgentID: keys.agentId ?? 0, Encrypt: cipher })
    : callbackXml({ ToUserName: String(fields.ToUserName ?? ''), Encrypt: cipher });
  return { query: q.toString(), body: outer };
}

/** The URL-verification GET's query (for WeCom echostr is encrypted and must come back decrypted). */
export function verificationQuery(keys: PlatformKeys, echo: string, at = Date.now()): string {
  const timestamp = String(Math.floor(at / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  if (keys.mode === 'wecom') {
    const echostr = encrypt(keys.encodingAesKey!, echo, keys.receiveId);
    return new URLSearchParams({ msg_signature: getSignature(keys.token, timestamp, nonce, echostr), timestamp, nonce, echostr }).toString();
  }
  return new URLSearchParams({ signature: sha1([keys.token, timestamp, nonce].sort().join('')), timestamp, nonce, echostr: echo }).toString();
}

/** Reads a passive reply: checks its msg_signature and decrypts it in secure mode; returns its Content. */
export function readPassive(keys: PlatformKeys, body: string): { content: string; toUser: string } {
  const field = (xml: string, name: string) => new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  let xml = body;
  if (keys.mode !== 'plain') {
    const cipher = field(body, 'Encrypt')?.[1] ?? '';
    const ts = field(body, 'TimeStamp')?.[2] ?? '';
    const nonce = field(body, 'Nonce')?.[1] ?? '';
    if (getSignature(keys.token, ts, nonce, cipher) !== field(body, 'MsgSignature')?.[1]) throw new Error('passive reply: bad MsgSignature');
    const out = decrypt(keys.encodingAesKey!, cipher);
    if (out.id !== keys.receiveId) throw new Error('passive reply: wrong receiver id');
    xml = out.message;
  }
  return { content: field(xml, 'Content')?.[1] ?? '', toUser: field(xml, 'ToUserName')?.[1] ?? '' };
}
