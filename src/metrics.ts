/**
 * Prometheus metrics (prom-client), one registry per app instance so tests and several apps in one process do not
 * share counters. What is measured: turns by channel and reply kind, turn latency, acknowledgement latency of the
 * webhooks, queue depth (read from the queue at scrape time), errors by kind, and the platforms' API errors by
 * code. Labels are fixed, small sets: never a user id or message text.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** A turn was answered: channel and reply kind. */
  turn(channel: string, kind: string, seconds: number): void;
  /** A webhook request was answered (the platform's wait). */
  ack(channel: string, seconds: number): void;
  /** Something went wrong that a user may notice: kind is a short code (turn_failed, send_failed, enqueue_failed …). */
  error(kind: string): void;
  /** A platform API call failed with `code` (errcode, http_<status>, network). */
  apiError(channel: string, code: string): void;
  /** Reads the queue depths at scrape time. */
  watchQueue(depth: () => Promise<Record<string, number>>): void;
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults) collectDefaultMetrics({ register: registry, prefix: 'debtshield_' });
  const turns = new Counter({ name: 'debtshield_turns_total', help: 'Turns answered, by channel and reply kind', labelNames: ['channel', 'kind'], registers: [registry] });
  const latency = new Histogram({
    name: 'debtshield_turn_seconds',
    help: 'Time from receiving a message to its reply being ready',
    labelNames: ['channel'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60],
    registers: [registry],
  });
  const acks = new Histogram({
    name: 'debtshield_ack_seconds',
    help: 'Time to answer a platform webhook request',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const errors = new Counter({ name: 'debtshield_errors_total', help: 'Errors by kind', labelNames: ['kind'], registers: [registry] });
  const apiErrors = new Counter({ name: 'debtshield_channel_api_errors_total', help: 'Telegram / WeChat / WeCom API errors by code', labelNames: ['channel', 'code'], registers: [registry] });
  let readDepth: (() => Promise<Record<string, number>>) | undefined;
  new Gauge({
    name: 'debtshield_queue_depth',
    help: 'Jobs waiting, delayed or running, per queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      if (!readDepth) return;
      const depths = await readDepth().catch(() => ({}) as Record<string, number>);
      for (const [queue, n] of Object.entries(depths)) this.set({ queue }, n);
    },
  });
  return {
    registry,
    turn: (channel, kind, seconds) => {
      turns.inc({ channel, kind });
      latency.observe({ channel }, seconds);
    },
    ack: (channel, seconds) => acks.observe({ channel }, seconds),
    error: (kind) => errors.inc({ kind }),
    apiError: (channel, code) => apiErrors.inc({ channel, code }),
    watchQueue: (depth) => {
      readDepth = depth;
    },
  };
}
