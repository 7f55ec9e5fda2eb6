import { ERROR_CODES, AppError, toAppError } from '../src/errors';
import { loadReplies } from '../src/replies';
import { PACKAGE_ROOT } from '../src/paths';
import { join } from 'node:path';

describe('error registry', () => {
  const replies = loadReplies(join(PACKAGE_ROOT, 'prompts'));

  it.each(Object.keys(ERROR_CODES))('%s has a non-empty Chinese reply and an operator hint', (code) => {
    const e = new AppError(code as keyof typeof ERROR_CODES, 'x');
    const text = replies.text(e.replyKey);
    expect(text.length).toBeGreaterThan(5);
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(e.hint.length).toBeGreaterThan(5);
  });

  it('wraps unknown throwables as INTERNAL without losing the cause', () => {
    const cause = new Error('boom');
    const e = toAppError(cause);
    expect(e.code).toBe('INTERNAL');
    expect(e.cause).toBe(cause);
  });
});
