/**
 * An analysed message with many findings still fits the first screen (about 350 characters, the "saved as
 * evidence" line included): the finding lines drop their quoted words first, then the provisions after the first
 * two; the full explanation stays behind "详细说明和全部步骤". Messages are this file's own, none from an eval set.
 */
import { conversation } from '../support/conversation';

const shownLength = (text: string) => [...text.replace(/\s/g, '')].length;

describe('a message with four or five findings', () => {
  it.each([
    '各位街坊邻居、亲戚朋友注意了：刘小军身份证和照片都在这，欠我司网贷三万多不还，谁见到让他赶紧还钱，否则后果自负，过两天我们的人就去他老家坐坐',
    '张丽你个不要脸的老赖 你单位领导和你爸妈我们都通知了 你的照片已经发到你们小区业主群 今晚不还明天就让你全家好看',
  ])('fits in 350 characters with its evidence line: %s', async (text) => {
    const c = conversation(new Date('2026-11-22T23:40:00+08:00'), `afs${text.length}`);
    const r = await c.forward(text, new Date('2026-11-22T23:35:00+08:00'));
    expect(r.kind).toBe('analysis');
    expect(r.categories?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(r.shown).toMatch(/已加密保存为证据/);
    expect(shownLength(r.shown)).toBeLessThanOrEqual(350);
    // the verdict and the debt line stay
    expect(r.shown).toMatch(/违法|不当/);
    expect(r.shown).toMatch(/欠款本身仍然存在/);
  });
});
