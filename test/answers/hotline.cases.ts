import { join } from 'node:path';
import { hotlineAnswer } from '../../src/answers/hotline';
import { loadKnowledge } from '../../src/knowledge/load';
import { loadReplies } from '../../src/replies';

const root = join(__dirname, '..', '..');
const k = loadKnowledge(join(root, 'knowledge'));
const replies = loadReplies(join(root, 'prompts'));
const text = (q: string) => hotlineAnswer(q, k, replies)?.reply.blocks.map((b) => b.text).join('\n');

describe('hotlineAnswer', () => {
  it('says who answers a service number the user asks about, from channels.yaml', () => {
    for (const ch of k.channels.filter((c) => c.number && c.number.length === 5)) {
      const t = text(`${ch.number}是打给谁的`);
      expect(t).toBeDefined();
      expect(t!.startsWith(ch.number!)).toBe(true);
      expect(t).toContain(ch.name);
    }
  });

  it("says when a hotline's facts are only partly verified", () => {
    const partial = k.channels.find((c) => c.number?.length === 5 && c.confidence?.startsWith('PARTIAL'));
    expect(partial).toBeDefined();
    expect(text(`${partial!.number}是干嘛的`)).toContain(partial!.notes!);
  });

  it('leaves questions that only mention a number, name two, or name none to the guides', () => {
    expect(text('我打了12378 他们还是天天打')).toBeUndefined();
    expect(text('12378和12363哪个是什么')).toBeUndefined();
    expect(text('这个号码是干嘛的')).toBeUndefined();
    expect(text('我打了110有用吗')).toBeUndefined();
  });
});
