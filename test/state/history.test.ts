import { trimHistory } from '../../src/state/history';
import { freshState } from '../../src/state/store';

describe('trimHistory', () => {
  it('keeps N turns whole and folds older user messages into a bounded summary', () => {
    const s = freshState(new Date());
    for (let i = 0; i < 200; i++) s.history.push({ at: String(i), role: i % 2 ? 'bot' : 'user', text: `用户消息${i}`.padEnd(60, '。') });
    trimHistory(s, 3);
    expect(s.history.map((t) => t.at)).toEqual(['194', '195', '196', '197', '198', '199']);
    expect(s.summary.length).toBeLessThanOrEqual(401);
    expect(s.summary.startsWith('…')).toBe(true);
    expect(s.summary).toContain('用户消息192');
    expect(s.summary).not.toContain('用户消息193'); // bot replies are not folded
  });

  it('leaves a short history alone', () => {
    const s = freshState(new Date());
    s.history.push({ at: '1', role: 'user', text: 'a' });
    trimHistory(s, 1);
    expect(s.history).toHaveLength(1);
    expect(s.summary).toBe('');
  });
});
