/**
 * The offline answerer over the shipped knowledge and prompts, as the answer tests drive it: the reply's first screen
 * without buttons and its first sentence.
 */
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLexicalRetriever } from '../../src/knowledge/retriever';
import { createOfflineAnswerer, type Answer } from '../../src/answers/answer';
import { loadReplies } from '../../src/replies';
import { renderText } from '../../src/channels/local/render-text';
import { PACKAGE_ROOT } from '../../src/paths';

export const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
export const replies = loadReplies(join(PACKAGE_ROOT, 'prompts'));
export const answerer = createOfflineAnswerer({ knowledge: k, retriever: createLexicalRetriever(k), replies });

/** The reply as shown, buttons left out. */
export const screen = (a: Answer) => renderText(a.reply, { buttons: false });

/** Up to the first 。！？ or line break. */
export const firstSentence = (t: string) => {
  const m = /[。！？\n]/.exec(t);
  return m ? t.slice(0, m.index + 1) : t;
};
