/**
 * Question types dev27/dev28 and fresh-questions-25 missed (issues 10 and 11), in this file's own wordings (none from
 * an eval set or from the entries' examples). The first sentence answers what was asked, with the provision that
 * governs it:
 * - what a 失信被执行人 is: defined (失信被执行人规定 1), not "限高 and 失信 differ";
 * - a made-up job on the loan application: it depends on 非法占有 (刑法 193), not "honest then unable";
 * - a debt sold on: still owed, to the new creditor (民法典 545/546), not "unlawful collection is no excuse";
 * - "will the police call it a money dispute": even so, insist on reporting the conduct, with a receipt;
 * - calls near midnight, many a night, "normal?": not normal — the 22:00–8:00 line of the standard (not law);
 * - a bad credit record and a child's schooling: the record yes, the school no, only 限高 bars private schools;
 * - "is this lawyer a fake": check first (12348), then report if fake;
 * - Cantonese "they broke the law, so I need not repay?": still owed;
 * - a 支付令 and no money: fifteen days, a written objection only if the debt is disputed, else negotiate;
 * - wages unpaid beside an overdue loan, asking what now: our answer with the 12333 line;
 * - a 砍头息 making the whole contract void: no, the principal is what arrived (民法典 670);
 * - a tip on coins or shares: out of scope in one sentence, 12348;
 * - an "执行局" visit announced by collectors with no court paper ever received: verify, it may be forged.
 */
import { answerer, firstSentence, screen } from '../support/offline-answerer';

const at = new Date('2026-12-07T10:00:00+08:00');

it.each([
  ['失信被执行人到底指的是啥人', 'dishonest-list', /^失信被执行人就是/, /第1条/],
  ['当初借的时候收入是乱填的 会不会有事', 'jail-and-crime', /^要看/, /非法占有/],
  ['转让了的话 银行那边和接手的公司是不是都不用还了', 'debt-assignment', /^要还/, /新债权人/],
  ['报警的话 派出所会不会一句经济纠纷就打发我', 'complaint-channels', /^即使/, /回执/],
  ['催收十二点多还在打 一宿打了五六个 这算正常吗', 'harassment-calls', /^不正常/, /22:00/],
  ['征信不良了 我女儿以后读书会不会被影响', 'credit-report', /^征信会受影响，孩子上学一般不会/, /高收费私立学校/],
  ['这封律师函会不会是假律所冒充的 我要报警吗', 'notices-and-letters', /^要先核实/, /12348/],
  ['佢哋违法咗 咁系咪唔使还啦', 'refuse-to-pay', /^还是要还/, /两回事/],
  ['收到支付令了 可是真的一分钱都没有 该怎么办', 'payment-order', /15日/, /书面异议[\s\S]*协商/],
  ['借款的时候被先扣了砍头息 借款合同是不是直接无效了 我能不还吗', 'refuse-to-pay', /^不是整个合同无效/, /第670条/],
  ['催收讲执行局的人后天上门来看房子 真的假的 法院那边我什么都没收到', 'impersonation-fake-documents', /^先核实/, /12368/],
])('"%s" → %s, its own verdict first', async (q, guide, first, shows) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
  expect(screen(a)).toMatch(shows);
});

it('"老板拖欠工资两个月，网贷也还不上了，我想问一下，怎么办": our answer, with the 12333 line for the wages', async () => {
  const a = await answerer.answer('老板拖欠工资两个月，网贷也还不上了，我想问一下，怎么办', { at });
  expect(a.kind).toBe('answer');
  expect(screen(a)).toMatch(/12333/);
  expect(screen(a)).toMatch(/协商|分期/);
});

it('"想炒币把欠的钱赚回来 推荐个会涨的币": a tip is out of scope, in one sentence', async () => {
  const a = await answerer.answer('想炒币把欠的钱赚回来 推荐个会涨的币', { at });
  expect(a.kind).toBe('out_of_scope');
  expect(firstSentence(screen(a))).toMatch(/不在我能回答的范围/);
  expect(screen(a)).toMatch(/12348/);
});

/** Guards: the neighbouring question types keep their own verdicts. */
it.each([
  ['限制消费和失信被执行人有什么区别', 'dishonest-list', /^不是一回事/],
  ['当时填的单位都是真的 后来厂子倒闭了没钱还 算诈骗吗', 'jail-and-crime', /^不算诈骗/],
  ['冒充律师事务所发律师函犯法吗', 'notices-and-letters', /^违法，但不是冒充国家机关/],
  ['支付令异议书能不能只写没钱还申请分期', 'payment-order', /^不能只说没钱还/],
  ['晚上十点以后还能催收吗', 'harassment-calls', /^法律没有规定具体几点/],
  ['到手只有两千 那我只还两千是不是就行了', 'upfront-interest', /本金/],
])('guard: "%s" stays %s', async (q, guide, first) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
});
