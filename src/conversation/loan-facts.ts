/**
 * Loan numbers over the conversation and the interest check. A turn that describes a loan ("借1万，到手7000，
 * 每月还1050，还12期") gets the real rate and what the law says; a missing number gets one short question, and the
 * answer ("12期", or a bare "12") completes the loan kept in the dialogue state. Buttons: "apr:table" (the
 * repayment table, with a chart for channels that show pictures), "apr:lender:licensed|unlicensed" (who lent).
 */
import { emptyReply, type OutboundReply } from '../message';
import { resolveCites } from '../answers/answer';
import { yuanText } from '../interest/format';
import { asksOrWonders, isQuestion } from './understanding/question-form';
import type { LoanFacts, UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { toldContractDate } from './loan-date';
import { chinaDay } from '../knowledge/knowledge';

/** Two amounts or more in a turn (digits, or Chinese numerals with a magnitude: 一万, 八千). */
const AMOUNT_WORDS = /\d[\d,.]*|[一二两三四五六七八九十]+[百千万][一二两三四五六七八九十百千万]*/g;

/** "本金是9600还是12000啊": the principal named, a word of choice, and two amounts to choose from. */
function choosesAmount(text: string, cues: TurnContext['deps']['cues'], known?: LoanFacts): boolean {
  const amounts = text.match(AMOUNT_WORDS) ?? [];
  if (!cues.either.some((w) => text.includes(w)) || amounts.length < 2) return false;
  if (cues.principal_words.some((w) => text.includes(w))) return true;
  // "按6500还还是按8000还": the loan's own two amounts (what arrived, what the contract says) set against each other.
  const named = new Set(amounts.map((a) => Number(a.replace(/,/g, ''))));
  return known?.principal !== undefined && known.received !== undefined && named.has(known.principal) && named.has(known.received);
}
/**
 * "那3500我还是得还对吧": the turn names only amounts the loan already has (what arrived, what the contract says), so it
 * points at one of them and tells no new loan.
 */
function namesOnlyItsAmounts(text: string, known?: LoanFacts): boolean {
  const amounts = (text.match(AMOUNT_WORDS) ?? []).map((a) => Number(a.replace(/,/g, '')));
  return amounts.length > 0 && known !== undefined && amounts.every((a) => a === known.principal || a === known.received);
}
/** The word of borrowing a loan told without a question must have ("借了6000 分12期"). */
const BORROWED = '借';
/** Characters of the user's question kept with an answer focus. */
const QUESTION_CHARS = 200;

/**
 * A loan answer with citations becomes the focus, as a guide's answer does, so "刚才说的法条什么意思" and the other
 * follow-ups find what was just said (the message analysed before it stays, counted one answer further away).
 */
function focusOnAnswer(s: UserState, question: string, at: string): void {
  const analysis = s.focus?.analysis ? { ...s.focus.analysis, answersSince: (s.focus.analysis.answersSince ?? 0) + 1 } : undefined;
  s.focus = { kind: 'answer', ...(analysis ? { analysis } : {}), answer: { at, question: question.slice(0, QUESTION_CHARS) } };
}

/** Longest reply (characters) still read as a bare number answering the bot's question ("12", "12期吧"). */
const BARE_ANSWER_MAX = 8;

/** The loan facts that are numbers: all but who lent and when ("高利贷" names only the lender's kind). */
function numbersOf(facts: LoanFacts): Partial<LoanFacts> {
  const { lender: _lender, contractDate: _date, ...numbers } = facts;
  return numbers;
}

/**
 * The loan facts `text` states: the parser's reading, with the contract date the turn tells in other words when the
 * parser read none beside the numbers ("去年3月 就是2024年3月 …借了2万": loan-date.ts).
 */
function readLoan(text: string, u: TurnUnderstanding | undefined, receivedAt: Date, turn: TurnContext): LoanFacts {
  const said = turn.loanFacts(text, receivedAt);
  const told = !said.contractDate && u ? toldContractDate(text, u, chinaDay(turn.deps.now()), turn.deps.cues.date_restated) : undefined;
  return told ? { ...said, contractDate: told } : said;
}

/**
 * What arrived, told after the amount lent ("我在一个app借了1万" / "但是到手只有8500 说扣了服务费"): kept with the loan held
 * whatever answers the turn (the upfront-deduction guide often does), so the turn that completes the loan finds it.
 * Only the user's own words, no conduct, less than the amount held, and no other amount lent named.
 */
export function noteReceived(text: string, u: TurnUnderstanding, receivedAt: Date, turn: TurnContext, held: LoanFacts | undefined): void {
  const kit = turn.deps.interest;
  if (!kit || held?.principal === undefined || held.received !== undefined || u.facts.conduct.length > 0) return;
  const said = turn.loanFacts(text, receivedAt);
  if (said.received === undefined || !(said.received > 0) || said.received >= held.principal) return;
  if (said.principal !== undefined && said.principal !== held.principal) return;
  turn.remember(null, (s) => {
    if (s.loan && s.loan.principal === held.principal && s.loan.received === undefined) s.loan = { ...s.loan, received: said.received!, ...(said.fees !== undefined ? { fees: said.fees } : {}) };
  });
}

/** The user moved on: the bot's question for a loan number is dropped. */
export function dropLoanQuestion(turn: TurnContext): void {
  turn.remember(null, (s) => {
    if (s.pending?.kind === 'loan_details') s.pending = undefined;
  });
}

/**
 * A bare percentage quoted from elsewhere ("4倍LPR是多少 网上有人说12%") neither replaces the rate told with its period
 * ("月息2分") nor answers the question for it: dropped from what the turn `said`.
 */
function keepToldRate(said: LoanFacts, held: LoanFacts | undefined): void {
  if (said.rate?.per === 'unknown' && held?.rate && held.rate.per !== 'unknown') delete said.rate;
}

/** True when `said` states an amount that `held` does not already hold (under any name). */
function addsNumbers(said: LoanFacts, held: LoanFacts): boolean {
  const known = new Set(Object.values(numbersOf(held)).filter((v) => typeof v === 'number'));
  return Object.values(numbersOf(said)).some((v) => typeof v !== 'number' || !known.has(v));
}

/** True when `facts` state at least one loan number. */
function statesNumbers(facts: LoanFacts): boolean {
  return Object.keys(numbersOf(facts)).length > 0;
}

/** True when `facts` describe a loan well enough to be worth computing (an amount and how it is repaid). */
export function describesLoan(facts: LoanFacts): boolean {
  const amount = facts.principal !== undefined || facts.received !== undefined;
  const repaid = facts.payment !== undefined || facts.total !== undefined || facts.rate !== undefined || facts.interest !== undefined || (facts.payments?.length ?? 0) > 0;
  return amount && repaid;
}

/**
 * The interest reply for the loan this turn describes, merged with what the conversation already holds; asks for
 * the one missing number when there is one. Undefined when there is no interest check or no loan to compute.
 * `lenderKnown` (named by a collector's message) and `dateKnown` (when the loan was made, told before its numbers)
 * stand in for what neither the turn nor the loan held says.
 */
export function loanTurn(text: string, u: TurnUnderstanding, receivedAt: Date, turn: TurnContext, held: LoanFacts | undefined, lenderKnown?: NonNullable<LoanFacts['lender']>, dateKnown?: string): OutboundReply | undefined {
  const kit = turn.deps.interest;
  if (!kit) return undefined;
  const said = readLoan(text, u, receivedAt, turn);
  // The lender a collector's message named before ("【XX消费金融】…"), when neither this turn nor the loan held names one.
  const lenderRead = !said.lender && !held?.lender && lenderKnown && lenderKnown.type !== 'unknown' ? lenderKnown : undefined;
  if (lenderRead) said.lender = lenderRead;
  // When the loan was made, told in an earlier turn before any of its numbers ("我是2024年3月借的"): this loan's date.
  if (!said.contractDate && !held?.contractDate && dateKnown && statesNumbers(said)) said.contractDate = dateKnown;
  const asksInterest = turn.deps.knowledge.interestCues.some((c) => text.includes(c));
  // A percentage with no rate word and no period is not an interest rate ("成功率99%").
  if (said.rate?.per === 'unknown' && !asksInterest) delete said.rate;
  keepToldRate(said, held);
  // A whole loan described anew ("还有一个 借3000 7天后还3600") is another loan, not numbers added to the last one.
  const merged = describesLoan(said) ? said : { ...(held ?? {}), ...said };
  // About a loan's cost: it describes a loan (an amount and how it is repaid), or gives loan numbers and asks about
  // interest, or asks about the interest of the loan already described. Numbers alone ("信用卡欠了五万") are not,
  // nor where to complain or what to do about it ("我要去哪里投诉这个砍头息"): the guides answer those.
  // Where to complain ("借了5000 每月还800 催收天天打 我想投诉 打12378还是12363") is never a loan described: the guides
  // answer it, and its numbers are kept for a later question about the interest.
  const complains = turn.deps.cues.complaint.some((w) => text.includes(w));
  const asksElse = u.asks === 'can_report' || u.asks === 'what_to_do' || complains;
  // A rate asked about on its own ("平台说日息万五 这个年化多少") or the cap on an amount ("借了3万 借满一年 那最多该付多少
  // 利息"): the one-shot answer (its annual rate and the caps by lender type), not an interview about the loan.
  const rateAlone = said.rate !== undefined && said.rate.per !== 'unknown' && said.principal === undefined && said.received === undefined;
  const capAsked = said.principal !== undefined && !describesLoan(merged) && kit.lawfulQuestionOf(text) !== undefined;
  if (!asksElse && (rateAlone || capAsked) && (asksInterest || capAsked)) {
    const oneShot = lenderRead && rateAlone ? kit.reply(said, receivedAt) : kit.answerText(text, receivedAt);
    if (oneShot && !oneShot.missing) {
      turn.remember(text, (s) => {
        s.loan = merged;
      });
      return oneShot.reply;
    }
  }
  // "我想问下我这个利息合不合法", nothing told yet: the check starts, asking its first number.
  const cues = turn.deps.cues;
  const ownLoanAsked = asksInterest && !statesNumbers(said) && (held === undefined || !statesNumbers(held))
    && cues.own_loan.some((w) => text.includes(w)) && cues.rate_judged.some((w) => text.includes(w));
  if (ownLoanAsked && !asksElse) {
    const facts = { ...(held ?? {}), ...said };
    const first = interestFor(facts, text, turn, held);
    // Nothing told yet ("我想算下我这个利息是不是太高了"): the numbers the check needs are named before the first is asked.
    if (kit.reply(facts, turn.deps.now()).missing) first.blocks.unshift({ style: 'paragraph', text: turn.deps.replies.text('loan_ask_start') });
    return first;
  }
  const about = !complains && (describesLoan(said) || (!asksElse && ((u.act === 'loan_facts' && asksInterest) || (asksInterest && held !== undefined && describesLoan(held)))));
  // A loan told with no question ("借了6000 分12期", or who lent: "我找个人借的钱 朋友介绍的放贷的 不是什么平台"): the
  // check starts, or goes on, by asking the next number it needs; a guide picked by a stray word answers nothing said.
  // Only money borrowed (借): a debt told ("信用卡欠了五万多 …") or a sum asked about is no loan to interview about.
  // Beside a court's paper (cues court_papers: "收到法院寄来的支付令 … 我本金才借了2万") the numbers are what the paper
  // claims against what was borrowed: the paper is answered, and the numbers kept below.
  const courtPaper = cues.court_papers.some((w) => text.includes(w));
  const toldOnly = !asksElse && !courtPaper && u.facts.conduct.length === 0
    && ((u.act === 'loan_facts' && statesNumbers(said) && text.includes(BORROWED) && !asksOrWonders(text))
      || (said.lender !== undefined && !statesNumbers(said) && !isQuestion(text) && cues.own_borrowing.some((w) => text.includes(w))));
  if (!about && toldOnly) return interestFor(gathered(held, said), text, turn, held);
  // The numbers that complete the loan held ("分12期 每期还1000" after "借了1万 到手只有9000"), told with no question of
  // another kind: the loan told over the turns is computed (or its next number asked), not a guide picked by 分期.
  // What a lender offers or the user would ask for ("平台说可以分24期", "我想申请分12期") is no schedule of this loan.
  const completes = !asksElse && !courtPaper && u.facts.conduct.length === 0 && held !== undefined && !describesLoan(held)
    && describesLoan(merged) && statesNumbers(said) && addsNumbers(said, held) && (asksInterest || !asksOrWonders(text))
    && !cues.negotiation.some((w) => text.includes(w)) && !cues.they_said.some((w) => text.includes(w));
  if (!about && completes) return interestFor(merged, text, turn, held);
  if (!about) {
    // A loan told over several turns ("在一个app上借了1万" / "但是到手只有8000" / "分12期 每期还1000 这利息合法吗"):
    // the numbers each turn states are kept while the guides answer it, so the turn that asks finds them all.
    if (statesNumbers(said)) {
      turn.remember(null, (s) => {
        s.loan = gathered(s.loan, said);
      });
    }
    return undefined;
  }
  // Numbers mentioned on the way to another question ("银行说最多给我分24期 … 这能投诉吗") are not a loan to
  // question the user about: the question is answered unless the loan can be computed as it stands.
  // A turn with no number of its own ("高利贷是不是一分都不用还") does not bring back the question for the loan's
  // missing number either: it asks something else, and the guides answer it.
  if ((asksElse || !statesNumbers(said)) && kit.reply(merged, turn.deps.now()).missing) return undefined;
  return interestFor(merged, text, turn, held);
}

/**
 * The loan facts after a turn that states some numbers but not a whole loan: added to what is held, unless the
 * turn names another amount lent than a loan already complete (then it starts that loan afresh, keeping who and when).
 */
function gathered(held: LoanFacts | undefined, said: LoanFacts): LoanFacts {
  if (!held) return said;
  const another = said.principal !== undefined && held.principal !== undefined && said.principal !== held.principal && describesLoan(held);
  return another ? { ...whoAndWhen(held), ...said } : { ...held, ...said };
}

/** Who lent and when, as held: what a new amount keeps from the loan described before. */
function whoAndWhen(held: LoanFacts): LoanFacts {
  return { ...(held.lender ? { lender: held.lender } : {}), ...(held.contractDate ? { contractDate: held.contractDate } : {}) };
}

/** The provision that makes the money received the principal: 利息不得预先在本金中扣除. */
const NO_UPFRONT_DEDUCTION = { law: '民法典', article: '670' };

/** True when `facts` name more lent than arrived: interest taken out of the loan when it was paid. */
function deducted(facts: LoanFacts | undefined): facts is LoanFacts & { principal: number; received: number } {
  // Several loans told, none chosen yet: the amount lent read is only the first one named, not this loan's.
  if (facts?.loans !== undefined) return false;
  return facts?.principal !== undefined && facts.received !== undefined && facts.received > 0 && facts.received < facts.principal;
}

/** The numbers of a deduction, for the replies that name it. */
function deductionVars(facts: LoanFacts & { principal: number; received: number }) {
  return { received: yuanText(facts.received), principal: yuanText(facts.principal), deducted: yuanText(facts.principal - facts.received) };
}

/**
 * "那本金算多少" (or "还要还吗") about a loan whose contract names more than reached the borrower ("合同写借3万 … 只到账
 * 24000"): the principal is what was received (民法典第670条), said with the user's own numbers; a lawsuit threatened over
 * the contract's amount ("他们说不按1万还就告我") gets the same point as the defence in court. Undefined for any other
 * turn, or when nothing was deducted.
 */
export function principalAnswer(text: string, turn: TurnContext, known: LoanFacts | undefined, receivedAt: Date): OutboundReply | undefined {
  const { deps } = turn;
  // "那本金算多少", or "那我现在还要还吗 还是可以不还了": the same answer, led by "还要还" for the second.
  const stillOwe = deps.cues.still_owe_question.some((w) => text.includes(w));
  const oweAmount = deps.cues.owe_amount_question.some((w) => text.includes(w));
  const upfront = deps.cues.upfront_question.some((w) => text.includes(w));
  // "他们说不按1万还就告我": a lawsuit threatened over the contract's amount.
  const sued = deps.cues.they_said.some((w) => text.includes(w)) && deps.cues.sue_threat.some((w) => text.includes(w));
  // "本金是9600还是12000啊" / "那8000还是10000算本金啊": which of the loan's amounts is the principal.
  const choosing = deducted(known) && (choosesAmount(text, deps.cues, known) || ((stillOwe || oweAmount) && namesOnlyItsAmounts(text, known)));
  if (!stillOwe && !oweAmount && !upfront && !sued && !choosing && !deps.cues.principal_question.some((w) => text.includes(w))) return undefined;
  // What this turn adds ("他说利息先扣了 到手只有18000 本金算多少") counts with what was said before; a choice between
  // the amounts of a loan already told names its numbers, and states nothing new.
  const parsed = turn.loanFacts(text, receivedAt);
  const said = choosing ? {} : parsed;
  const held: LoanFacts = { ...(known ?? {}), ...said };
  // "我要还多少" about a loan that can be computed gets its rate and the lawful amount, not this answer.
  const computable = deps.interest ? !deps.interest.reply(held, deps.now()).missing : false;
  if (!stillOwe && oweAmount && computable) return undefined;
  // A loan known only by its stated rate ("月息5分", no schedule) computes no payments: still owed is answered on that rate.
  const byRateOnly = computable && deps.interest ? !deps.interest.reply(held, deps.now()).flows : false;
  if (!deducted(held)) return (stillOwe || oweAmount) && (!computable || byRateOnly) ? statedRateOwed(text, held, turn) : undefined;
  // "这算砍头息吗" about a loan that can be computed: its rate answers more, unless the deduction itself is asked.
  if (upfront && computable && !stillOwe && !oweAmount) return undefined;
  const reply = emptyReply('answer');
  const key = sued ? 'loan_sue_received' : upfront ? 'loan_upfront_received' : stillOwe ? 'loan_still_owe_received' : 'loan_principal_received';
  reply.blocks.push({ style: 'paragraph', text: deps.replies.text(key, deductionVars(held)) });
  return citedAnswer(reply, [NO_UPFRONT_DEDUCTION], text, turn, held);
}

/**
 * "是正规的小贷公司 也一样吗" right after an answer that cited 民法典第670条, about a loan whose contract names more than
 * arrived: yes, 670 binds every lender, so the principal is still what arrived; what differs by lender is the rate
 * cap. The lender named is kept. Undefined for any other turn.
 */
export function sameRuleForLender(text: string, turn: TurnContext, state: UserState | null | undefined, receivedAt: Date): OutboundReply | undefined {
  const { deps } = turn;
  const held = state?.loan;
  if (!deps.interest || !deducted(held) || !deps.cues.same_question.some((w) => text.includes(w))) return undefined;
  const cited = state?.lastCitations?.some((c) => c.law === NO_UPFRONT_DEDUCTION.law && c.article === NO_UPFRONT_DEDUCTION.article);
  const lender = turn.loanFacts(text, receivedAt).lender;
  if (!cited || !lender || lender.type === 'unknown') return undefined;
  const reply = emptyReply('answer');
  const r = deps.replies;
  reply.blocks.push({ style: 'paragraph', text: r.text('loan_deduction_any_lender', deductionVars(held)) + r.text(lender.type === 'licensed' ? 'loan_deduction_rates_licensed' : 'loan_deduction_rates_unlicensed') });
  return citedAnswer(reply, [NO_UPFRONT_DEDUCTION], text, turn, { ...held, lender });
}

/** What decides whether only the principal is owed: the cap on interest, and the principal as what arrived. */
const PRINCIPAL_ONLY_CITES = [{ law: '民间借贷规定', article: '25' }, NO_UPFRONT_DEDUCTION];

/**
 * "能不能只还本金" asked before any loan the check could compute: generally not — principal and the interest within the
 * cap are owed, only interest above it can be refused, and interest deducted when the loan was paid out is no
 * principal (民法典第670条); the numbers that would let the check say how much are asked for. A loan that can be
 * computed gets its amounts instead (loanFollowUp), and how to negotiate it (协商, 谈 …) is the guides'. Undefined for
 * any other turn.
 */
export function principalOnlyAnswer(text: string, turn: TurnContext, held: LoanFacts | undefined): OutboundReply | undefined {
  const { deps } = turn;
  const kit = deps.interest;
  if (!kit || kit.lawfulQuestionOf(text) !== 'principal_only' || deps.cues.negotiation.some((w) => text.includes(w))) return undefined;
  if (held && (describesLoan(held) || held.rate)) return undefined;
  const reply = emptyReply('answer');
  reply.blocks.push({ style: 'paragraph', text: deps.replies.text('loan_principal_only_rule') });
  reply.blocks.push({ style: 'paragraph', text: deps.replies.text('loan_principal_only_numbers') });
  return citedAnswer(reply, PRINCIPAL_ONLY_CITES, text, turn);
}

/**
 * "借了2万 月息10个点 … 我还要还吗" (or "…要还多少"): a loan known by its stated rate, whose schedule the user never
 * gave (the caller checks it cannot be computed as it stands). The answer is yes, but only principal and interest
 * within the cap, led by that rate against the cap — not a question for the term. Undefined when no rate with its
 * period was said.
 */
function statedRateOwed(text: string, held: LoanFacts, turn: TurnContext, lead = true): OutboundReply | undefined {
  const { deps } = turn;
  const kit = deps.interest;
  const rate = held.rate;
  if (!kit || !rate || rate.per === 'unknown' || !held.principal) return undefined;
  // Only the amount lent and its rate: what was repaid so far or is claimed still owed is not a schedule.
  const stated: LoanFacts = { ...whoAndWhen(held), principal: held.principal, rate };
  const result = kit.reply(stated, deps.now());
  if (result.missing) return undefined;
  const reply = result.reply;
  reply.kind = 'answer';
  if (lead) reply.blocks.unshift({ style: 'paragraph', text: deps.replies.text('loan_still_owe_rate') });
  // Answered without the schedule: the question for its missing number is dropped.
  turn.remember(text, (s) => {
    s.loan = stated;
    if (s.pending?.kind === 'loan_details') s.pending = undefined;
  });
  return reply;
}

/**
 * A follow-up on the loan already described: "那合法的话我应该还多少" / "是不是只要还本金" (what is lawfully owed),
 * or who lent and when ("合同上写的是XX小额贷款有限公司 去年11月借的"). Undefined when the turn is not one.
 */
export function loanFollowUp(text: string, u: TurnUnderstanding, receivedAt: Date, turn: TurnContext, held: LoanFacts | undefined): OutboundReply | undefined {
  const kit = turn.deps.interest;
  if (!kit || !held || !(describesLoan(held) || held.rate)) return undefined;
  const said = readLoan(text, u, receivedAt, turn);
  // A bare percentage named ("那这个超没超36%"), before keepToldRate drops it beside a rate told with its period; the
  // parser reads no rate in "有没有超过24%" (a cap, not the loan's), so the number is taken as written.
  const named = said.rate?.per === 'unknown' ? said.rate.percent : said.rate ? undefined : percentNamed(text);
  keepToldRate(said, held);
  const merged = { ...held, ...said };
  const verdict = verdictOnLoan(text, u, said, named, held, turn);
  if (verdict) return verdict;
  // "那我按多少还" (the conversation's own words for what is owed) asks what the lawful amount is, as "该还多少" does.
  const question = kit.lawfulQuestionOf(text) ?? (turn.deps.cues.owe_amount_question.some((w) => text.includes(w)) ? 'how_much' : undefined);
  if (question) {
    // "借了3万 借满一年 那最多该付多少利息" after a rate, the lender and the date were told: the cap on this amount for
    // that lender on that date — the rate said before belongs to another question.
    const anew = said.principal !== undefined && !describesLoan(said) && question === 'how_much';
    const facts: LoanFacts = anew ? { ...whoAndWhen(held), principal: said.principal! } : merged;
    const result = kit.lawfulAmount(facts, turn.deps.now(), question);
    turn.remember(text, (s) => {
      s.loan = facts;
    });
    return result.reply;
  }
  // "那4倍LPR能管到它吗" / "合同是2025年8月签的 4倍到底是多少": the cap for this loan leads (who lent and when, if
  // said now, kept), then the loan's rate — not the same first screen again.
  if (!statesNumbers(said) && turn.deps.cues.cap_question.some((w) => text.includes(w))) {
    const result = kit.reply(merged, turn.deps.now(), true);
    // Only a loan whose rate is known: a question about the cap is no answer to "实际到手多少钱？".
    if (result.flows) {
      turn.remember(text, (s) => {
        s.loan = merged;
      });
      return result.reply;
    }
  }
  // "年化到底多少 说个数" about the loan just computed, nothing new told: its reply again, the rate leading.
  if (!statesNumbers(said) && kit.asksRate(text)) {
    const result = kit.reply(merged, turn.deps.now());
    if (result.flows) {
      turn.remember(text, (s) => {
        s.loan = merged;
      });
      return result.reply;
    }
  }
  // "这利息法院认吗" about a loan known by its stated rate ("借了3万 月息2分"), whose schedule was never told: the rate
  // against the cap answers it; the term is not needed for that.
  const asksInterest = turn.deps.knowledge.interestCues.some((c) => text.includes(c));
  if (asksInterest && !statesNumbers(said) && kit.reply(merged, turn.deps.now()).missing) {
    const stated = statedRateOwed(text, merged, turn, false);
    if (stated) return stated;
  }
  // Who lent and when, said on its own (a report of what collectors did is not: "让我同事都知道" names no lender).
  const onlyWhoAndWhen = Object.keys(said).length > 0 && !statesNumbers(said);
  // Someone named beside the lender ("朋友介绍的一个老板 个人 没牌照") is who lent, not someone collectors contacted —
  // unless the words show something done to them ("他说要去我单位闹 让我同事都知道").
  const contactedSomeone = u.facts.contacted.length > 0 && (said.lender === undefined || turn.deps.analysis.assessConduct(text, receivedAt).findings.length > 0);
  const reportsConduct = u.facts.conduct.length > 0 || contactedSomeone;
  // Who lent, said inside a question of its own while a number is still missing ("高利贷是不是一分都不用还"): kept,
  // and the question answered, not the number asked for again.
  if (onlyWhoAndWhen && asksOrWonders(text) && kit.reply(merged, turn.deps.now()).missing) {
    turn.remember(null, (s) => {
      s.loan = merged;
    });
    return undefined;
  }
  if (onlyWhoAndWhen && !reportsConduct && u.act !== 'distress') return interestFor(merged, text, turn, held);
  return undefined;
}

/**
 * "这利息合法吗" asked about the loan already computed (or known by its stated rate), with no loan number of its own —
 * a sum demanded now ("现在他要我还三万多") is the lender's claim, not the schedule — or "那这个超没超36%" naming a
 * line: whether it is lawful, said first by lender type, then the lawful amount; not the rate's first screen again.
 * Undefined for any other turn, or when the verdict cannot be said from what is known.
 */
function verdictOnLoan(text: string, u: TurnUnderstanding, said: LoanFacts, named: number | undefined, held: LoanFacts, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const kit = deps.interest!;
  const cues = deps.cues;
  // About the interest (利息, 利率, 年化 …) and nothing done by collectors ("他们天天打我公司座机 这算违法吗" is conduct).
  if (u.facts.conduct.length > 0 || u.facts.contacted.length > 0) return undefined;
  const compared = named !== undefined && cues.rate_compared.some((w) => text.includes(w));
  const aboutInterest = deps.knowledge.interestCues.some((c) => text.includes(c));
  const judged = !compared && aboutInterest && cues.rate_judged.some((w) => text.includes(w)) && !deps.cues.complaint.some((w) => text.includes(w));
  if (!compared && !judged) return undefined;
  // Numbers of its own other than the bare percentage or a sum only guessed at ("三万多"): another question. Beside a
  // loan known by its stated rate, a sum to repay with no term or instalment ("他现在让我还5万") is what is demanded.
  const byRate = held.rate !== undefined && held.rate.per !== 'unknown' && !kit.reply(held, deps.now()).flows;
  const demanded = byRate && said.term === undefined && said.payment === undefined;
  // "连本带利" says how the demand is made up, no schedule either.
  const { unstated: _guessed, rate: _named, total: _demand, repayment: _shape, ...rest } = said;
  const told: LoanFacts = demanded ? rest : { ...rest, ...(said.total !== undefined ? { total: said.total } : {}), ...(said.repayment !== undefined ? { repayment: said.repayment } : {}) };
  if (statesNumbers(compared ? told : { ...told, ...(said.rate && said.rate.per !== 'unknown' ? { rate: said.rate } : {}) })) return undefined;
  // A loan known by its stated rate is judged on that rate and the amount lent; a sum demanded is no schedule.
  const now = deps.now();
  // Who lent and when, told with the question ("这利息合法吗 我是2024年3月借的"), count as the loan's.
  const known: LoanFacts = { ...held, ...(said.contractDate ? { contractDate: said.contractDate } : {}), ...(said.lender && said.lender.type !== 'unknown' ? { lender: said.lender } : {}) };
  const facts: LoanFacts = kit.reply(known, now).flows ? known : known.principal !== undefined && known.rate && known.rate.per !== 'unknown' ? { ...whoAndWhen(known), principal: known.principal, rate: known.rate } : known;
  const result = kit.verdict(facts, now, compared ? named : undefined);
  if (!result) return undefined;
  turn.remember(text, (s) => {
    s.loan = facts;
    if (s.pending?.kind === 'loan_details') s.pending = undefined;
  });
  return result.reply;
}

/** A percentage as written ("24%", "36％"), if the text names one. */
function percentNamed(text: string): number | undefined {
  const m = PERCENT_WRITTEN.exec(text);
  return m ? Number(m[1]) : undefined;
}
/** A number written with a percent sign. */
const PERCENT_WRITTEN = /(\d+(?:\.\d+)?)\s*[%％]/u;
/** A year answered alone: "2023", "2023年", "2023年签的". */
const BARE_YEAR = /^\s*((?:19|20)\d{2})\s*年?\s*(?:签的|借的|的)?\s*[。.!！]?\s*$/u;

/**
 * The user answered the bot's question for `missing`: complete the loan and reply again. Undefined when the text
 * supplies nothing new (the user moved on): the question is then dropped and the turn read as usual.
 */
export function loanAnswer(missing: NonNullable<LoanFacts['unstated']>, text: string, receivedAt: Date, held: LoanFacts, turn: TurnContext, yearAsked?: number): OutboundReply | undefined {
  const kit = turn.deps.interest;
  if (!kit) return undefined;
  // "2023" alone: the year it was signed, not a number of the loan (it was read as 2023 instalments). The cap (4 × that
  // day's LPR) differs within a year, so the month is asked, and the year kept for the month told next.
  const year = BARE_YEAR.exec(text)?.[1];
  // Only where no amount is asked for ("每期还多少？" → "2000" is money), or with 年 said.
  const asYear = year !== undefined && (missing === 'term' || missing === 'rate_unit' || text.includes('年')) && Number(year) <= turn.deps.now().getUTCFullYear();
  if (asYear) {
    turn.remember(text, (s) => {
      if (s.pending?.kind === 'loan_details') s.pending.data = { ...(s.pending.data ?? {}), yearAsked: Number(year) };
    });
    return turn.say('loan_year_only', { year });
  }
  // A question of its own that states no loan number ("高利贷是不是一分都不用还") is not an answer, though a bare
  // number could be read out of it (一分 → 1).
  const said = turn.loanFacts(text, receivedAt);
  // A rate asked about on its own while a number is awaited ("他还说逾期违约金一天1% 这也算吗"): that rate is answered
  // (the one-shot reply below), not the question for the number again.
  const amounts = said.principal ?? said.received ?? said.payment ?? said.total;
  if (yearAsked !== undefined && said.rate && said.rate.per !== 'unknown' && amounts === undefined && asksOrWonders(text)) {
    dropLoanQuestion(turn);
    return undefined;
  }
  // "3月" after "2023" alone: that month of the year told.
  if (yearAsked !== undefined && said.contractDate && !/(?:19|20)\d{2}/.test(text)) said.contractDate = `${yearAsked}${said.contractDate.slice(4)}`;
  keepToldRate(said, held);
  // Nor is what collectors said with no new loan number in it ("他们说不按1万还就告我", "催收说不还合同上那3万就起诉我":
  // the amount is their demand, or the contract's amount already told).
  const reported = turn.deps.cues.they_said.some((w) => text.includes(w)) && !addsNumbers(said, held);
  // A question that names only numbers already held ("那本金2万我还要还吗") is no answer either.
  if ((reported || ((!statesNumbers(said) || !addsNumbers(said, held)) && asksOrWonders(text))) && [...text.replace(/\s/g, '')].length > BARE_ANSWER_MAX) {
    dropLoanQuestion(turn);
    return undefined;
  }
  const completed = kit.answerTo(missing, text, receivedAt, held) as LoanFacts;
  // When it was signed, or who lent, told on its own ("借条是2025年9月写的"): kept, and the number still missing asked.
  const toldWhoOrWhen = !asksOrWonders(text) && ((said.contractDate !== undefined && said.contractDate !== held.contractDate) || (said.lender !== undefined && said.lender.type !== held.lender?.type));
  if (toldWhoOrWhen && JSON.stringify(numbersOf(completed)) === JSON.stringify(numbersOf(held))) return interestFor({ ...held, ...whoAndWhen(said) }, text, turn, held);
  // Nothing new but the lender's kind ("高利贷是不是一分都不用还"): the user moved on.
  if (JSON.stringify(numbersOf(completed)) === JSON.stringify(numbersOf(held))) {
    dropLoanQuestion(turn);
    return undefined;
  }
  return interestFor(completed, text, turn, held);
}

/**
 * The reply for `facts`, remembered with them (and the question asked, if a number is missing). `known`, the loan
 * as held before this turn: an upfront deduction told now ("借条上写的1万 到手只有8千") is answered at once (the
 * principal is what arrived, 民法典第670条) even while a number is still missing, which is then asked.
 */
export function interestFor(facts: LoanFacts, userText: string | null, turn: TurnContext, known?: LoanFacts): OutboundReply {
  const kit = turn.deps.interest!;
  const now = turn.deps.now();
  // A stated rate beside a deduction ("借条上写5万 实际转给我4万5 说好月息3分"), already above the cap on what arrived:
  // the verdict needs no term, so none is asked.
  const asIs = kit.reply(facts, now);
  const onReceived = asIs.missing && deducted(facts) ? kit.statedDeducted(facts, now) : undefined;
  const result = onReceived ?? asIs;
  // Who lent, told now ("是一家消费金融公司的app") while a number is still missing: the deduction holds for them too.
  const lender = facts.lender?.type;
  const lenderTold = lender !== undefined && lender !== 'unknown' && lender !== known?.lender?.type ? lender : undefined;
  const reply = !result.missing || !deducted(facts) ? result.reply
    : !deducted(known) ? deductionFirst(facts, result.reply, turn)
    : lenderTold ? deductionForLender(facts, lenderTold, result.reply, turn)
    : result.reply;
  const since = now.toISOString();
  turn.remember(userText, (s) => {
    s.loan = facts;
    s.pending = result.missing ? { kind: 'loan_details', since, data: { missing: result.missing } } : s.pending?.kind === 'loan_details' ? undefined : s.pending;
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: since }));
  });
  return reply;
}


/** `question` (the check's question for its missing number) led by what the deduction means for the principal. */
function deductionFirst(facts: LoanFacts & { principal: number; received: number }, question: OutboundReply, turn: TurnContext): OutboundReply {
  const { deps } = turn;
  const reply = emptyReply('answer');
  // Whether the rate is lawful turns on who lent: the cap that lender faces, or both when nobody said (then the
  // check's question for its missing number).
  const lender = facts.lender?.type;
  const cap = deps.replies.text(lender === 'licensed' ? 'loan_deduction_rates_licensed_told' : lender === 'unlicensed' ? 'loan_deduction_rates_unlicensed' : 'loan_deduction_rates_unknown');
  reply.blocks.push({ style: 'paragraph', text: deps.replies.text('loan_deduction_told', deductionVars(facts)) + cap + deps.replies.text('loan_deduction_still_missing') }, ...question.blocks);
  reply.buttons = [...question.buttons];
  return withLaw(reply, [NO_UPFRONT_DEDUCTION], turn);
}

/**
 * `question` (the check's question for its missing number) led by the deduction as it stands for the lender just
 * named: 民法典第670条 binds every lender, licensed or not; then the cap that lender faces.
 */
function deductionForLender(facts: LoanFacts & { principal: number; received: number }, lender: 'licensed' | 'unlicensed', question: OutboundReply, turn: TurnContext): OutboundReply {
  const r = turn.deps.replies;
  const reply = emptyReply('answer');
  const licensed = lender === 'licensed';
  const lead = r.text(licensed ? 'loan_deduction_lender_told_licensed' : 'loan_deduction_lender_told_unlicensed', deductionVars(facts));
  const cap = r.text(licensed ? 'loan_deduction_rates_licensed_told' : 'loan_deduction_rates_unlicensed');
  reply.blocks.push({ style: 'paragraph', text: lead + cap + r.text('loan_deduction_still_missing') }, ...question.blocks);
  reply.buttons = [...question.buttons];
  return withLaw(reply, [NO_UPFRONT_DEDUCTION], turn);
}

/** `reply` citing `cites` in the versions in force now, with the button that shows their text. */
function withLaw(reply: OutboundReply, cites: Array<{ law: string; article: string }>, turn: TurnContext): OutboundReply {
  const { deps } = turn;
  reply.citations = resolveCites(deps.knowledge, cites, deps.now());
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: deps.replies.text('answer_law_button') });
  return reply;
}

/**
 * A loan answer citing `cites`, remembered as the answer in focus with its citations ("刚才说的法条" finds them), and
 * with the loan facts `loan` kept when given.
 */
function citedAnswer(reply: OutboundReply, cites: Array<{ law: string; article: string }>, text: string, turn: TurnContext, loan?: LoanFacts): OutboundReply {
  withLaw(reply, cites, turn);
  const at = turn.deps.now().toISOString();
  turn.remember(text, (s) => {
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at }));
    if (loan) s.loan = loan;
    focusOnAnswer(s, text, at);
  });
  return reply;
}

/** "apr:table": the repayment table of the loan in the state, with its chart. */
export async function loanTable(turn: TurnContext): Promise<OutboundReply | undefined> {
  const kit = turn.deps.interest;
  const loan = (await turn.state())?.loan;
  if (!kit || !loan) return undefined;
  return kit.withChart(kit.table(loan, turn.deps.now()));
}

/** "apr:lender:licensed|unlicensed": the user says who lent; the comparison follows. */
export async function loanLender(type: 'licensed' | 'unlicensed', turn: TurnContext): Promise<OutboundReply | undefined> {
  const loan = (await turn.state())?.loan;
  if (!turn.deps.interest || !loan) return undefined;
  return interestFor({ ...loan, lender: { ...(loan.lender ?? {}), type } }, null, turn, loan);
}

/** Merges the money, term, dates and lender a turn carries into the state's loan facts (no reply). */
export function mergeLoanFacts(u: TurnUnderstanding, turn: TurnContext): void {
  const f = u.facts;
  const update: LoanFacts = {};
  for (const m of f.amounts) {
    if (m.role === 'principal' || m.role === 'received' || m.role === 'payment' || m.role === 'total') update[m.role] = m.value;
    else if (m.role === 'fee') update.fees = (update.fees ?? 0) + m.value;
  }
  if (f.term) update.term = f.term;
  const contract = f.dates.find((d) => d.role === 'contract');
  if (contract) update.contractDate = contract.iso;
  if (f.lender) update.lender = f.lender;
  if (Object.keys(update).length === 0) return;
  turn.remember(null, (s) => {
    s.loan = { ...(s.loan ?? {}), ...update };
  });
}
