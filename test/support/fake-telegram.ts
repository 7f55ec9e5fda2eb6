/**
 * A small Bot API server on 127.0.0.1 (random port) for tests and the bench: the real telegraf talks to it over
 * HTTP exactly as it would to api.telegram.org. It implements getMe, long-poll getUpdates (a request is held
 * until an update arrives or its timeout passes), sendMessage, editMessageText, sendChatAction, getFile and
 * file downloads, answerCallbackQuery, setMyCommands, deleteWebhook and setWebhook. Every call is recorded;
 * faults (a 400 "can't parse entities", a 429 with retry_after, a 500) can be programmed per method.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: Record<string, any>;
  /** performance-style ms timestamp (Date.now()). */
  at: number;
  /** HTTP status answered (200, or the programmed fault). */
  status: number;
}

export interface Fault {
  method: string;
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** Only calls whose body matches fail. */
  when?: (body: Record<string, unknown>) => boolean;
  status: number;
  description: string;
  parameters?: Record<string, unknown>;
}

interface QueuedUpdate {
  update: { update_id: number; [k: string]: unknown };
  delivered: boolean;
}

interface Poller {
  offset: number;
  limit: number;
  respond: (updates: unknown[]) => void;
}

interface CallWaiter {
  match: (c: RecordedCall) => boolean;
  count: number;
  found: RecordedCall[];
  resolve: (calls: RecordedCall[]) => void;
}

export interface FakeUser {
  id: number;
  first_name?: string;
  username?: string;
}

/** A fake Bot API server; start() listens on a random loopback port. */
export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  readonly token: string;
  readonly botUser = { id: 7000000001, is_bot: true, first_name: 'DebtShield', username: 'debtshield_test_bot' };
  private server!: Server;
  private queue: QueuedUpdate[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private poller: Poller | undefined;
  private flushScheduled = false;
  private faults: Array<Fault & { left: number }> = [];
  private files = new Map<string, { path: string; bytes: Buffer }>();
  private waiters: CallWaiter[] = [];
  private sentByChat = new Map<number, RecordedCall[]>();
  private pushed = new Map<number, Record<string, unknown> & { update_id: number }>();
  webhook: { url: string; secret_token?: string } | undefined;
  apiRoot = '';

  private constructor(token: string) {
    this.token = token;
  }

  /** Starts a server on 127.0.0.1 with a fresh random token. */
  static async start(token = `${Math.floor(1e9 + Math.random() * 9e9)}:${randomBytes(18).toString('base64url')}`): Promise<FakeTelegram> {
    const fake = new FakeTelegram(token);
    fake.server = createServer((req, res) => void fake.route(req, res));
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.apiRoot = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  // ---- feeding updates -------------------------------------------------------------------------------------

  /** Queues an update; assigns the next update_id unless one is given (to simulate a redelivery). */
  pushUpdate(update: Record<string, unknown> & { update_id?: number }): number {
    const id = update.update_id ?? this.nextUpdateId++;
    const full = { ...update, update_id: id };
    this.pushed.set(id, full);
    this.queue.push({ update: full, delivered: false });
    this.scheduleFlush();
    return id;
  }

  /** The update last pushed with `updateId`, to push again as a redelivery. */
  lastUpdate(updateId: number): (Record<string, unknown> & { update_id: number }) | undefined {
    return this.pushed.get(updateId);
  }

  /** A private text message from `user`. */
  sendText(user: FakeUser, text: string, extra: Record<string, unknown> = {}): number {
    return this.pushUpdate({ message: this.message(user, { text, ...extra }) });
  }

  /** A command such as "/start" (with the bot_command entity Telegram adds). */
  sendCommand(user: FakeUser, command: string): number {
    const len = command.split(/\s/)[0]!.length;
    return this.sendText(user, command, { entities: [{ type: 'bot_command', offset: 0, length: len }] });
  }

  /** A forwarded message; `origin` defaults to a hidden user, `date` is the original send time (unix s). */
  forward(user: FakeUser, text: string, date: number, origin: Record<string, unknown> = { type: 'hidden_user', sender_user_name: 'Collector' }): number {
    return this.pushUpdate({ message: this.message(user, { text, forward_origin: { ...origin, date } }) });
  }

  /** A photo with the given sizes (registered files). */
  sendPhoto(user: FakeUser, sizes: Array<{ fileId: string; width: number; height: number }>, caption?: string): number {
    return this.pushUpdate({
      message: this.message(user, {
        caption,
        photo: sizes.map((s) => ({ file_id: s.fileId, file_unique_id: `u${s.fileId}`, width: s.width, height: s.height, file_size: this.files.get(s.fileId)?.bytes.length })),
      }),
    });
  }

  /** A document (file) message. */
  sendDocument(user: FakeUser, fileId: string, fileName: string, mimeType: string): number {
    return this.pushUpdate({
      message: this.message(user, { document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, mime_type: mimeType, file_size: this.files.get(fileId)?.bytes.length ?? 1234 } }),
    });
  }

  /** A press on an inline button with `data` under the bot's message `messageId`; returns the query id. */
  press(user: FakeUser, data: string, messageId = 1, chat: Record<string, unknown> = { id: user.id, type: 'private' }): string {
    const id = randomBytes(8).toString('hex');
    this.pushUpdate({ callback_query: { id, from: this.user(user), chat_instance: '1', data, message: { message_id: messageId, date: now(), chat } } });
    return id;
  }

  /** A text message in a group chat. */
  sendGroupText(chatId: number, user: FakeUser, text: string): number {
    return this.pushUpdate({ message: { ...this.message(user, { text }), chat: { id: chatId, type: 'group', title: 'Group' } } });
  }

  /** Registers a downloadable file; returns its file_id. */
  addFile(bytes: Buffer, ext = 'jpg'): string {
    const fileId = `F${randomBytes(6).toString('hex')}`;
    this.files.set(fileId, { path: `photos/file_${this.files.size}.${ext}`, bytes });
    return fileId;
  }

  private message(user: FakeUser, fields: Record<string, unknown>): Record<string, unknown> {
    return { message_id: this.nextMessageId++, date: now(), chat: { id: user.id, type: 'private', first_name: user.first_name ?? 'User' }, from: this.user(user), ...fields };
  }

  private user(u: FakeUser): Record<string, unknown> {
    return { id: u.id, is_bot: false, first_name: u.first_name ?? 'User', username: u.username };
  }

  // ---- faults and observation ------------------------------------------------------------------------------

  /** Makes the next matching call(s) of `fault.method` fail as described. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The next sendMessage with parse_mode HTML is refused with 400 "can't parse entities". */
  rejectEntitiesOnce(): void {
    this.fail({
      method: 'sendMessage',
      when: (b) => b.parse_mode === 'HTML',
      status: 400,
      description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0",
    });
  }

  /** The next `times` sendMessage calls get 429 with retry_after. */
  rateLimit(retryAfter: number, times = 1, method = 'sendMessage'): void {
    this.fail({ method, times, status: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
  }

  /** Recorded calls of `method` (optionally to `chatId`). */
  callsOf(method: string, chatId?: number): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && (chatId === undefined || Number(c.body.chat_id) === chatId));
  }

  /** Messages successfully sent to `chatId`, in order. */
  messagesTo(chatId: number): RecordedCall[] {
    return [...(this.sentByChat.get(chatId) ?? [])];
  }

  /** How many messages were successfully sent to `chatId` (cheap, for load tests). */
  messageCount(chatId: number): number {
    return this.sentByChat.get(chatId)?.length ?? 0;
  }

  /** Resolves with the first `count` calls (past and future) matching `match`; rejects after `timeoutMs`. */
  waitForCalls(match: (c: RecordedCall) => boolean, count = 1, timeoutMs = 10_000): Promise<RecordedCall[]> {
    const found = this.calls.filter(match).slice(0, count);
    if (found.length >= count) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: CallWaiter = { match, count, found, resolve: () => undefined };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`fake telegram: expected ${count} matching calls within ${timeoutMs} ms, got ${waiter.found.length}`));
      }, timeoutMs);
      waiter.resolve = (calls) => {
        clearTimeout(timer);
        resolve(calls);
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with the first `count` successful messages to `chatId`. */
  waitForMessages(chatId: number, count = 1, timeoutMs = 10_000): Promise<RecordedCall[]> {
    return this.waitForCalls((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.body.chat_id) === chatId, count, timeoutMs);
  }

  /** Stops answering: held long polls get an empty result, connections are closed. */
  async close(): Promise<void> {
    this.poller?.respond([]);
    this.poller = undefined;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- the Bot API ----------------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(file[1]!, file[2]!, res);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const body = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = m as unknown as [string, string, string];
    if (token !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });

    const fault = this.faults.find((f) => f.method === method && f.left > 0 && (!f.when || f.when(body)));
    if (fault) {
      fault.left--;
      this.record(method, body, fault.status);
      return reply(res, fault.status, { ok: false, error_code: fault.status, description: fault.description, parameters: fault.parameters });
    }
    if (method !== 'getUpdates') this.record(method, body, 200);
    const ok = (result: unknown) => reply(res, 200, { ok: true, result });
    switch (method) {
      case 'getMe':
        return ok(this.botUser);
      case 'getUpdates':
        return this.getUpdates(body, req, res);
      case 'sendMessage':
        return ok({ message_id: this.nextMessageId++, date: now(), chat: { id: Number(body.chat_id), type: 'private' }, text: body.text });
      case 'editMessageText':
        return ok({ message_id: Number(body.message_id), date: now(), chat: { id: Number(body.chat_id), type: 'private' }, text: body.text });
      case 'sendChatAction':
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteWebhook':
        if (method === 'deleteWebhook') this.webhook = undefined;
        return ok(true);
      case 'setWebhook':
        this.webhook = { url: String(body.url), secret_token: body.secret_token as string | undefined };
        return ok(true);
      case 'sendDocument':
      case 'sendPhoto':
        return ok({ message_id: this.nextMessageId++, date: now(), chat: { id: Number(body.chat_id), type: 'private' } });
      case 'getFile': {
        const f = this.files.get(String(body.file_id));
        if (!f) return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        return ok({ file_id: body.file_id, file_unique_id: `u${String(body.file_id)}`, file_size: f.bytes.length, file_path: f.path });
      }
      default:
        return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    }
  }

  private getUpdates(body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): void {
    const offset = Number(body.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(body.limit ?? 100)));
    const timeout = Number(body.timeout ?? 0);
    this.record('getUpdates', body, 200);
    // A newer poll replaces an older one (Telegram would answer 409 to a second poller).
    this.poller?.respond([]);
    this.poller = undefined;
    const batch = this.take(offset, limit);
    if (batch.length > 0 || timeout <= 0) return reply(res, 200, { ok: true, result: batch });
    let answered = false;
    const poller: Poller = {
      offset,
      limit,
      respond: (updates) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        if (this.poller === poller) this.poller = undefined;
        if (!res.writableEnded && !res.destroyed) reply(res, 200, { ok: true, result: updates });
      },
    };
    const timer = setTimeout(() => poller.respond([]), timeout * 1000);
    // A client that gives up (telegraf stopping) must not receive updates it will never read.
    res.on('close', () => {
      if (!answered) {
        answered = true;
        clearTimeout(timer);
        if (this.poller === poller) this.poller = undefined;
      }
    });
    void req;
    this.poller = poller;
  }

  /** Confirms updates below `offset`, then hands out up to `limit` of the rest. */
  private take(offset: number, limit: number): unknown[] {
    if (offset > 0) this.queue = this.queue.filter((q) => !(q.delivered && q.update.update_id < offset));
    const batch = this.queue.slice(0, limit);
    for (const q of batch) q.delivered = true;
    return batch.map((q) => q.update);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const p = this.poller;
      if (!p) return;
      const batch = this.take(p.offset, p.limit);
      if (batch.length > 0) p.respond(batch);
    });
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    if (token !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const f = [...this.files.values()].find((x) => x.path === path);
    this.record('downloadFile', { path }, f ? 200 : 404);
    if (!f) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.bytes.length });
    res.end(f.bytes);
  }

  private record(method: string, body: Record<string, unknown>, status: number): void {
    const call: RecordedCall = { method, body, at: Date.now(), status };
    this.calls.push(call);
    if (method === 'sendMessage' && status === 200) {
      const chatId = Number(body.chat_id);
      const list = this.sentByChat.get(chatId) ?? [];
      list.push(call);
      this.sentByChat.set(chatId, list);
    }
    for (const w of [...this.waiters]) {
      if (!w.match(call)) continue;
      w.found.push(call);
      if (w.found.length >= w.count) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(w.found);
      }
    }
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (chunks.length === 0) return {};
  const raw = Buffer.concat(chunks);
  const boundary = /multipart\/form-data;.*boundary=("?)([^";]+)\1/i.exec(String(req.headers['content-type'] ?? ''))?.[2];
  if (boundary) return readMultipart(raw, boundary);
  const text = raw.toString('utf8');
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

/** An uploaded file as the fake records it (sendDocument, sendPhoto with bytes). */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/** Fields of a multipart body: text fields as strings, files as UploadedFile. */
function readMultipart(raw: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2; // past CRLF
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start, next - 2); // before CRLF
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name) out[name] = filename !== undefined ? ({ filename, bytes: Buffer.from(content) } satisfies UploadedFile) : content.toString('utf8');
    at = next;
  }
  return out;
}
