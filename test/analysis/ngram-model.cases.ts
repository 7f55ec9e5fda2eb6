/**
 * The statistical second pass: the shipped model file loads and predicts, claims come with a clause of the
 * message as evidence, the threshold is respected, off_hours is never claimed and harassment_frequency only with
 * a number in the span, a malformed file stops the boot, and analyzeCollectorText applies it after the rules and
 * before the LLM opinion.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisKit } from '../../src/assemble';
import { createNormalizer } from '../../src/analysis/normalize';
import {
  charNgrams,
  createNgramModel,
  featurizer,
  NGRAM_MODEL_FILE,
  parseNgramModel,
  trainNgramModel,
  userLineRe,
  type NgramModelFile,
  type TrainingExample,
} from '../../src/analysis/ngram-model';
import { analyzeCollectorText, analyzeWithStatistical, type OpinionClaim } from '../../src/analysis/second-opinion';
import { readJsonl, type LabelledMessage } from '../../bench/analyze';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analysisDir = join(PACKAGE_ROOT, 'knowledge', 'analysis');
const rules = loadAnalysisRules(analysisDir);
const normalizer = createNormalizer(Object.entries(rules.lexicon.variants).map(([from, to]) => ({ from, to })));
const options = { normalize: (t: string) => normalizer.normalize(t).text, userLine: userLineRe(rules.lexicon.speaker.user) };

/** A tiny synthetic training set: "蓝莓" marks threat, "每天打" harassment; the rest is lawful. */
const EXAMPLES: TrainingExample[] = [
  ...['蓝莓在等你', '小心蓝莓', '蓝莓今晚到', '蓝莓认识你', '蓝莓会来的', '蓝莓已经出发'].map((text) => ({ text, categories: ['threat' as const] })),
  ...['我们每天打给你', '每天打十个', '每天打到你接'].map((text) => ({ text, categories: ['harassment_frequency' as const] })),
  ...['请按时还款', '您的账单已出', '如有困难请联系客服', '本期已结清', '感谢您的配合', '请查收短信', '祝您生活愉快', '您好请回电'].map((text) => ({
    text,
    categories: [],
  })),
];
const trained = trainNgramModel(EXAMPLES, { ...options, minDf: 1, epochs: 60, threshold: 0.6 });

describe('charNgrams', () => {
  it('yields the 1–3-grams of each stretch, punctuation as a boundary', () => {
    const g = charNgrams('你好，呀');
    expect(g.has('你')).toBe(true);
    expect(g.has('你好')).toBe(true);
    expect(g.has('|你好')).toBe(true);
    expect(g.has('好|呀')).toBe(true);
    expect(g.has('，')).toBe(false);
  });
});

describe('the shipped model (knowledge/analysis/ngram-model.json)', () => {
  const file = join(analysisDir, NGRAM_MODEL_FILE);
  const present = existsSync(file);

  (present ? it : it.skip)('validates, stays small and predicts a probability per category', () => {
    expect(readFileSync(file).length).toBeLessThan(1024 * 1024);
    const parsed = parseNgramModel(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsed.categories.off_hours).toBeUndefined();
    const model = createNgramModel(parsed, options);
    const p = model.predict('再不还钱，我们就去你家门口堵你，让你好看。');
    expect(p.threat).toBeGreaterThan(0.5);
    for (const v of Object.values(p)) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    // Round 11 chose per-category thresholds (0.5–0.9) by leave-one-set-out (train:analyzer --loso).
    expect(model.threshold('threat')).toBeGreaterThanOrEqual(0.5);
    expect(model.threshold('threat')).toBeLessThan(1);
  });

  (present ? it : it.skip)('adds nothing to a lawful message of the labelled set (calling a lawful message unlawful is the worst error)', () => {
    const kit = analysisKit(rules, analysisDir);
    const lawful = readJsonl<LabelledMessage>(join(PACKAGE_ROOT, 'eval', 'analyze', 'messages.jsonl')).filter((m) => m.lawful);
    expect(lawful.length).toBeGreaterThan(100);
    const flagged = lawful.filter((m) => !analyzeWithStatistical(kit, m.text, m.sent_at ? new Date(m.sent_at) : null).lawful).map((m) => m.id);
    expect(flagged).toEqual([]);
  });

  (present ? it : it.skip)('does not call two collector lines an hour apart excessive frequency (threshold 0.8, issue 11)', () => {
    // harassment_frequency's threshold was raised 0.6 → 0.8 on fresh-16…31, which the model never trained on: 6 false
    // claims there (2 on lawful messages) and none of its 2 true ones lost. New wording; the model gives it about 0.72.
    const kit = analysisKit(rules, analysisDir);
    const a = analyzeWithStatistical(kit, '催收 21:05\n人呢\n催收 21:58\n明天上午给你爸打电话', null);
    expect(a.categories).not.toContain('harassment_frequency');
  });

  (present ? it : it.skip)('is loaded by analysisKit when the file exists, and not without a directory', () => {
    expect(analysisKit(rules, analysisDir).statistical).toBeDefined();
    expect(analysisKit(rules).statistical).toBeUndefined();
  });
});

describe('featurizer: word classes', () => {
  const classes = [{ name: 'FAMILY', words: ['你妈', '你爸', '你老婆'] }];

  it('gives two synonyms of one class the same n-grams around the class mark, and only with classes', () => {
    const withClasses = featurizer(1, 3, classes);
    const a = withClasses('你妈每天买菜');
    const b = withClasses('你爸每天买菜');
    const shared = [...a].filter((g) => b.has(g) && /[\ue000-\uf8ff]/.test(g));
    expect(shared.length).toBeGreaterThan(0);
    const plain = featurizer(1, 3);
    expect([...plain('你妈每天买菜')].some((g) => /[\ue000-\uf8ff]/.test(g))).toBe(false);
    // A text with no class word gets exactly its character n-grams.
    expect([...withClasses('请按时还款')].sort()).toEqual([...charNgrams('请按时还款')].sort());
  });

  it('lets a model trained on one relative score an unseen synonym like the seen one', () => {
    const examples: TrainingExample[] = [
      ...['你妈每天几点买菜我们清楚', '你妈每天去公园', '你妈每天下午出门', '你妈每天晚上散步'].map((text) => ({ text, categories: ['threat' as const] })),
      ...['请按时还款', '您的账单已出', '如有困难请联系客服', '本期已结清', '感谢您的配合', '请查收短信', '每天都可以还款', '你可以每天查看账单'].map((text) => ({
        text,
        categories: [],
      })),
    ];
    const opts = { ...options, minDf: 1, epochs: 60, threshold: 0.6 };
    const plain = createNgramModel(trainNgramModel(examples, opts), options);
    const classed = createNgramModel(trainNgramModel(examples, { ...opts, classes }), options);
    const unseen = '你老婆每天几点出门';
    expect(classed.predict(unseen).threat!).toBeGreaterThan(plain.predict(unseen).threat!);
  });
});

describe('createNgramModel: claims', () => {
  const model = createNgramModel(trained, options);

  it('claims a category at or above the threshold, with a clause of the text as evidence', () => {
    const text = '您好，蓝莓今晚到你家。请回电';
    const p = model.predict(text).threat!;
    expect(p).toBeGreaterThan(model.predict('您好，请回电').threat!);
    const claims = createNgramModel({ ...trained, threshold: p }, options).review(text);
    const threat = claims.find((c) => c.category === 'threat');
    expect(threat).toBeDefined();
    expect(text).toContain(threat!.evidence);
    expect(threat!.evidence).toContain('蓝莓');
    expect(threat!.evidence).not.toMatch(/[，。]/);
  });

  it('respects the threshold', () => {
    const text = '蓝莓今晚到你家';
    const p = model.predict(text).threat!;
    const above = createNgramModel({ ...trained, threshold: Math.min(0.999999, p + (1 - p) / 2) }, options);
    const below = createNgramModel({ ...trained, threshold: Math.max(0.000001, p / 2) }, options);
    expect(above.review(text).some((c) => c.category === 'threat')).toBe(false);
    expect(below.review(text).some((c) => c.category === 'threat')).toBe(true);
    const perCategory = createNgramModel({ ...trained, threshold: 0.01, thresholds: { threat: 0.999999 } }, options);
    expect(perCategory.review(text).some((c) => c.category === 'threat')).toBe(false);
  });

  it('never claims off_hours, and harassment_frequency only with a number or frequency word in the span', () => {
    const loose = createNgramModel({ ...trained, threshold: 0.000001 }, options);
    expect(loose.review('蓝莓每天打').some((c) => c.category === 'off_hours')).toBe(false);
    const claims = loose.review('我们打给你');
    const freq = claims.find((c) => c.category === 'harassment_frequency');
    if (freq) expect(freq.evidence).toMatch(/[0-9一二两三四五六七八九十百千几]|每|天天|不停|一直/);
    expect(loose.review('您好').some((c) => c.category === 'harassment_frequency')).toBe(false);
  });

  it('leaves the user\'s own lines of a transcript out', () => {
    const userOnly = model.predict('催收员：请按时还款\n我：蓝莓今晚到').threat!;
    const collector = model.predict('催收员：蓝莓今晚到\n我：请按时还款').threat!;
    expect(userOnly).toBeLessThan(collector);
    for (const c of model.review('催收员：请按时还款\n我：蓝莓今晚到')) expect(c.evidence).not.toContain('蓝莓');
  });
});

describe('parseNgramModel and analysisKit: a malformed file is a KNOWLEDGE_INVALID error', () => {
  const bad: unknown[] = [
    {},
    { ...trained, version: 2 },
    { ...trained, threshold: 1.5 },
    { ...trained, categories: { threat: { bias: 0, weights: { 蓝: 'x' } } } },
    { ...trained, categories: { off_hours: { bias: 0, weights: {} } } },
    { ...trained, categories: { nonsense: { bias: 0, weights: {} } } },
  ];
  it.each(bad.map((b, i) => [i, b] as const))('rejects malformed model #%d', (_i, raw) => {
    expect(() => parseNgramModel(raw)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_INVALID' }));
  });

  it('accepts what the trainer writes', () => {
    const roundTrip: NgramModelFile = parseNgramModel(JSON.parse(JSON.stringify(trained)));
    expect(roundTrip.threshold).toBe(0.6);
  });

  it('stops analysisKit when the file is not JSON or not a model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-'));
    try {
      writeFileSync(join(dir, NGRAM_MODEL_FILE), '{not json');
      expect(() => analysisKit(rules, dir)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_INVALID' }));
      writeFileSync(join(dir, NGRAM_MODEL_FILE), JSON.stringify({ version: 1 }));
      expect(() => analysisKit(rules, dir)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_INVALID' }));
      rmSync(join(dir, NGRAM_MODEL_FILE));
      expect(analysisKit(rules, dir).statistical).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('analyzeCollectorText with the statistical pass', () => {
  const kit = analysisKit(rules);
  const text = '您好，蓝莓今晚到你家。';

  it('adds the model\'s category after the rules, with its evidence, and still asks the LLM', async () => {
    const seen: string[] = [];
    const llm = {
      review: async (t: string): Promise<OpinionClaim[]> => {
        seen.push(t);
        return [{ category: 'insult', evidence: '蓝莓今晚' }];
      },
    };
    const a = await analyzeCollectorText(
      { ...kit, statistical: createNgramModel(trained, options), secondOpinion: llm },
      text,
      null,
    );
    expect(a.categories).toEqual(expect.arrayContaining(['threat', 'insult']));
    expect(text).toContain(a.findings.find((f) => f.category === 'threat')!.evidence);
    expect(seen).toEqual([text]);
  });

  it('does not run on the user\'s own question, and a throwing model means no claims', async () => {
    const statistical = { review: () => [{ category: 'threat' as const, evidence: '催收' }] };
    const user = await analyzeCollectorText({ ...kit, statistical }, '催收说要爆我通讯录，能投诉吗？', null);
    expect(user.categories).toEqual([]);
    const throwing = {
      review: (): OpinionClaim[] => {
        throw new Error('boom');
      },
    };
    const a = await analyzeCollectorText({ ...kit, statistical: throwing }, '您好，请按时还款。', null);
    expect(a.categories).toEqual([]);
  });

  it('drops a claim whose evidence is not in the text', async () => {
    const statistical = { review: () => [{ category: 'threat' as const, evidence: '不在原文里的话' }] };
    const a = await analyzeCollectorText({ ...kit, statistical }, '您好，请按时还款。', null);
    expect(a.categories).toEqual([]);
  });
});
