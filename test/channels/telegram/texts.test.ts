/** telegram.yaml: a description for every command the core knows, checked at load. */
import { join } from 'node:path';
import { createTelegramTexts, loadTelegramTexts } from '../../../src/channels/telegram/texts';
import { COMMANDS } from '../../../src/conversation/commands';
import { AppError } from '../../../src/errors';
import { PACKAGE_ROOT } from '../../../src/paths';

describe('telegram texts', () => {
  it('has a menu description for every command, in order', () => {
    const texts = loadTelegramTexts(join(PACKAGE_ROOT, 'prompts'));
    expect(texts.commands.map((c) => c.command)).toEqual([...COMMANDS]);
    for (const c of texts.commands) expect(c.description.length).toBeGreaterThan(0);
    expect(texts.text('image_too_large', { max: 10 })).toContain('10');
  });

  it('names every missing entry', () => {
    try {
      createTelegramTexts({ commands: { start: 'x' } }, 'bad.yaml');
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toMatch(/commands\.help.*commands\.privacy.*image_too_large/);
    }
  });
});
