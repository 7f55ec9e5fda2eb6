/**
 * A reply's steps never say the same thing twice (issue 10: "全程录音录像" listed twice when an entry's steps met its
 * guide's): a step that opens with the same instruction as an earlier one is dropped, as is a near copy; steps that
 * only share a short word stay.
 */
import { dedupe } from '../../src/answers/first-screen';

it('drops a step that opens with the same instruction as an earlier one', () => {
  expect(dedupe(['拍照录像留下证据；对方砸门，马上打110。', '拍照录像留下证据，写下来人的长相。', '向贷款机构投诉。'])).toEqual([
    '拍照录像留下证据；对方砸门，马上打110。',
    '向贷款机构投诉。',
  ]);
});

it('keeps steps whose openings differ, or are too short to be an instruction', () => {
  const steps = ['先报警，说清地址。', '先报案，再投诉。', '保存聊天记录，截图带上时间。', '保存通话录音，记下号码。'];
  expect(dedupe(steps)).toEqual(steps);
});
