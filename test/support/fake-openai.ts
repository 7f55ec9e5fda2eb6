/**
 * A small OpenAI-compatible server on loopback for tests: POST /v1/chat/completions (JSON, or SSE when
 * `stream: true`) and POST /v1/embeddings (base64 float32 when encoding_format is "base64" — the openai SDK's
 * default — plain arrays otherwise). It records every request and can be told to delay, fail with a status, or
 * answer with a scripted completion.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  /** The raw request body, for "this string never reached the server" checks. */
  raw: string;
}

export interface ChatMessage {
  role: string;
  content: string;
}

export type Completion = string | ((messages: ChatMessage[], body: any) => string);

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:PORT/v1 — what LLM_BASE_URL would be. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Requests to one endpoint: 'chat' or 'embeddings'. */
  requestsTo(kind: 'chat' | 'embeddings'): RecordedRequest[];
  /** What chat completions answer (default: a fixed short Chinese answer). */
  complete: Completion;
  /** Milliseconds to wait before answering any request. */
  delayMs: number;
  /** When set, every request to that endpoint fails with this HTTP status. */
  failChat?: number;
  failEmbeddings?: number;
  /** Headers sent with a scripted failure, e.g. { 'retry-after': '30' } with failChat = 429. */
  failHeaders?: Record<string, string>;
  /** Text → vector; default: a deterministic hashed bag of character bigrams. */
  embed: (text: string) => number[];
  /** Forget recorded requests and restore defaults. */
  reset(): void;
  close(): Promise<void>;
}

export const EMBEDDING_DIMS = 64;

/** Starts the server on 127.0.0.1 with an ephemeral port. Close it in afterAll. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeOpenAI = {
    baseURL: '',
    requests: [],
    requestsTo: (kind) => fake.requests.filter((r) => r.path.endsWith(kind === 'chat' ? '/chat/completions' : '/embeddings')),
    complete: '能。这是测试服务器的固定回答。',
    delayMs: 0,
    embed: hashedEmbedding,
    reset() {
      fake.requests.length = 0;
      fake.complete = '能。这是测试服务器的固定回答。';
      fake.delayMs = 0;
      fake.failChat = undefined;
      fake.failEmbeddings = undefined;
      fake.failHeaders = undefined;
      fake.embed = hashedEmbedding;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        return send(res, 400, { error: { message: 'invalid JSON' } });
      }
      fake.requests.push({ path: req.url ?? '', headers: req.headers, body, raw });
      const timer = setTimeout(() => route(req, res, body), fake.delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function route(req: IncomingMessage, res: ServerResponse, body: any): void {
    if (res.destroyed) return;
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/v1/chat/completions') {
      if (fake.failChat) return send(res, fake.failChat, { error: { message: 'scripted failure', type: 'server_error' } }, fake.failHeaders);
      const text = typeof fake.complete === 'function' ? fake.complete(body.messages as ChatMessage[], body) : fake.complete;
      return body.stream ? streamChat(res, body, text) : send(res, 200, chatJson(body, text));
    }
    if (req.method === 'POST' && url === '/v1/embeddings') {
      if (fake.failEmbeddings) return send(res, fake.failEmbeddings, { error: { message: 'scripted failure', type: 'server_error' } });
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const base64 = body.encoding_format === 'base64';
      const data = inputs.map((t, index) => {
        const v = fake.embed(String(t));
        return { object: 'embedding', index, embedding: base64 ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v };
      });
      return send(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
    }
    send(res, 404, { error: { message: `no route ${req.method} ${url}` } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

function send(res: ServerResponse, status: number, obj: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(obj));
}

function chatJson(body: any, text: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function streamChat(res: ServerResponse, body: any, text: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
  const pieces = [...text].reduce<string[]>((acc, ch, i) => {
    if (i % 8 === 0) acc.push(ch);
    else acc[acc.length - 1] += ch;
    return acc;
  }, []);
  res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`);
  for (const p of pieces) res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
  res.end('data: [DONE]\n\n');
}

/** A deterministic vector: character bigrams hashed into EMBEDDING_DIMS buckets. */
export function hashedEmbedding(text: string): number[] {
  const v: number[] = Array.from({ length: EMBEDDING_DIMS }, () => 0);
  const chars = [...text.replace(/\s+/g, '')];
  for (let i = 0; i + 1 < chars.length; i++) {
    let h = 2166136261;
    for (const c of chars[i]! + chars[i + 1]!) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
    v[(h >>> 0) % EMBEDDING_DIMS]! += 1;
  }
  if (!v.some((x) => x !== 0)) v[0] = 1;
  return v;
}
