/**
 * The act reader's whole-message small talk: a message made only of greeting, thanks or short-answer words. The
 * split into listed words must stay linear: 嗯 is both a short answer and a filler, and a text that almost splits
 * ("嗯嗯…嗯x") once made the search try every way of cutting it (211 s for eighteen 嗯).
 */
import { realUnderstanding } from './setup';
import type { TurnFacts } from '../../../src/conversation/understanding/types';

const { pipeline } = realUnderstanding();
const at = new Date('2026-03-10T10:00:00+08:00');
const noFacts: TurnFacts = { amounts: [], dates: [], contacted: [], conduct: [] };
const whole = (text: string) => pipeline.acts.signals(pipeline.read(text), noFacts).whole;

describe('whole-message small talk', () => {
  it('reads greetings, thanks and bare answers made of listed words and fillers', () => {
    expect(whole('你好呀')).toBe('greeting');
    expect(whole('好的 谢谢')).toBe('thanks');
    expect(whole('嗯嗯 是的')).toBe('ack');
    expect(whole('嗯'.repeat(24))).toBe('ack');
  });

  it('rejects a text one character short of splitting, at the longest length it considers', () => {
    // 23 × 嗯 + x: every way of cutting the 嗯 run fails at the x; the backtracking split never returned.
    expect(whole(`${'嗯'.repeat(23)}x`)).toBeUndefined();
    expect(whole(`${'嗯嗯好的'.repeat(5)}好的x`)).toBeUndefined();
  });

  it('understands 10,000 characters of 嗯 followed by x', () => {
    const text = `${'嗯'.repeat(10_000)}x`;
    expect(whole(text)).toBeUndefined();
    const u = pipeline.understand(text, 'asked', at);
    expect(u.speaker).toBe('user');
    expect(u.act).toBe('reply');
    expect(u.crisis).toBe('none');
  });
});

describe('what a report of a claim asks', () => {
  const asks = (text: string) => pipeline.understand(text, 'none', at).asks;
  it('lets the clause that asks decide: a jail question beside "催收说我这是诈骗" is not a request to judge the claim', () => {
    expect(asks('网贷逾期了会坐牢吗 催收说我这是诈骗 要报案抓我')).not.toBe('judge');
  });
  it('still judges when the judging words are themselves asked, or nothing else is asked', () => {
    expect(asks('他说我是诈骗 这算不算违法')).toBe('judge');
    expect(asks('他们天天打电话骂我 这算违法吗')).toBe('judge');
  });
});

describe('whose doing a judging question is about', () => {
  const judged = (text: string) => pipeline.understand(text, 'analysis', at).judged;
  it('the collectors or their message: pointed at, named, or the user as the one it was done to', () => {
    expect(judged('这种短信算不算恐吓')).toBe('them');
    expect(judged('他们把我照片发到家族群 这样违法吗')).toBe('them');
    expect(judged('我被他们堵在楼道里骂了半小时 合法吗')).toBe('them');
  });
  it('the user themselves or a third party doing something', () => {
    expect(judged('我就是工资发晚了才没还上 我这算不算恶意逃债')).toBe('other');
    expect(judged('万一单位知道了把我辞退 违法吗')).toBe('other');
    expect(judged('我老婆替我去跟他们吵了一架 算不算违法')).toBe('other');
  });
  it('a pointer ("这个") stands for what was said before it', () => {
    expect(judged('单位要是因为催收的事辞退我 这个违法吗')).toBe('other');
    expect(judged('我都说了下个月还 他们还是天天打 这算不算骚扰')).toBe('them');
  });
  it('nobody named: left unset', () => {
    expect(judged('合法吗')).toBeUndefined();
  });
});
