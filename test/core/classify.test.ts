/**
 * The analyzer's behaviour: negation, quoted and reported speech, the user's own words, traditional characters,
 * OCR spacing, evasive spellings, lawful reminders that use scary words, quiet-hours boundaries in any time
 * zone, evidence quoted from the original text, and quality on the labelled set and on unseen-style messages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/core/classify';
import type { CategoryId } from '../../src/core/findings';
import { loadAnalysisRules } from '../../src/knowledge/analysis-rules';
import { PACKAGE_ROOT } from '../../src/paths';
import { readJsonl, scoreSet, timeAnalyzer, type LabelledMessage } from '../../bench/analyze';

const rules = loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis'));
const analyzer = createAnalyzer(rules);
const cats = (text: string, sentAt: string | null = null, callsToday?: number): CategoryId[] =>
  [...analyzer.analyze({ text, sentAt: sentAt ? new Date(sentAt) : null, callsToday }).categories].sort();

/** Written for these tests, in the style of real messages but not taken from the labelled set. */
const UNSEEN: Array<[string, string, string | null, CategoryId[]]> = [
  ["u01", "再不还钱，我们就把你的欠款信息群发给你所有微信好友。", null, ["privacy_disclosure", "third_party_contact"]],
  ["u02", "你妹妹在师范大学读书吧？我们下午去学校找她问问你的情况。", null, ["third_party_contact", "threat"]],
  ["u03", "明天九点前不到账，我们外访组就直接去你单位门口堵你。", null, ["threat", "violence", "third_party_contact"]],
  ["u04", "本人系市中级人民法院执行局工作人员，你的案件已进入执行程序，限今日内还款。", null, ["impersonation"]],
  ["u05", "你这种人渣就是社会的败类，借钱不还还有脸活着？", null, ["insult"]],
  ["u06", "今天已经给你拨了18次了，明天继续。", null, ["harassment_frequency"]],
  ["u07", "【仁和贷】您的借款已逾期5天，请及时还款，逾期将影响个人征信。", "2026-03-03T23:30:00+08:00", ["off_hours"]],
  ["u08", "【仁和贷】您的借款已逾期5天，请及时还款，逾期将影响个人征信。", "2026-03-03T15:00:00Z", ["off_hours"]],
  ["u09", "【仁和贷】您的借款已逾期5天，请及时还款，逾期将影响个人征信。", "2026-03-03T13:59:00Z", []],
  ["u10", "不还的话，你在外地上大学的儿子以后考研政审都过不了。", null, ["deception"]],
  ["u11", "我们已经向你户籍所在地公安机关报案，你涉嫌信用卡诈骗。", null, ["deception"]],
  ["u12", "您好，我们不会向您的亲友透露任何欠款信息，请放心。", null, []],
  ["u13", "您好，逾期会产生罚息并上报征信，我司保留依法起诉的权利。", null, []],
  ["u14", "你 的 照 片 我 们 会 贴 到 你 公 司 楼 下 的 宣 传 栏 上", null, ["privacy_disclosure"]],
  ["u15", "你個老賴，再不還就讓你全家知道你欠了多少錢。", null, ["insult", "privacy_disclosure", "third_party_contact"]],
  ["u16", "小心你的车，停在小区里不安全。", null, ["threat"]],
  ["u17", "我们有人已经在你公司对面的咖啡店了，你下班我们就跟着你回家。", null, ["threat", "violence"]],
  ["u18", "您好，如您对本次催收有异议，可以向我司投诉或拨打12378。", null, []],
  ["u19", "我们不会上门打扰您，也不会联系您单位，请您主动联系我们协商。", null, []],
  ["u20", "网上说催收会爆通讯录，其实正规机构都不会这么做。", null, []],
  ["u21", "你已被列入全国征信黑名单，以后坐不了飞机高铁。", null, ["deception"]],
  ["u22", "这是最后通知，今晚12点前不还款，明天就把你P的照片发到你们小区业主群。", null, ["privacy_disclosure", "third_party_contact", "insult"]],
  ["u23", "我是XX律师事务所的王律师，受平台委托，你的行为已构成恶意欠款，我们将报警处理，追究刑事责任。", null, ["deception", "impersonation"]],
  ["u24", "我们已经给你爸打了电话，他说会帮你还。", null, ["third_party_contact"]],
  ["u25", "你等着，明天就找人卸你一条腿。", null, ["threat", "violence"]],
  ["u26", "您好，今天是您的还款日，请保持账户余额充足，避免逾期。", "2026-05-01T08:00:00+08:00", []],
  ["u27", "您好，今天是您的还款日，请保持账户余额充足，避免逾期。", "2026-05-01T07:59:00+08:00", ["off_hours"]],
  ["u28", "您好，今天是您的还款日，请保持账户余额充足，避免逾期。", "2026-05-01T21:59:00+08:00", []],
  ["u29", "您好，今天是您的还款日，请保持账户余额充足，避免逾期。", "2026-05-01T22:00:00+08:00", ["off_hours"]],
  ["u30", "傻X，你还钱不还？", null, ["insult"]],
  ["u31", "您好，我们将在近期安排专员上门拜访，核实您的还款能力，如有不便可提前告知改期。", null, []],
  ["u32", "今天开始每隔半小时给你打一次，打到你接为止。", null, ["harassment_frequency"]],
  ["u33", "你 欠 钱 不 还 ， 等 着 坐 牢 吧", null, ["deception"]],
  ["u34", "朋友圈曝光名单已经做好了，明天第一个就发你。", null, ["privacy_disclosure"]],
  ["u35", "我们已将你的情况函告你所在单位的人力资源部。", null, ["privacy_disclosure", "third_party_contact"]],
  ["u36", "欠债还钱天经地义，请您尽快处理，逾期时间越长罚息越多。", null, []],
  ["u37", "经协商一致，您的账单可分10期偿还，每期560元，请确认。", null, []],
  ["u38", "你老婆单位我们已经打过电话了，领导说会找她谈话。", null, ["third_party_contact"]],
  ["u39", "你的欠款已经移交公安机关处理，请等待民警联系。", null, ["impersonation"]],
  ["u40", "我跟你说，你要是再不接电话，你的家门以后天天有人守着。", null, ["threat", "violence"]],
  ["u41", "我想问一下，他们说要给我爸妈打电话，这合法吗？", null, []],
  ["u42", "本平台不会以任何形式向您的通讯录联系人催收。", null, []],
  ["u43", "您的账单已经逾期，若您有还款困难，可以申请延期或分期，我们会尽力协助。", null, []],
  ["u44", "不还钱你全家都会倒霉的，等着吧。", null, ["threat"]],
  ["u45", "我们已经把你的借款合同和身份证复印件寄到你老家村委会了。", null, ["privacy_disclosure", "third_party_contact"]],
  ["u46", "Hi，您的账单已逾期，请尽快还款。", "2026-07-01T02:00:00+08:00", ["off_hours"]],
  ["u47", "你女儿读几年级我们都知道，放学别让她一个人走。", null, ["threat", "violence"]],
  ["u48", "明天开始我们会每天给你发100条短信。", null, ["harassment_frequency"]],
  ["u49", "催收员：你好，哪位？\n我：我要报警了，你们天天打电话骚扰我！\n催收员：您可以报警，我们只是正常提醒。", null, []],
  ["u50", "你的逾期记录将保存在征信系统中，结清后五年内消除。", null, []],
  ["u51", "法院传票明天送到你家，到时候你就知道厉害了。", null, ["impersonation", "threat"]],
  ["u52", "我们会去你们村挨家挨户问你欠钱的事。", null, ["privacy_disclosure", "third_party_contact"]],
  ["u53", "还不上就别借，丢人，你就是个无赖。", null, ["insult"]],
  ["u54", "您好，您的借款已经被我司收购，后续请向我司还款，详见债权转让通知。", null, []],
  ["u55", "我们已经冻结了你的支付宝和微信钱包，还清才能解冻。", null, ["deception"]],
  ["u56", "您的紧急联系人是您的母亲吗？我们仅希望她转告您尽快回电，不会透露借款内容。", null, []],
  ["u57", "給你三天時間，不還錢就把你的裸照發到網上。", null, ["privacy_disclosure"]],
  ["u58", "再不还，就让你老婆孩子也尝尝被人盯着的滋味。", null, ["threat", "violence"]],
  ["u59", "欠款不还会被起诉，法院判决后不履行可能被列为失信被执行人。", null, []],
  ["u60", "我们是正规公司，不存在暴力催收，也不会冒充公检法。", null, []],
  ["v01", "你要是今天还装聋作哑，明天你们公司老板就会收到你的催收通知。", null, ["privacy_disclosure", "third_party_contact"]],
  ["v02", "我们已经查到你老公的单位，今天下午会打电话过去让他劝劝你。", null, ["third_party_contact"]],
  ["v03", "别给脸不要脸，真以为我们拿你没办法？", null, ["insult", "threat"]],
  ["v04", "我是县公安局刑警队的，你的网贷案件已经转到我们这了，限你明天中午前处理。", null, ["impersonation"]],
  ["v05", "截止今天，你的欠款已经涉嫌刑事犯罪，警方会依法处理。", null, ["deception"]],
  ["v06", "您好，请问您今天方便还款吗？如有困难可以和我们商量。", "2026-06-01T12:00:00+08:00", []],
  ["v07", "您尾号8812的借款已逾期，请于今日18点前还款，逾期将按合同收取违约金。", null, []],
  ["v08", "一天给你打五十通电话，看你接不接。", null, ["harassment_frequency"]],
  ["v09", "你再躲，我们就天天去你爸妈家门口等着。", null, ["threat", "violence", "third_party_contact"]],
  ["v10", "这个月不还，下个月就上门，到时候别怪我们手下不留情。", null, ["threat"]],
  ["v11", "把你的欠条照片发抖音，标题就写“老赖XXX”。", null, ["insult", "privacy_disclosure"]],
  ["v12", "不还钱以后你孩子考大学都会受影响的。", null, ["deception"]],
  ["v13", "你已经被法院列为失信被执行人了，以后什么都干不了。", null, ["deception", "impersonation"]],
  ["v14", "提醒您：征信逾期记录会影响您后续申请房贷车贷，建议尽快结清。", null, []],
  ["v15", "你的联系人我们已经全部打了一遍，他们都知道你欠钱了。", null, ["privacy_disclosure", "third_party_contact"]],
  ["v16", "我们的外访人员将依法依规上门，会出示证件，您有权拒绝。", null, []],
  ["v17", "死猪不怕开水烫是吧？", null, ["insult"]],
  ["v18", "我们会安排人每天在你小区门口转悠，直到你出来为止。", null, ["threat", "violence"]],
  ["v19", "你欠的钱我们已经通过你微信通讯录通知了你的同事。", null, ["privacy_disclosure", "third_party_contact"]],
  ["v20", "催收员：你今天必须还。\n我：我没钱，你们爱怎么样怎么样。\n催收员：那行，我们明天去你单位找你领导。", null, ["third_party_contact"]],
  ["v21", "【恒通分期】您好，本月账单已出，请在还款日前还款。如需分期请联系客服。", "2026-04-10T06:30:00+08:00", ["off_hours"]],
  ["v22", "我们会起诉你，诉讼费、律师费都由你承担，法院判了以后还会强制执行你的财产。", null, []],
  ["v23", "再不还，后果你自己掂量，我们什么人都认识。", null, ["threat"]],
  ["v24", "已经安排好了，明天一早就在你家楼道里等你。", null, ["threat", "violence"]],
  ["v25", "你公司的同事我都加上微信了，要不要我挨个跟他们说说你的光荣事迹？", null, ["privacy_disclosure", "third_party_contact"]],
  ["v26", "我们已经把你列入行业黑名单，所有平台都不会再借钱给你。", null, ["deception"]],
  ["v27", "您的家人曾来电代为咨询，我们仅告知其请您本人联系我们。", null, []],
  ["v28", "你这个狗东西，借钱的时候怎么不说还不上？", null, ["insult"]],
  ["v29", "今天电话打了三次您都没接，麻烦您看到后回电。", null, []],
  ["v30", "您已连续三个月未还款，我司将依法将您的逾期信息报送至金融信用信息基础数据库。", null, []],
  ["v31", "你的案子我们已经报给经侦了，这两天会有警察联系你。", null, ["deception"]],
  ["v32", "不接电话是吧，那我就打你媳妇的电话，打到她接为止。", null, ["harassment_frequency", "third_party_contact"]],
  ["v33", "老子告诉你，今天不还钱你就完蛋了。", null, ["threat"]],
  ["v34", "你要是不还，我们就在你们单位大门口拉横幅。", null, ["privacy_disclosure"]],
  ["v35", "温馨提示：请勿相信任何自称“法院”“公安”的催收电话，我司只通过官方渠道联系您。", null, []],
  ["w01", "你再不回消息，我们就把你借钱的截图发给你大学室友。", null, ["privacy_disclosure", "third_party_contact"]],
  ["w02", "这是你们家的地址吧？我们周末过去坐坐。", null, ["threat"]],
  ["w04", "我们已向法院申请财产保全，你的房子下周就会被查封拍卖。", null, ["deception"]],
  ["w05", "你个臭不要脸的东西。", null, ["insult"]],
  ["w06", "从现在开始你的手机会被我们24小时不间断呼叫。", null, ["harassment_frequency"]],
  ["w07", "您好，根据您的申请，本期账单已延期至下月15日，请按时还款。", null, []],
  ["w08", "你儿子幼儿园的老师我们已经联系过了。", null, ["third_party_contact"]],
  ["w09", "逾期超过90天，平台有权将债权转让或委托第三方机构依法催收。", null, []],
  ["w10", "我这边是市人民法院诉讼服务中心，你被起诉了，请立即还款撤诉。", null, ["impersonation"]],
  ["w11", "你欠钱不还会影响你爸妈的医保报销。", null, ["deception"]],
  ["w12", "你躲得了初一躲不过十五，我们的人迟早会找到你。", null, ["threat"]],
  ["w13", "请您于本周内联系我们商量还款方案，我们可以为您减免部分费用。", null, []],
  ["w14", "今晚不还，明天就在你们公司楼下发传单，上面印着你的照片。", null, ["privacy_disclosure"]],
  ["w15", "你媳妇的电话我们有，要不要跟她聊聊你欠了多少？", null, ["privacy_disclosure", "third_party_contact"]],
  ["w16", "我们会一直跟着你，直到你还钱。", null, ["threat", "violence"]],
  ["w17", "您好，我们注意到您已逾期，如有特殊情况请告知，我们会酌情处理。", null, []],
  ["w18", "再拖下去你就等着上失信名单吧，到时候孩子上学都成问题。", null, ["deception"]],
  ["w19", "你个骗子，借钱不还的人渣。", null, ["insult"]],
  ["w20", "我们不会把您的信息泄露给任何第三方，请放心。", null, []],
];

describe('createAnalyzer: lawful messages stay lawful', () => {
  it.each([
    ['true consequences', '【安安贷】您的借款已逾期10天，逾期将产生罚息并上报征信，我司保留依法起诉的权利。'],
    ['a repayment plan', '您可申请分6期还款，首期300元，罚息可减免一半，同意请回复1。'],
    ['a civil, refusable home-visit notice', '我司外访人员拟于本周六上午到您登记地址拜访，如不方便可回电改期或拒绝。'],
    ['negated contact with family', '我们不会联系您的家人或同事，只与您本人沟通。'],
    ['negated jail', '欠款属于民事纠纷，不会坐牢，但会影响征信。'],
    ['negated police', '我们不是警察，也不会上门抓人，请您放心。'],
    ['rumours quoted to debunk them', '网上说的“不还就坐牢”“爆通讯录”都是吓唬人的，我们只走法律程序。'],
    ['hearsay about other collectors', '有些催收公司会说要去你单位闹，我们不会这么做。'],
    ['a designated contact asked once, nothing disclosed', '如联系不上您，我们可能请您登记的紧急联系人转告您回电，不会透露任何借款信息。'],
    ['the user asking a question', '他们说不会联系我家人，是真的吗？'],
    ['the user quoting a collector', '催收跟我说“明天就爆你通讯录”，这合法吗？'],
    ['the user worrying', '我是不是要坐牢啊，欠了五万还不上'],
    ['the user lines of a transcript', '我：你们这帮骗子，天天打，烦死了！\n催收员：先生您别激动，我们只是提醒您还款，不会打扰您家人。'],
    ['spam as a word, not an insult', '如收到冒充我司的垃圾短信，请向12321举报。'],
    ['our own company is not your employer', '我们公司规定晚上十点以后不打电话，所以白天联系您。'],
    ['a single missed call', '刚才给您打了一次电话没接通，您方便时回电即可。'],
  ])('%s', (_, text) => {
    expect(cats(text, '2026-05-12T10:00:00+08:00')).toEqual([]);
  });
});

describe('createAnalyzer: unlawful conduct is found', () => {
  it.each<[string, string, CategoryId[]]>([
    ['a menace', '你今天要是不还，我保证让你好看。', ['threat']],
    ['fake police, arrest at the door', '明天警察上门抓你。', ['deception', 'impersonation', 'threat']],
    ['fake court filing only', '法院已立案，传票已发出，请注意查收。', ['impersonation']],
    ['contact-list blasting', '再不还就爆你通讯录，让你全家都知道你欠钱。', ['privacy_disclosure', 'third_party_contact']],
    ['calling the boss', '明天打给你领导，让他评评理。', ['third_party_contact']],
    ['call bombing', '今天已经给你打了二十个电话了，明天继续轰炸。', ['harassment_frequency']],
    ['insult', '你这个老赖，废物一个。', ['insult']],
    ['blocking the door', '我们的人就在你家门口堵你，不还钱别想出门。', ['threat', 'violence']],
    ['false consequences', '不还就坐牢，还会影响你孩子考公政审。', ['deception']],
  ])('%s', (_, text, expected) => {
    expect(cats(text, '2026-05-12T10:00:00+08:00')).toEqual([...expected].sort());
  });

  it('reads traditional characters, full-width forms, OCR spacing and evasive spellings', () => {
    expect(cats('你這個老賴，再不還錢就去你家門口堵你')).toEqual(['insult', 'threat', 'violence']);
    expect(cats('你 欠 款 ３ ２ ０ ０ ０ 元 ， 已 构 成 诈 骗 罪')).toEqual(['deception']);
    expect(cats('再不还，家银都会收到你的暴光视频')).toEqual(['privacy_disclosure', 'third_party_contact']);
    expect(cats('亻尔 要 坐 牢 了，珐院已经立案')).toEqual(['deception', 'impersonation']);
    expect(cats('伱的通讯彔我们导出来了，一个一个打')).toEqual(['privacy_disclosure', 'third_party_contact']);
    expect(cats('不还钱zuolao是迟早的事')).toEqual(['deception']);
    expect(cats('😡😡😡今晚就把你照片发到你们公司群👊')).toEqual(['privacy_disclosure', 'third_party_contact']);
  });

  it('quotes the evidence as the user sent it, not normalised', () => {
    const a = analyzer.analyze({ text: '【通知】你這個老 賴！', sentAt: null });
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ category: 'insult', evidence: '老 賴' });
    expect(a.findings[0]!.explanation.length).toBeGreaterThan(5);
    const b = analyzer.analyze({ text: '兄弟，你Ｑ我也没用，明天就去你家門口潑油漆。', sentAt: null });
    expect(b.findings.find((f) => f.category === 'violence')?.evidence).toBe('潑油漆');
  });

  it('attaches the provisions data lists for the category', () => {
    const a = analyzer.analyze({ text: '我是城关派出所的民警，你涉嫌诈骗', sentAt: new Date('2026-03-01T10:00:00+08:00') });
    const imp = a.findings.find((f) => f.category === 'impersonation')!;
    expect(imp.provisions).toEqual(expect.arrayContaining([{ law: '治安管理处罚法', article: '62' }, { law: '刑法', article: '279' }]));
  });

  it('maps provisions to the version in force on the send date when given a resolver', () => {
    const resolving = createAnalyzer(rules, {
      resolveProvision: (ref, at) =>
        ref.law === '治安管理处罚法' && ref.article === '50' && at < new Date('2026-01-01T00:00:00+08:00')
          ? { law: ref.law, article: '42' }
          : ref,
    });
    const old = resolving.analyze({ text: '让你好看', sentAt: new Date('2025-05-01T10:00:00+08:00') });
    expect(old.findings[0]!.provisions).toContainEqual({ law: '治安管理处罚法', article: '42' });
    const current = resolving.analyze({ text: '让你好看', sentAt: new Date('2026-05-01T10:00:00+08:00') });
    expect(current.findings[0]!.provisions).toContainEqual({ law: '治安管理处罚法', article: '50' });
  });

  it('counts the calls in the user’s log: more than 3 effective calls a day', () => {
    expect(cats('您好，请回电。', null, 3)).toEqual([]);
    expect(cats('您好，请回电。', null, 4)).toEqual(['harassment_frequency']);
  });

  it('tells the user’s own question apart from a forwarded message', () => {
    expect(analyzer.analyze({ text: '催收说要起诉我，是真的吗？', sentAt: null }).looksLikeCollectorMessage).toBe(false);
    expect(analyzer.analyze({ text: '您的借款已逾期，请尽快还款。', sentAt: null }).looksLikeCollectorMessage).toBe(true);
  });
});

describe('createAnalyzer: quiet hours 22:00–08:00 China time', () => {
  const text = '您好，您的账单今日到期，请及时还款。';
  it.each([
    ['2026-03-14T21:59:00+08:00', false],
    ['2026-03-14T22:00:00+08:00', true],
    ['2026-03-15T07:59:00+08:00', true],
    ['2026-03-15T08:00:00+08:00', false],
    ['2026-03-14T13:59:00Z', false],
    ['2026-03-14T14:00:00Z', true],
    ['2026-03-14T23:59:00Z', true],
    ['2026-03-15T00:00:00Z', false],
    ['2026-03-14T09:00:00-05:00', true],
    ['2026-03-14T08:59:00-05:00', false],
    ['2026-03-15T00:30:00+09:00', true],
  ])('sent %s → off_hours %s', (at, off) => {
    expect(cats(text, at).includes('off_hours')).toBe(off);
  });

  it('never sets off_hours without a send time, and says the time in the evidence', () => {
    expect(cats(text, null)).toEqual([]);
    const f = analyzer.analyze({ text, sentAt: new Date('2026-03-14T15:10:00Z') }).findings[0]!;
    expect(f.category).toBe('off_hours');
    expect(f.evidence).toContain('23:10');
    expect(f.provisions).toEqual([{ law: '民法典', article: '1033' }]);
  });
});

describe('createAnalyzer: generality on unseen-style messages', () => {
  it('reaches macro-F1 ≥ 0.95 with no false alarms on lawful ones', () => {
    const rows: LabelledMessage[] = UNSEEN.map(([id, text, sent_at, categories]) => ({
      id,
      text,
      sent_at,
      categories,
      lawful: categories.length === 0,
    }));
    const score = scoreSet(analyzer, rows);
    expect(score.errors).toEqual([]);
    expect(score.macroF1).toBeGreaterThanOrEqual(0.95);
    expect(score.falseAlarmRate).toBe(0);
  });
});

describe('createAnalyzer: the labelled set (eval/analyze/messages.jsonl)', () => {
  const file = join(PACKAGE_ROOT, 'eval', 'analyze', 'messages.jsonl');

  it('exists', () => {
    expect(existsSync(file)).toBe(true);
  });

  it('reaches macro-F1 ≥ 0.95 and at most 3% false alarms on lawful messages', () => {
    const rows = readJsonl<LabelledMessage>(file);
    expect(rows.length).toBeGreaterThanOrEqual(180);
    const score = scoreSet(analyzer, rows);
    expect(score.macroF1).toBeGreaterThanOrEqual(0.95);
    expect(score.falseAlarmRate).toBeLessThanOrEqual(0.03);
  });

  it('is fast: p95 ≤ 5 ms per message', () => {
    const rows = readJsonl<LabelledMessage>(file);
    expect(timeAnalyzer(analyzer, rows, 3).p95).toBeLessThanOrEqual(5);
  });
});
