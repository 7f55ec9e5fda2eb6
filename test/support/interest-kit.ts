/** The interest kit over the repository's knowledge/ and prompts/interest.yaml, for the interest tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadKnowledge } from '../../src/knowledge/load';
import { createReplies } from '../../src/replies';
import { createInterestKit, type InterestKit } from '../../src/interest/interest-kit';
import { INTEREST_REPLY_KEYS } from '../../src/interest/interest-reply';
import type { OutboundReply } from '../../src/message';
import { renderText } from '../../src/channels/local/render-text';

export const interestReplies = createReplies(parseYaml(readFileSync(join(PACKAGE_ROOT, 'prompts', 'interest.yaml'), 'utf8')), 'interest.yaml', [...INTEREST_REPLY_KEYS]);

export const interestKit: InterestKit = createInterestKit({ knowledge: loadKnowledge(join(PACKAGE_ROOT, 'knowledge')), replies: interestReplies, knowledgeDir: join(PACKAGE_ROOT, 'knowledge') });

/** The reply as the terminal shows it, without buttons. */
export function shownText(reply: OutboundReply): string {
  return renderText(reply, { buttons: false });
}

/** The first sentence, as a reader meets it (up to the first 。？！ or line break). */
export function firstSentence(text: string): string {
  const m = /^[\s\S]*?[。！？!?\n]/.exec(text.trim());
  return (m ? m[0] : text).trim();
}
