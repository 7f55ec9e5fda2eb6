/**
 * Logs never hold what users said: message text, phone numbers, ID numbers, card numbers or tokens.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';

function sink(): { stream: Writable; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, lines: () => chunks.join('') };
}

describe('logger', () => {
  const secrets = {
    text: '明天不还钱就上门泼油漆',
    phone: '13812345678',
    id: '110101199003071234',
    card: '6222 0202 0202 0202 123',
    token: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  };

  it.each(['json', 'pretty'] as const)('keeps text, numbers and tokens out (%s)', (format) => {
    const s = sink();
    const log = createLogger({ level: 'debug', format, destination: s.stream });
    log.info({ text: secrets.text, question: secrets.text, user: { phone: secrets.phone } }, 'turn');
    log.info(`caller ${secrets.phone} id ${secrets.id} card ${secrets.card}`);
    log.warn({ detail: `token ${secrets.token}` }, 'sent');
    log.child({ turn: 'abc' }).error({ err: new Error(`failed for ${secrets.phone}`) }, 'oops');
    const out = s.lines();
    expect(out.length).toBeGreaterThan(50);
    for (const v of Object.values(secrets)) expect(out).not.toContain(v);
    expect(out).toContain('[redacted]');
    expect(out).toContain('turn');
  });
});
