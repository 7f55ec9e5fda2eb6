/**
 * `debtshield web`: the browser chat on this machine (loopback by default), over the same core as every other
 * channel. Runs until SIGINT/SIGTERM.
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import { assembleDeps } from '../assemble';
import { buildHttpApp } from '../http/app';
import { webChatRoutes } from '../channels/web/web-chat';
import type { CliIo } from './io';
import type { Replies } from '../replies';

/** Serves the web chat on HTTP_HOST:HTTP_PORT (or --port); resolves with the exit code after a signal. */
export async function serveWebChat(config: Config, logger: Logger, args: { flags: Map<string, string | true> }, io: CliIo, texts: Replies): Promise<number> {
  const deps = assembleDeps(config, logger);
  const port = args.flags.has('--port') ? Number(args.flags.get('--port')) : config.http.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`${texts.text('port_invalid')}\n`);
    return 2;
  }
  const allowedHosts = args.flags.has('--port') ? [...new Set([config.http.host, '127.0.0.1', 'localhost'])].map((h) => `${h}:${port}`) : config.web.allowedHosts;
  const app = await buildHttpApp({
    logger,
    store: deps.store,
    routes: [webChatRoutes({ deps, promptsDir: config.promptsDir, allowedHosts, ratePerIpPerMinute: config.web.ratePerIpPerMinute, ratePerUserPerMinute: config.limits.ratePerMinute, evidencePerUserPerMinute: config.limits.evidencePerMinute })],
  });
  await app.listen({ port, host: config.http.host });
  const address = app.server.address();
  const shown = typeof address === 'object' && address ? `http://${config.http.host}:${address.port}/` : String(address);
  io.stdout.write(`${texts.text('web_started', { url: shown })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await app.close();
  await deps.ocr?.close?.();
  await deps.store.close();
  return 0;
}
