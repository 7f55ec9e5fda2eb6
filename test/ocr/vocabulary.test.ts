/** knowledge/ocr loads and validates; a broken file is named. */
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { AppError } from '../../src/errors';
import { loadOcrVocabulary } from '../../src/ocr/vocabulary';

const SRC = join(PACKAGE_ROOT, 'knowledge', 'ocr');

describe('loadOcrVocabulary', () => {
  it('loads the shipped files', () => {
    const v = loadOcrVocabulary(SRC);
    expect(v.corrections.get('们收')).toBe('催收');
    expect(v.chrome.ui_words).toContain('发送');
    expect(v.timestamps.relative_days['昨天']).toBe(-1);
  });

  it('names the file and entry of a bad vocabulary, and a misreading listed under two words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocr-vocab-'));
    for (const f of ['chrome.yaml', 'timestamps.yaml']) copyFileSync(join(SRC, f), join(dir, f));
    writeFileSync(join(dir, 'corrections.yaml'), '逾期: [这期]\n律师: [这期]\n');
    writeFileSync(join(dir, 'timestamps.yaml'), 'relative_days: {今天: 3}\nweekdays: {}\nperiods: {}\ndate_markers: {year: [年], month: [月], day: [日]}\n');
    let err: unknown;
    try {
      loadOcrVocabulary(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('KNOWLEDGE_INVALID');
    expect((err as AppError).message).toMatch(/timestamps\.yaml: relative_days/);
    expect((err as AppError).message).toMatch(/"这期" is listed under both "逾期" and "律师"/);
  });
});
