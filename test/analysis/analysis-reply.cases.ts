/**
 * The analysis reply cites what the law said on the day the message was sent, and only what the message shows:
 * every citation for messages dated 2019–2026 was in force that day; conditions (公开, 反复, 非法债务, 出售或提供个人
 * 信息, 冒充国家机关 or a law firm) decide what is cited and what is only explained as "如果…"; lawful lawsuit notices
 * and lawyer's letters say how to verify them; the six-month limit is stated for old conduct.
 */
import { renderAnalysis, type AnalysisView } from '../../src/analysis/analysis-reply';
import { analyzeCollectorText } from '../../src/analysis/second-opinion';
import { chinaDay, type Article } from '../../src/knowledge/knowledge';
import { renderText } from '../../src/channels/local/render-text';
import { testCore } from '../support/core-deps';

const core = testCore();
const NOW = new Date('2026-11-30T12:00:00+08:00');

async function view(text: string, sentAt: string, now = NOW): Promise<AnalysisView> {
  const at = new Date(sentAt);
  const analysis = await analyzeCollectorText(core.analysis, text, at);
  return renderAnalysis(analysis, at, core, text, now);
}

const cited = (v: AnalysisView) => v.citations.map((c) => `${c.law}#${c.article}`);
const detail = (v: AnalysisView) => renderText(v.detail, { buttons: false });

/** The article we hold for a citation (law, number and in-force date identify it). */
function heldArticle(law: string, article: string, from: string): Article {
  const a = core.knowledge.allArticles.find((x) => x.law === law && x.article === article && x.effectiveFrom === from);
  if (!a) throw new Error(`no held article ${law} ${article} in force from ${from}`);
  return a;
}

/** Collector messages covering every category and the conditions that add provisions. */
const MESSAGES = [
  '再不还钱就打断你的腿，高利贷也是债。',
  '我是城关派出所的民警，你涉嫌诈骗已经立案，这是立案告知书，明天上门拘留你。',
  '【盛达律师事务所】律师函：你恶意拖欠已涉嫌诈骗罪，本所将移送公安机关追究刑事责任。',
  '你的身份证照片和欠款截图我们已经发到你们家族群了，你这个老赖，群里的人都看看。',
  '我们已经给你领导打了电话，说了你欠钱不还的事。',
  '今天已经给你打了二十个电话了，第二十一个马上来，砍头息的钱也得还。',
  '我们的人已经在你家门口守了两天了，今天不还钱别想出门。',
  '不还钱就等着坐牢吧，你孩子以后考公政审都过不了。',
  '不交五千块保证金，明天就去你家砸门。',
  '你的通讯录我们已经卖给别的平台了。',
];

/** The first day of every quarter from 2019 to 2026, at noon in China. */
const DATES: string[] = [];
for (let y = 2019; y <= 2026; y++) for (const m of ['01', '04', '07', '10']) DATES.push(`${y}-${m}-01T12:00:00+08:00`);
// The days around the changes that matter.
DATES.push('2020-12-31T23:30:00+08:00', '2021-01-01T09:00:00+08:00', '2021-02-28T12:00:00+08:00', '2021-03-01T09:00:00+08:00');
DATES.push('2021-10-31T12:00:00+08:00', '2021-11-01T09:00:00+08:00', '2025-12-31T23:59:00+08:00', '2026-01-01T00:01:00+08:00');

describe('renderAnalysis: citations by send date', () => {
  it('cites, for messages sent across 2019–2026, only texts in force on the send date', async () => {
    let checked = 0;
    for (const sentAt of DATES) {
      const day = chinaDay(new Date(sentAt));
      for (const text of MESSAGES) {
        const v = await view(text, sentAt);
        for (const c of v.citations) {
          const a = heldArticle(c.law, c.article, c.effectiveFrom);
          const inForce = a.effectiveFrom <= day && (a.effectiveUntil === null || day <= a.effectiveUntil);
          if (!inForce) throw new Error(`${sentAt}: 《${c.law}》${c.article} (in force ${a.effectiveFrom}…${a.effectiveUntil ?? ''}) cited for: ${text}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('does not cite 民法典, 个人信息保护法 or 刑法第二百九十三条之一 for a 2020 message, and says they did not yet apply', async () => {
    const v = await view(MESSAGES[3]!, '2020-06-01T10:00:00+08:00');
    expect(cited(v).some((c) => /^(民法典|个人信息保护法)#/.test(c))).toBe(false);
    expect(detail(v)).toMatch(/还没有施行[^。]*《民法典》/);
    const debt = await view(MESSAGES[0]!, '2020-06-01T10:00:00+08:00');
    expect(cited(debt)).not.toContain('刑法#293-1');
    expect(detail(debt)).toMatch(/第二百九十三条之一（现行文本自 2021-03-01 起施行）/);
  });

  it('follows each text into force: 民法典 from 2021-01-01, 293之一 from 2021-03-01, 个人信息保护法 from 2021-11-01', async () => {
    expect(cited(await view(MESSAGES[4]!, '2021-01-01T09:00:00+08:00'))).toContain('民法典#1032');
    expect(cited(await view(MESSAGES[0]!, '2021-02-28T12:00:00+08:00'))).not.toContain('刑法#293-1');
    expect(cited(await view(MESSAGES[0]!, '2021-03-01T09:00:00+08:00'))).toContain('刑法#293-1');
    expect(cited(await view(MESSAGES[4]!, '2021-10-31T12:00:00+08:00'))).not.toContain('个人信息保护法#10');
    expect(cited(await view(MESSAGES[4]!, '2021-11-01T09:00:00+08:00'))).toContain('个人信息保护法#10');
  });

  it('cites the old 治安管理处罚法 article before 2026 and the new one from 2026-01-01', async () => {
    const old = cited(await view(MESSAGES[0]!, '2025-12-31T23:59:00+08:00'));
    expect(old).toContain('治安管理处罚法#42');
    expect(old).not.toContain('治安管理处罚法#50');
    const now = cited(await view(MESSAGES[0]!, '2026-01-01T00:01:00+08:00'));
    expect(now).toContain('治安管理处罚法#50');
    expect(now).not.toContain('治安管理处罚法#42');
  });
});

describe('renderAnalysis: conditions decide what is cited', () => {
  const at = '2026-05-12T10:00:00+08:00';

  it('a private insult cites the civil code, and names 公然侮辱 only as a condition', async () => {
    const v = await view('你这个老赖，真是个废物。', at);
    expect(cited(v)).toContain('民法典#1024');
    expect(cited(v)).not.toContain('治安管理处罚法#50');
    expect(cited(v)).not.toContain('刑法#246');
    expect(detail(v)).toMatch(/如果辱骂是在群里[^。]*公开进行的，还可能适用《治安管理处罚法》第五十条/);
  });

  it('an insult posted in a group cites 治安管理处罚法第五十条 (公然侮辱)', async () => {
    const v = await view(MESSAGES[3]!, at);
    expect(cited(v)).toEqual(expect.arrayContaining(['治安管理处罚法#50', '刑法#246']));
  });

  it('one threatening message cites 第五十条第一款第（一）项, and 第（五）项 only as 如果反复发送', async () => {
    const v = await view('不还钱就让你好看。', at);
    expect(renderText(v.reply, { buttons: false })).toMatch(/第五十条（第一款第（一）项）/);
    expect(detail(v)).toMatch(/如果对方已经反复发送这类信息、反复打电话，还可能适用《治安管理处罚法》第五十条（第一款第（五）项/);
  });

  it('cites 293之一 only when the message shows an illegal debt', async () => {
    expect(cited(await view('再不还钱就打断你的腿。', at))).not.toContain('刑法#293-1');
    expect(cited(await view(MESSAGES[0]!, at))).toContain('刑法#293-1');
  });

  it('cites 寻衅滋事 (刑法293) for a threat only once it is repeated, else names it under "如果…反复"', async () => {
    const once = await view('再不还钱就打断你的腿。', at);
    expect(cited(once)).not.toContain('刑法#293');
    expect(detail(once)).toMatch(/如果对方已经反复[^。]*《刑法》第二百九十三条（第一款第（二）项：恐吓他人，情节恶劣的）/);
    expect(cited(await view('第5次警告你，再不还钱就打断你的腿。', at))).toContain('刑法#293');
    expect(cited(await view('已经给你打了二十个电话了，再不还钱就打断你的腿。', at))).toContain('刑法#293');
    // "第一次" is not repeated.
    expect(cited(await view('第一次警告你，再不还钱就打断你的腿。', at))).not.toContain('刑法#293');
  });

  it('judges an illegal debt for 293之一 by the rate stated, not by the word 年化', async () => {
    for (const lawful of ['你这笔年化利率7.2%的贷款，不还就打断你的腿。', '日息0.03%你都不还？再不还钱就打断你的腿。']) {
      const v = await view(lawful, at);
      expect(cited(v)).not.toContain('刑法#293-1');
      expect(detail(v)).toMatch(/如果催收的是高利放贷[^。]*第二百九十三条之一/);
    }
    for (const usurious of ['你这笔年化360%的贷款，不还就打断你的腿。', '日息1%都不还？再不还钱就打断你的腿。', '月息5%还不起？再不还钱就打断你的腿。']) {
      expect(cited(await view(usurious, at))).toContain('刑法#293-1');
    }
  });

  it('cites 敲诈勒索 only for money beyond the debt', async () => {
    const owed = await view('再不还钱就打断你的腿。', at);
    expect(cited(owed)).not.toContain('刑法#274');
    expect(cited(owed)).not.toContain('治安管理处罚法#58');
    expect(cited(await view(MESSAGES[8]!, at))).toEqual(expect.arrayContaining(['刑法#274', '治安管理处罚法#58']));
  });

  it('cites 253之一 and 治安法 56 for selling data, not for telling a contact about the debt', async () => {
    expect(cited(await view(MESSAGES[4]!, at))).not.toContain('刑法#253-1');
    expect(cited(await view(MESSAGES[4]!, at))).not.toContain('治安管理处罚法#56');
    expect(cited(await view(MESSAGES[9]!, at))).toEqual(expect.arrayContaining(['刑法#253-1', '治安管理处罚法#56']));
  });

  it('a fake police officer gets 279, 280 第一款, 治安法 62 第一款 and 63', async () => {
    const v = await view(MESSAGES[1]!, at);
    expect(cited(v)).toEqual(expect.arrayContaining(['刑法#279', '刑法#280', '治安管理处罚法#62', '治安管理处罚法#63']));
    expect(detail(v)).toMatch(/第六十二条（第一款/);
    expect(v.replyTemplate).toMatch(/你自称公检法/);
  });

  it('a fake law firm gets 治安法 62 第三款 and 63（一）, never 279 or 280, and no "公检法" in the reply', async () => {
    const v = await view(MESSAGES[2]!, at);
    expect(cited(v)).toEqual(expect.arrayContaining(['治安管理处罚法#62', '治安管理处罚法#63']));
    expect(cited(v)).not.toContain('刑法#279');
    expect(cited(v)).not.toContain('刑法#280');
    expect(detail(v)).toMatch(/第六十二条（第三款/);
    expect(v.replyTemplate).not.toMatch(/公检法|国家机关/);
    expect(v.replyTemplate).toMatch(/执业证号/);
  });

  it('a bare claim that a court filed a case is answered "I will verify", not "you are not a court official"', async () => {
    const v = await view('法院已立案，传票已发出，请注意查收。', at);
    expect(v.replyTemplate).toMatch(/12368/);
    expect(v.replyTemplate).not.toMatch(/你自称|你并非/);
    expect(cited(v)).not.toContain('刑法#279');
  });
});

describe('renderAnalysis: lawful notices and explanations', () => {
  it.each([
    '我司将依法向北京市朝阳区人民法院提起诉讼，届时请按法院通知应诉。',
    '【上海明正律师事务所】本所受远东资产管理有限公司委托，就您所欠债务致函催告。请于6月20日前与委托人协商还款，逾期本所将代理委托人向有管辖权的人民法院提起民事诉讼。承办律师：孙倩，执业证号31101202010567890。',
  ])('calls a lawsuit notice or a real lawyer’s letter lawful and says how to verify it: %s', async (text) => {
    const v = await view(text, '2026-05-12T10:00:00+08:00');
    expect(v.citations).toEqual([]);
    const shown = renderText(v.reply, { buttons: false });
    expect(shown).toMatch(/合法/);
    expect(shown).toMatch(/12368/);
    expect(shown).toMatch(/12348/);
    expect(shown).toMatch(/管辖异议/);
  });

  it('an arbitration notice is lawful, checked with the commission itself, not called a court matter', async () => {
    const v = await view('【宁波仲裁委员会】周敏：申请人恒信小额贷款有限公司与你借款合同纠纷一案已受理，案号（2026）甬仲网字第2231号，请于10日内登录本会网络仲裁平台提交答辩材料。', '2026-05-12T10:00:00+08:00');
    expect(v.citations).toEqual([]);
    const shown = renderText(v.reply, { buttons: false });
    expect(shown.split('。')[0]).toMatch(/仲裁/);
    expect(shown).toMatch(/合法/);
    expect(shown).toMatch(/仲裁委员会的官网|仲裁委员会.{0,6}电话/);
    expect(shown).toMatch(/首次开庭前/);
    expect(shown).not.toMatch(/(?<!不)(是|构成|涉嫌|属于)(犯罪|违法)/);
  });

  it('a bank truthfully warning of 恶意透支 proceedings is not a false consequence', async () => {
    const v = await view('【华信银行信用卡中心】您的信用卡透支本金52,000元已逾期，经我行两次有效催收后超过三个月仍不归还的，可能涉嫌恶意透支，我行将依法向公安机关报案。', '2026-05-12T10:00:00+08:00');
    expect(v.citations).toEqual([]);
  });

  it('a lawyer\'s letter that says no court has acted yet is not called a fake court by the model (issue 11)', async () => {
    const v = await view('本函系律师催告函，并不代表法院已经受理立案。如对欠款金额有异议，请携带凭证到本所当面核对。', '2026-05-12T10:00:00+08:00');
    expect(v.citations).toEqual([]);
  });

  it('the deception explanation names the real consequences after a judgment', async () => {
    const v = await view(MESSAGES[7]!, '2026-05-12T10:00:00+08:00');
    expect(detail(v)).toMatch(/判决生效后仍不履行[^。]*失信[^。]*拘留/);
  });
});

describe('renderAnalysis: the six-month limit on public-security penalties', () => {
  it('is stated for conduct about five months old, with the article in force then', async () => {
    const v = await view(MESSAGES[0]!, '2026-06-20T10:00:00+08:00');
    expect(detail(v)).toMatch(/《治安管理处罚法》第二十五条规定[^。]*六个月/);
  });

  it('says it has passed for older conduct, under the old article before 2026', async () => {
    const v = await view(MESSAGES[0]!, '2025-03-01T10:00:00+08:00');
    expect(detail(v)).toMatch(/已经超过《治安管理处罚法》第二十二条规定的六个月/);
  });

  it('is not mentioned for recent conduct or for off-hours alone', async () => {
    expect(detail(await view(MESSAGES[0]!, '2026-11-01T10:00:00+08:00'))).not.toMatch(/六个月/);
    expect(detail(await view('您好，请尽快还款。', '2026-03-01T23:30:00+08:00'))).not.toMatch(/六个月/);
  });
});
