/**
 * The analyzer's behaviour: negation, quoted and reported speech, the user's own words, traditional characters,
 * OCR spacing, evasive spellings, lawful reminders that use scary words, quiet-hours boundaries in any time
 * zone, evidence quoted from the original text, and quality on the labelled set and on unseen-style messages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';
import { readJsonl, scoreSet, type LabelledMessage } from '../../bench/analyze';

const rules = loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis'));
const analyzer = createAnalyzer(rules);
const cats = (text: string, sentAt: string | null = null, callsToday?: number): CategoryId[] =>
  [...analyzer.analyze({ text, sentAt: sentAt ? new Date(sentAt) : null, callsToday }).categories].sort();

/** Written for these tests, in the style of real messages but not taken from the labelled set. */
const UNSEEN: Array<[string, string, string | null, CategoryId[]]> = [
  ["u01", "再不还钱，我们就把你的欠款信息群发给你所有微信好友。", null, ["privacy_disclosure", "third_party_contact"]],
  ["u02", "你妹妹在师范大学读书吧？我们下午去学校找她问问你的情况。", null, ["third_party_contact", "threat"]],
  ["u03", "明天九点前不到账，我们外访组就直接去你单位门口堵你。", null, ["threat", "third_party_contact"]],
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
  // A doctored photo with no abusive word is exposure, not insult (categories.md; fresh-9..12 label it so: round 11).
  ["u22", "这是最后通知，今晚12点前不还款，明天就把你P的照片发到你们小区业主群。", null, ["privacy_disclosure"]],
  ["u23", "我是XX律师事务所的王律师，受平台委托，你的行为已构成恶意欠款，我们将报警处理，追究刑事责任。", null, ["deception", "impersonation"]],
  ["u24", "我们已经给你爸打了电话，他说会帮你还。", null, ["third_party_contact"]],
  ["u25", "你等着，明天就找人卸你一条腿。", null, ["threat"]],
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
  ["u40", "我跟你说，你要是再不接电话，你的家门以后天天有人守着。", null, ["threat"]],
  ["u41", "我想问一下，他们说要给我爸妈打电话，这合法吗？", null, []],
  ["u42", "本平台不会以任何形式向您的通讯录联系人催收。", null, []],
  ["u43", "您的账单已经逾期，若您有还款困难，可以申请延期或分期，我们会尽力协助。", null, []],
  ["u44", "不还钱你全家都会倒霉的，等着吧。", null, ["threat"]],
  ["u45", "我们已经把你的借款合同和身份证复印件寄到你老家村委会了。", null, ["privacy_disclosure", "third_party_contact"]],
  ["u46", "Hi，您的账单已逾期，请尽快还款。", "2026-07-01T02:00:00+08:00", ["off_hours"]],
  ["u47", "你女儿读几年级我们都知道，放学别让她一个人走。", null, ["threat"]],
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
  ["v09", "你再躲，我们就天天去你爸妈家门口等着。", null, ["threat", "third_party_contact"]],
  ["v10", "这个月不还，下个月就上门，到时候别怪我们手下不留情。", null, ["threat"]],
  ["v11", "把你的欠条照片发抖音，标题就写“老赖XXX”。", null, ["insult", "privacy_disclosure"]],
  ["v12", "不还钱以后你孩子考大学都会受影响的。", null, ["deception"]],
  ["v13", "你已经被法院列为失信被执行人了，以后什么都干不了。", null, ["deception", "impersonation"]],
  ["v14", "提醒您：征信逾期记录会影响您后续申请房贷车贷，建议尽快结清。", null, []],
  ["v15", "你的联系人我们已经全部打了一遍，他们都知道你欠钱了。", null, ["privacy_disclosure", "third_party_contact"]],
  ["v16", "我们的外访人员将依法依规上门，会出示证件，您有权拒绝。", null, []],
  ["v17", "死猪不怕开水烫是吧？", null, ["insult"]],
  ["v18", "我们会安排人每天在你小区门口转悠，直到你出来为止。", null, ["threat"]],
  ["v19", "你欠的钱我们已经通过你微信通讯录通知了你的同事。", null, ["privacy_disclosure", "third_party_contact"]],
  ["v20", "催收员：你今天必须还。\n我：我没钱，你们爱怎么样怎么样。\n催收员：那行，我们明天去你单位找你领导。", null, ["third_party_contact"]],
  ["v21", "【恒通分期】您好，本月账单已出，请在还款日前还款。如需分期请联系客服。", "2026-04-10T06:30:00+08:00", ["off_hours"]],
  ["v22", "我们会起诉你，诉讼费、律师费都由你承担，法院判了以后还会强制执行你的财产。", null, []],
  ["v23", "再不还，后果你自己掂量，我们什么人都认识。", null, ["threat"]],
  ["v24", "已经安排好了，明天一早就在你家楼道里等你。", null, ["threat"]],
  ["v25", "你公司的同事我都加上微信了，要不要我挨个跟他们说说你的光荣事迹？", null, ["privacy_disclosure", "third_party_contact"]],
  ["v26", "我们已经把你列入行业黑名单，所有平台都不会再借钱给你。", null, ["deception"]],
  ["v27", "您的家人曾来电代为咨询，我们仅告知其请您本人联系我们。", null, []],
  ["v28", "你这个狗东西，借钱的时候怎么不说还不上？", null, ["insult"]],
  ["v29", "今天电话打了三次您都没接，麻烦您看到后回电。", null, []],
  ["v30", "您已连续三个月未还款，我司将依法将您的逾期信息报送至金融信用信息基础数据库。", null, []],
  ["v31", "你的案子我们已经报给经侦了，这两天会有警察联系你。", null, ["deception"]],
  ["v32", "不接电话是吧，那我就打你媳妇的电话，打到她接为止。", null, ["harassment_frequency", "third_party_contact"]],
  ["v33", "老子告诉你，今天不还钱你就完蛋了。", null, ["threat"]],
  ["v34", "你要是不还，我们就在你们单位大门口拉横幅。", null, ["privacy_disclosure", "third_party_contact"]],
  ["v35", "温馨提示：请勿相信任何自称“法院”“公安”的催收电话，我司只通过官方渠道联系您。", null, []],
  ["w01", "你再不回消息，我们就把你借钱的截图发给你大学室友。", null, ["privacy_disclosure", "third_party_contact"]],
  ["w02", "这是你们家的地址吧？我们周末过去坐坐。", null, ["threat"]],
  ["w04", "我们已向法院申请财产保全，你的房子下周就会被查封拍卖。", null, ["deception"]],
  ["w05", "你个臭不要脸的东西。", null, ["insult"]],
  ["w06", "从现在开始你的手机会被我们24小时不间断呼叫。", null, ["harassment_frequency"]],
  ["w07", "您好，根据您的申请，本期账单已延期至下月15日，请按时还款。", null, []],
  ["w08", "你儿子幼儿园的老师我们已经联系过了。", null, ["third_party_contact"]],
  ["w09", "逾期超过90天，平台有权将债权转让或委托第三方机构依法催收。", null, []],
  ["w10", "我这边是市人民法院诉讼服务中心，你被起诉了，请立即还款撤诉。", null, ["deception", "impersonation"]],
  ["w11", "你欠钱不还会影响你爸妈的医保报销。", null, ["deception"]],
  ["w12", "你躲得了初一躲不过十五，我们的人迟早会找到你。", null, ["threat"]],
  ["w13", "请您于本周内联系我们商量还款方案，我们可以为您减免部分费用。", null, []],
  ["w14", "今晚不还，明天就在你们公司楼下发传单，上面印着你的照片。", null, ["privacy_disclosure", "third_party_contact"]],
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
    ['fake police, arrest at the door (a false legal consequence, not a threat: categories.md)', '明天警察上门抓你。', ['deception', 'impersonation']],
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
    expect(cats('你這個老賴，再不還錢就去你家門口堵你')).toEqual(['insult', 'threat']);
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
    expect(b.findings.find((f) => f.category === 'threat')?.evidence).toBe('潑油漆');
  });

  it('attaches the provisions data lists for the category', () => {
    const a = analyzer.analyze({ text: '我是城关派出所的民警，你涉嫌诈骗', sentAt: new Date('2026-03-01T10:00:00+08:00') });
    const imp = a.findings.find((f) => f.category === 'impersonation')!;
    expect(imp.provisions).toEqual(
      expect.arrayContaining([expect.objectContaining({ law: '治安管理处罚法', article: '62' }), expect.objectContaining({ law: '刑法', article: '279' })]),
    );
  });

  it('maps provisions to the version in force on the send date when given a resolver', () => {
    const resolving = createAnalyzer(rules, {
      resolveProvision: (ref, at) =>
        ref.law === '治安管理处罚法' && ref.article === '50' && at < new Date('2026-01-01T00:00:00+08:00')
          ? { law: ref.law, article: '42' }
          : ref,
    });
    const old = resolving.analyze({ text: '让你好看', sentAt: new Date('2025-05-01T10:00:00+08:00') });
    expect(old.findings[0]!.provisions).toContainEqual(expect.objectContaining({ law: '治安管理处罚法', article: '42' }));
    const current = resolving.analyze({ text: '让你好看', sentAt: new Date('2026-05-01T10:00:00+08:00') });
    expect(current.findings[0]!.provisions).toContainEqual(expect.objectContaining({ law: '治安管理处罚法', article: '50' }));
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
    expect(f.provisions).toEqual([expect.objectContaining({ law: '民法典', article: '1033' })]);
  });

  it('without a send time, reads it from the clock times on the collector\'s lines (categories.md: the time shown)', () => {
    const night = analyzer.analyze({ text: '21:58 还钱\n22:03 人呢\n22:05 说话', sentAt: null }).findings.find((f) => f.category === 'off_hours');
    expect(night?.evidence).toContain('22:03');
    expect(cats('07:59 在吗', null)).toEqual(['off_hours']);
    expect(cats('08:00 在吗', null)).toEqual([]);
    expect(cats('21:59 到底还不还', null)).toEqual([]);
    // A deadline, a plan for tomorrow, the user's own lines and a given send time are not read as stamps.
    expect(cats('请于23:00前还款，逾期将上报征信。', null)).toEqual([]);
    expect(cats('明天7:30我们外访人员会联系您，如不方便请回复改约。', null)).toEqual([]);
    expect(cats('我 23:10\n好的，明天还', null)).toEqual([]);
    expect(cats('23:10 您好，提醒您还款', '2026-03-14T10:00:00+08:00')).toEqual([]);
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

/**
 * Second round of unseen-style messages (written while generalising the rules to blind-written sets; none is
 * copied from eval/): each unlawful one must show at least the named category, each lawful one nothing.
 */
describe('createAnalyzer: new phrasings of unlawful conduct', () => {
  it.each<[string, CategoryId]>([
    ["你的借款记录和身份证我们已经整理好了，准备发到你们小区业主群。", "privacy_disclosure"],
    ["再不还，你的欠款信息就会出现在你所有微信好友的聊天框里。", "privacy_disclosure"],
    ["我们已经把你的逾期情况通报给你们学校了，辅导员很快会找你。", "privacy_disclosure"],
    ["你要是再不还，我们就把你的照片印在传单上，在你家附近发。", "privacy_disclosure"],
    ["我们会在你的微博下面评论，让你的粉丝看看你是什么人。", "privacy_disclosure"],
    ["给你三天时间，不然你的事全公司都会知道。", "privacy_disclosure"],
    ["你的借款合同我们已经寄到你老家了，你父母应该收到了。", "privacy_disclosure"],
    ["现在就把你欠钱的截图发到你家族群里，让你爸妈看看。", "privacy_disclosure"],
    ["你那些客户要是知道你欠钱不还，还会跟你做生意吗？我们帮你通知一下。", "privacy_disclosure"],
    ["我们会给你通讯录里每个人发短信，告诉他们你借钱不还。", "privacy_disclosure"],
    ["我们已经给你姐姐打过电话了，她说会劝你还款。", "third_party_contact"],
    ["你单位的座机我们打通了，前台说你今天请假。", "third_party_contact"],
    ["你不接我们就找你室友，他电话我们有。", "third_party_contact"],
    ["你老婆微信我们已经加上了，正在跟她沟通。", "third_party_contact"],
    ["明天我们去你爸妈家坐坐，跟老人家聊聊。", "third_party_contact"],
    ["你的紧急联系人我们已经全部打了一遍，他们都说联系不上你。", "third_party_contact"],
    ["我是XX市公安局经侦支队民警，你的网贷逾期已经涉嫌诈骗，请立即处理。", "impersonation"],
    ["【最高人民法院】您的网贷纠纷已进入审判程序，请于三日内结清欠款，否则将依法判决。", "impersonation"],
    ["我们这边是法院执行局的，你名下的财产已经被查封了。", "impersonation"],
    ["你好，这里是XX律师事务所，我方已受理你的欠款案件，三天内不还款将移交公安机关处理。", "impersonation"],
    ["检察院的人已经在调查你了，你的银行流水都调出来了。", "impersonation"],
    ["【司法通知】您因恶意拖欠已被立案，请速与承办人联系。", "impersonation"],
    ["你知不知道恶意拖欠网贷是要坐牢的？", "deception"],
    ["不还钱的话，你的房子车子都会被法院拍卖。", "deception"],
    ["你的征信已经彻底黑了，这辈子都别想再贷款买房。", "deception"],
    ["逾期超过三个月就会被判定为诈骗，到时候警察会找你。", "deception"],
    ["你再不还，你家人的银行卡也会一起被冻结。", "deception"],
    ["你不还钱，子女以后当兵政审过不了。", "deception"],
    ["我们已经向公安局报案了，你就等着吧。", "deception"],
    ["你个死骗子，有种借钱没种还是吧？", "insult"],
    ["真是个窝囊废，连几千块都还不起，你活着干嘛？", "insult"],
    ["你这种人渣就该去死，借钱不还的狗东西。", "insult"],
    ["你妈生你有什么用？", "insult"],
    ["不要脸的东西，你还有没有点羞耻心？", "insult"],
    ["欠钱不还的烂人，你全家都是一路货色。", "insult"],
    ["从现在开始我们每隔十分钟给你打一次电话。", "harassment_frequency"],
    ["你的手机今天会响一百次，不信你看。", "harassment_frequency"],
    ["这个月我们已经给你发了上千条短信了。", "harassment_frequency"],
    ["你信不信我让你在这个城市待不下去？", "threat"],
    ["你最好祈祷别让我在街上碰到你。", "threat"],
    ["我们有的是办法让你还钱，你自己掂量掂量。", "threat"],
    ["你家那个小卖部开得挺好的，别哪天出点什么事。", "threat"],
    ["你老婆每天晚上几点下班我们都知道。", "threat"],
    ["再不还钱，我就把你借钱的事发朋友圈，@你所有的同学。", "privacy_disclosure"],
    ["我们已经做好了你的寻人启事，明天就挂到你们镇上。", "privacy_disclosure"],
    ["你们公司官网上有老板邮箱吧，我写封邮件告诉他你欠了多少钱。", "privacy_disclosure"],
    ["你要是再躲，我就把你手持身份证的照片发到你闺蜜的微信上。", "privacy_disclosure"],
    ["你欠钱的事情我们会在你们村的大喇叭里广播。", "privacy_disclosure"],
    ["你的个人资料我们已经上传到失信人员公示网站了。", "privacy_disclosure"],
    ["我们把你借款时的自拍P成通缉令发到你的家族群了。", "privacy_disclosure"],
    ["不还钱你的丑事全网都会知道。", "privacy_disclosure"],
    ["下周我们会去你们小区发传单，上面印着你的名字和欠款。", "privacy_disclosure"],
    ["我们已经把你欠款的事告诉了你的房东，他说要让你搬走。", "privacy_disclosure"],
    ["你前妻的电话我们打过了，她说你们早离了不归她管。", "third_party_contact"],
    ["你儿子学校的电话我们已经查到了，明天就打过去问问。", "third_party_contact"],
    ["你表哥接了我们的电话，说会让你尽快联系我们。", "third_party_contact"],
    ["我们已经给你单位发了律师函。", "third_party_contact"],
    ["我们的同事已经去你老家找过你父亲了。", "third_party_contact"],
    ["这里是XX市人民检察院，你涉嫌的诈骗案件已经移送审查起诉。", "impersonation"],
    ["我是市中院的执行法官，你的案子今天就要强制执行。", "impersonation"],
    ["我们是公安局反诈中心的，你的账户涉及网贷诈骗，需要配合调查。", "impersonation"],
    ["【人民法院执行通知书】被执行人：李某，请于3日内履行还款义务，逾期将依法拘留。", "impersonation"],
    ["你的案件已经被公安机关受理，警察很快会联系你。", "impersonation"],
    ["XX律师事务所正式通知：您已被起诉，开庭时间另行通知，现在还款可免于刑事处罚。", "impersonation"],
    ["你再不还，我们就让你上失信名单，以后孩子都考不了公务员。", "deception"],
    ["欠款不还属于诈骗行为，是要追究刑事责任的。", "deception"],
    ["你的社保和公积金马上就会被冻结。", "deception"],
    ["你的手机号码会被全国运营商拉黑停机。", "deception"],
    ["今天不还，明天你所有的网贷平台都会同时起诉你，你就等着被执行吧。", "deception"],
    ["你已经被列入全国网贷黑名单，所有银行都不会再给你开户。", "deception"],
    ["你最好想清楚，惹毛了我们，对你没什么好处。", "threat"],
    ["我劝你别把事情闹大，到时候你和你家人都不好过。", "threat"],
    ["我们的手段你是见识过的，别逼我们用。", "threat"],
    ["欠债还钱天经地义，你不还，有人会让你还的。", "threat"],
    ["你以为换了手机号我们就找不到你了？天真。", "threat"],
    ["我们已经有人在你公司楼下了，你今天别想走。", "violence"],
    ["昨天你去超市买菜我们都看到了，穿红衣服那个是你吧。", "violence"],
    ["再不还钱就把你家门给撬了。", "threat"],
    ["你的那些联系人我们明天开始挨个打电话。", "third_party_contact"],
    ["我们已经找到你哥的微信，正在跟他聊你的情况。", "third_party_contact"],
    ["要不要我打给你岳父，让他评评理？", "third_party_contact"],
    ["下午我去你上班的厂子找你们车间主任。", "third_party_contact"],
    ["你女朋友知道你欠这么多钱吗？要不要我们告诉她？", "third_party_contact"],
    ["我们联系上你大学室友了，他说会转告你。", "third_party_contact"],
    ["你单位我已经去过了，你同事说你辞职了。", "third_party_contact"],
    ["你家门口的邻居我们已经问过了。", "third_party_contact"],
    ["给你爸打电话他说没钱，那我们只好去找你叔叔了。", "third_party_contact"],
    ["你欠钱不还的事情我们已经在你们单位传开了。", "privacy_disclosure"],
    ["明天你们公司每个人的邮箱都会收到你的欠款通知。", "privacy_disclosure"],
    ["你的身份证正反面我们已经发到你们小区的业主群里了。", "privacy_disclosure"],
    ["我们准备联系你的客户，让他们知道跟他们合作的是个老赖。", "privacy_disclosure"],
    ["你的欠款信息将在本地新闻公众号上公开。", "privacy_disclosure"],
    ["我是你们辖区派出所的，你的网贷问题已经有人报案了，你来所里一趟。", "impersonation"],
    ["你好，我是XX法院的书记员，你的案子下周开庭，你现在还款还来得及撤诉。", "impersonation"],
    ["本案已由XX公安分局立案，案件编号2026-0312，请你务必配合。", "impersonation"],
    ["你好，我是受平台委托的张律师，已经向法院申请冻结你的银行账户。", "impersonation"],
    ["【XX仲裁委员会】您的借款纠纷已裁决，请立即履行，否则将申请强制执行。", "impersonation"],
    ["警察同志已经在路上了，你等着吧。", "impersonation"],
    ["你的行为已经涉嫌恶意透支，银行会直接把你送进去。", "deception"],
    ["你这样下去会被纳入征信黑名单，坐高铁飞机都受限制。", "deception"],
    ["逾期超过三期，你的征信就会终身留下污点，以后买房买车都别想。", "deception"],
    ["我们已经向你所在地派出所报警了。", "deception"],
    ["不还款的话你的孩子会被学校劝退。", "deception"],
    ["我們的人已經在你家樓下蹲了兩天了。", "violence"],
    ["你 家 门 口 我 们 已 经 安 排 人 守 着 了", "violence"],
    ["催收员：你在哪？\n我：在外地打工。\n催收员：别骗我，我们的人刚在你家门口看见你老婆了，你不出来我们就不走。", "violence"],
    ["我们外访人员会一直在你家门口坐着，直到你还钱为止。", "violence"],
    ["再不还，就让你出不了这个门。", "violence"],
    ["兄弟几个今晚去你家喝茶，记得开门。", "threat"],
    ["你家住三楼吧，窗户挺好砸的。", "threat"],
    ["信不信我找人把你店给砸了？", "threat"],
    ["我们会安排人每天跟着你上下班。", "threat"],
    ["再躲，我们就去你孩子学校门口等着。", "threat"],
    ["你跑不掉的，天涯海角我们都能找到你。", "threat"],
    ["给你脸你不要，那就别怪我们手段狠了。", "threat"],
    ["你要为你的家人想想，他们的安全你不在乎吗？", "threat"],
    ["别以为我们拿你没办法，有你哭的时候。", "threat"],
    ["你还有两个小时，之后发生什么我就不敢保证了。", "threat"],
    ["你借款时的手持身份证照片，我们会做成寻人启事贴满你们小区。", "privacy_disclosure"],
    ["你们小区的业主群我已经进去了，要不要我在里面说说你的事？", "privacy_disclosure"],
    ["我们已经把你的逾期信息发给了你们公司的所有同事。", "privacy_disclosure"],
    ["你的欠款明细已经同步给你妻子了。", "privacy_disclosure"],
    ["我们在你们村口拉了横幅，写着你的名字。", "privacy_disclosure"],
    ["你老婆电话打不通，我们就打她单位的电话。", "third_party_contact"],
    ["我们已经在微信上加了你的十几个好友了。", "third_party_contact"],
    ["已经跟你母亲沟通过了，她答应帮你还一部分。", "third_party_contact"],
    ["我是XX区公安分局的警官，现通知你到分局接受询问。", "impersonation"],
    ["法院传票已经送到你户籍地村委会了，你自己去拿。", "impersonation"],
    ["我们已经把你的材料移交给检察院，等待起诉。", "impersonation"],
    // A creditor saying its own 支付令 application was accepted is lawful (categories.md; test/analysis/fresh-20-kinds): the
    // court said to accept a case and then come to detain is not.
    ["XX人民法院已经受理了你的案子，这周不还就来拘留你。", "impersonation"],
    ["你的欠款已经被认定为恶意逃废债，征信会终身保留。", "deception"],
    ["不还钱的话，你的孩子以后不能参军、不能考公务员。", "deception"],
    ["你的名字已经上了公安系统的失信名单，出门坐车都会被查。", "deception"],
    ["你个老东西，一把年纪了还赖账。", "insult"],
    ["借钱的时候像孙子，还钱的时候像大爷，真是贱。", "insult"],
    ["脑子有病吧你，不还钱还敢拉黑我？", "insult"],
    ["我们的系统会每隔五分钟自动给你拨号一次。", "harassment_frequency"],
    ["你的电话今天响了不下五十次，还想装死？", "harassment_frequency"],
    ["催收员：你不还是吧，那我现在就给你舅舅打电话。\n我：别打，我下周还。", "third_party_contact"],
    ["对方：我们会把你的事发到你们公司的微信群里，让全公司都看看。", "privacy_disclosure"],
    ["客服：我们已经把你的案子交给法院了，法院已经立案，下周开庭。", "impersonation"],
    ["催收：你记住，我们找得到你，你家人我们也找得到。", "threat"],
    ["催收：你是不是聋了？打了多少次都不接，垃圾东西。", "insult"],
    ["催收员：你这个已经属于诈骗了，我们随时可以报警抓你。", "deception"],
    ["你 家 住 哪 我 们 清 清 楚 楚 ， 明 晚 派 人 去 你 家 门 口 等 你", "threat"],
    ["再 不 还 就 把 你 照 片 发 到 网 上", "privacy_disclosure"],
    ["我們是公安局經偵大隊的，你涉嫌詐騙，請配合調查。", "impersonation"],
    ["nmsl，欠钱不还的东西", "insult"],
    ["你jia ren的电话我们都有，一个一个打", "third_party_contact"],
    ["你已经上了征信黑名单，以后高铁飞机都坐不了，子女也受影响", "deception"],
    ["小心点，我们有的是时间陪你玩", "threat"],
    ["我们的人会去你公司楼下等你下班，一起聊聊", "threat"],
    ["你的照片和身份证号我们会发到你老家的村民群，让乡亲们评评理", "privacy_disclosure"],
    ["你们辅导员的电话我们查到了，明天打给他", "third_party_contact"],
    ["你的欠款截图已经在你们公司年会群里了。", "privacy_disclosure"],
    ["我们做了个视频，把你的借款经历配上你的照片发到了视频号。", "privacy_disclosure"],
    ["明天你们楼下的公告栏会出现你的大名。", "privacy_disclosure"],
    ["你要是不想上本地论坛的老赖榜，今天就把钱还了。", "privacy_disclosure"],
    ["我们会向你所在的社区和居委会发函，说明你的欠款情况。", "privacy_disclosure"],
    ["你的信息我们会挂到闲鱼和贴吧上。", "privacy_disclosure"],
    ["今天就把你欠钱的事儿发到你们同学群，让大家都认识认识你。", "privacy_disclosure"],
    ["我把你的照片和借条贴在你单位门口的宣传栏里。", "privacy_disclosure"],
    ["你朋友圈的人我们都截图了，一个个私信告诉他们你欠钱。", "privacy_disclosure"],
    ["你再不还款，我们就给你公司寄一封催款函，让你领导好好看看。", "privacy_disclosure"],
    ["刚才和你们人事部的张姐通了电话。", "third_party_contact"],
    ["我们打了你丈夫的电话，他说不知道你借钱的事。", "third_party_contact"],
    ["你表姐的电话号码我们已经拿到，打不打看你表现。", "third_party_contact"],
    ["我们会联系你的担保人和紧急联系人，直到有人替你还钱。", "third_party_contact"],
    ["你爸的手机号我存了，今晚就打。", "third_party_contact"],
    ["你不接我们就打你老板电话，反正他号码我们有。", "third_party_contact"],
    ["你们公司前台我们已经打过招呼了。", "third_party_contact"],
    ["【XX市公安局】你因涉嫌恶意透支已被网上立案，请于24小时内到辖区派出所说明情况。", "impersonation"],
    ["我是XX法院的工作人员，你的案子我们已经受理了，你现在还钱还来得及。", "impersonation"],
    ["这是XX仲裁院，你的借款纠纷仲裁裁决已经生效，将移送法院强制执行。", "impersonation"],
    ["我们是XX区法院执行局外勤组，今天下午会去你家进行财产登记。", "impersonation"],
    ["您好，这里是XX市中级人民法院，您名下有一个涉诉案件，请按1转人工。", "impersonation"],
    ["本人系XX律师事务所执业律师，你已涉嫌诈骗罪，我所将代理平台向公安报案。", "impersonation"],
    ["XX检察院已对你的案件批准逮捕，请你主动投案。", "impersonation"],
    ["我们和派出所是合作关系，你不还钱派出所会直接来找你。", "impersonation"],
    ["你的案子已经转到刑侦大队了，负责的是王警官。", "impersonation"],
    ["这是法院下发的传票，你明天上午九点必须到庭。", "impersonation"],
    ["我劝你别耍花样，否则后悔都来不及。", "threat"],
    ["你好好想想你老婆孩子，别让他们跟着你受罪。", "threat"],
    ["我们做这行的，什么人没见过，你这种我们有的是办法对付。", "threat"],
    ["再敢拉黑，我们就换一种方式跟你谈。", "threat"],
    ["你给我等着，这事没完。", "threat"],
    ["今天不还钱，明天你就知道我们是干什么的了。", "threat"],
    ["你这个白痴，连自己欠多少都不知道。", "insult"],
    ["穷逼，没钱还借什么钱。", "insult"],
    ["你就是条狗，只配被人追着要债。", "insult"],
    ["你家祖坟冒黑烟了吧，生出你这种东西。", "insult"],
    ["丢你老母，还不还钱？", "insult"],
    ["我们今天已经打了你一上午了，一直打到你接为止。", "harassment_frequency"],
    ["从早上到现在给你打了不下三十通电话。", "harassment_frequency"],
    ["我们会每隔半小时给你发一次短信，直到你还款。", "harassment_frequency"],
    ["你手机号我们已经加入自动外呼系统，每天循环拨打。", "harassment_frequency"],
    ["不接是吧？那我们就一个小时打一次。", "harassment_frequency"],
    ["你不回，我们就24小时不停打。", "harassment_frequency"],
    ["今天是第八次给你打电话了，还不接？", "harassment_frequency"],
    ["你的逾期已经上报到公安系统，以后住酒店都会被拦。", "deception"],
    ["再不还，你的驾照和身份证都会被吊销。", "deception"],
    ["逾期不还会被法院强制划扣你家人的存款。", "deception"],
    ["你这笔欠款会转到你父母名下，由他们来偿还。", "deception"],
    ["不还钱将被列入全国失信名单，手机号会被三大运营商停机。", "deception"],
    ["你已经被列为重点监控对象，出境会被拦截。", "deception"],
    ["你的学历会被教育部撤销。", "deception"],
    ["如果今天不还，明天你的工资卡就会被冻结。", "deception"],
    ["我们已经在网上对你发起了民事诉讼和刑事诉讼。", "deception"],
    ["你的欠款已经移交给公安机关，很快会对你立案侦查。", "deception"],
    ["你的名下资产已经被我们冻结了。", "deception"],
    ["逾期超过30天，系统自动将你的信息推送给你的工作单位。", "privacy_disclosure"],
  ])('%s → %s', (text, category) => {
    expect(cats(text)).toContain(category);
  });
});

/** Paraphrases of the kinds of conduct a blind set showed the lexicon lacked (written for these tests). */
describe('createAnalyzer: implicit menace, unusual audiences, fake court acts, rhetorical insults', () => {
  it.each<[string, CategoryId[]]>([
    // lying in wait, stalking, routines
    ["你每天早上七点半送孩子去幼儿园，走的哪条路我们都清楚。", ["threat"]],
    ["你老婆每天几点下班我们都摸清了。", ["threat"]],
    ["我们的人已经在你家楼下，今晚等到天亮也要见到你。", ["threat", "violence"]],
    ["哪天在半路上把你的电动车拦下来，咱们当面聊。", ["threat"]],
    ["再拖下去，我们的人就住进你家，坐着不走了。", ["threat"]],
    // confinement, past damage and "this is only the start"
    ["再不还把你拉到郊区关几天，让你清醒清醒。", ["threat"]],
    ["不还钱就把你软禁起来，什么时候还清什么时候放人。", ["threat"]],
    ["你家门口的字看到了吧，这只是警告。", ["threat", "violence"]],
    // disclosure to unusual audiences
    ["你儿子的老师我们已经联系上了，跟她说了你欠钱不还的事。", ["privacy_disclosure", "third_party_contact"]],
    ["已经在快手上发了你的视频，标题就叫欠钱不还的无赖。", ["insult", "privacy_disclosure"]],
    ["我们已经把你的身份证照片挂在闲鱼上了。", ["privacy_disclosure"]],
    ["你的信息已录入全国失信公示平台，全网可查。", ["deception", "privacy_disclosure"]],
    ["你的通讯录我们已经分配给催收组了，明天起一个一个打。", ["privacy_disclosure", "third_party_contact"]],
    // fake court acts
    ["法院已经对你作出冻结裁定，你名下所有账户都会被冻结。", ["deception", "impersonation"]],
    ["经人民法院裁定，你的房子将被查封拍卖。", ["deception", "impersonation"]],
    ["法院已下发执行令，限你三日内还清。", ["impersonation"]],
    // rhetorical-question insults
    ["你是瞎了吗，短信不看？", ["insult"]],
    ["你脑子进水了吧，欠钱还敢不接电话？", ["insult"]],
    ["你还有脸活着吗？", ["insult"]],
    // the collector's own report in a different wording
    ["我们已经报了案，你就等着吧。", ["deception"]],
  ])('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });

  it.each<[string]>([
    // the user's own reports and questions
    ["催收昨天给我打了三十多个电话，这正常吗"],
    ["有人自称是律师事务所的，说要起诉我，我该怎么办？"],
    ["今天有人在我家门上写了欠债还钱，我该报警吗"],
    // stop-request confirmations and lawful notes
    ["我们已不再联系您的家人，请放心。"],
    ["按照您的要求，我司已停止向您的同事致电。"],
    ["您的作息时间我们已经记下了，以后只在工作日白天联系您。"],
    ["您好，这里是华信资产管理公司，受平台委托联系您，请您方便时回电。"],
    ["你手机关了三天，我们一直联系不上你，请尽快回电。"],
  ])('lawful: %s', (text) => {
    expect(cats(text, '2026-05-12T10:00:00+08:00')).toEqual([]);
  });
});

describe('createAnalyzer: lawful contexts (true consequences, policies, anti-fraud notices, the user\'s own words)', () => {
  it.each<[string]>([
    ["【好借】尊敬的用户，您的账单已逾期5天，请尽快还款，以免产生更多罚息及影响个人征信。"],
    ["您好，您的欠款已逾期，平台将依据合同约定要求您一次性结清全部剩余本息。"],
    ["您好，因您长期未还款，您的借款额度已被冻结，结清后可申请恢复。"],
    ["我司已将您的逾期信息如实报送至中国人民银行征信中心，结清后将及时更新。"],
    ["本公司提醒您：请通过官方渠道还款，任何要求转账到个人账户的行为均为诈骗。"],
    ["我们的外访同事计划本周四上午到您家中拜访，了解您的还款困难，如不方便请提前告知。"],
    ["您好，您填写的紧急联系人李某某反映已与您失联，烦请您尽快回电。"],
    ["您的欠款已由原债权人依法转让给我司，特此通知，后续请向我司还款。"],
    ["您好，我是您的专属客服小王，今天是您的还款日，记得按时还款哦。"],
    ["您之前申请的减免方案已通过审核，请在本月25日前还款3000元即可结清。"],
    ["如您确有困难，可向我司申请个性化分期，最长可分24期。"],
    ["依据《民法典》相关规定，借款人应按约定期限返还借款，逾期将承担违约责任。"],
    ["我们尊重您的隐私，您的借款信息不会告知任何第三方。"],
    ["网传“逾期会被抓”“欠钱会坐牢”均为不实信息，借贷纠纷属于民事纠纷。"],
    ["您好，法院的立案信息请以法院官方渠道为准，我司不会以法院名义向您发送短信。"],
    ["我们已暂停对您的电话提醒，改为短信告知，请您查收。"],
    ["您好，因您多次承诺还款未兑现，我司保留通过诉讼方式解决的权利。"],
    ["根据您的还款记录，本次逾期不会影响您的子女上学或就业，请放心处理。"],
    ["我：你们是不是要起诉我？\n客服：目前还没有，我们希望先和您协商还款。"],
    ["我：你们会不会打给我家里人？\n客服：不会的，我们只联系您本人。"],
    ["客户您好，今天因系统原因重复给您发送了3条提醒短信，给您带来不便敬请谅解。"],
    ["您好，如判决生效后您未按判决履行，债权人可依法申请强制执行。"],
    ["您的账户已逾期，如持续不还，我司将按合同约定委托第三方机构进行催收。"],
    ["温馨提醒：请勿相信所谓“征信修复”“代还款”服务，以免上当受骗。"],
    ["您好，请问您是张三的朋友吗？我们有急事找他，能否请他回个电话？谢谢。"],
    ["已收到您的还款1500元，剩余欠款3200元，请于下月10日前还清。"],
    ["您好，工作日9点到18点我们会通过电话与您联系，如需调整时间请回复。"],
    ["您好，我司委托的律师将向您寄送律师函，载明欠款金额及我司拟采取的民事诉讼措施，如有异议请致电律所核实。"],
    ["我们不会去您单位，也不会联系您的同事，请您配合还款。"],
    ["您好，您的账单有一笔逾期，如已还款请忽略本短信。"],
    ["催收的人昨天打电话说要去我单位闹，还骂我是老赖，我现在好害怕。"],
    ["今天有个自称法院的人给我打电话说我被起诉了，让我转账，这是不是骗子？"],
    ["他们说不还就让我坐牢，还要通知我全家，我该相信吗？"],
    ["昨晚十二点催收给我打了十几个电话，还说要曝光我，我已经录音了。"],
    ["催收员说要把我的照片发到网上，请问这种情况我可以报警吗"],
    ["我被催收威胁了，说要上门找我爸妈，我要怎么保护家人？"],
    ["【XX消费金融】防诈提醒：近期有人冒充我司，以“注销账户”“影响征信”为由诱导转账，请提高警惕，我司不会要求您转账至个人账户。"],
    ["【XX银行】反诈提示：公检法机关不会通过电话办案，更不存在“安全账户”，请勿向陌生人转账。"],
    ["您好，为核实您的身份信息，我们将在工作时间内给您致电，请注意接听。"],
    ["我司郑重承诺：绝不会以曝光、骚扰亲友等方式催收，如遇此类行为请向我司举报。"],
    ["您好，我们是XX资产管理公司，受原债权人委托通知您：您的债权已转让，原合同条款不变。"],
    ["您好，我们会在本周内安排专员上门了解情况，您可以选择在家或另约时间，也可以拒绝来访。"],
    ["您好，法院判决后如拒不履行，可能会被限制高消费，目前您仍有机会协商解决。"],
    ["按照合同约定，逾期后我司有权宣布贷款提前到期，并要求您一次性偿还全部借款本息。"],
    ["您好，麻烦您联系一下您的朋友刘强，让他给我们回个电话，谢谢您。"],
    ["您好，您是王芳登记的紧急联系人，我们联系不上她，如果方便请提醒她查看短信，谢谢。"],
    ["你的欠款我们会通过合法途径追讨，包括向法院提起民事诉讼。"],
    ["您好，请于今日18点前还款，否则系统将自动上报逾期记录。"],
    ["我们不会冻结您的银行卡，也不会联系您的单位，请放心。"],
    ["您好，今天是第一次联系您，请问您的还款计划是怎样的？"],
    ["经核实，您反映的催收人员辱骂一事属实，我们已对该员工进行处理，向您致歉。"],
    ["我：你们再骂我就去投诉！\n催收员：对不起，之前同事态度不好，我代表公司向您道歉。"],
    ["催收员：您好，请问是李先生吗？\n我：你们天天打，我要崩溃了，你们是不是要逼死我？\n催收员：抱歉给您造成困扰，我们今后每天最多联系一次。"],
    ["我们理解您目前的处境，不会给您施加压力，您可以先还一部分。"],
    ["您好，提醒您：逾期记录会保留五年，结清后不会继续恶化。"],
    ["【XX金融】尊敬的客户，您的借款已逾期15天，我司已依约暂停您的全部借款额度，逾期记录将报送征信，请尽快处理。"],
    ["您好，根据《个人信息保护法》，我们仅会在无法联系您本人时联系紧急联系人，且不会透露您的欠款信息。"],
    ["本平台从不委托任何机构上门催收，如有人以我司名义上门，请立即报警。"],
    ["如您继续拒绝还款，我司将委托律师向法院起诉，诉讼费用依法由败诉方承担。"],
    ["提醒：人民法院的传票会通过法院官方渠道送达，请勿相信短信中的“传票”链接。"],
    ["【XX法院】提醒：本院不会通过短信要求当事人转账，请登录中国移动微法院查看案件信息或致电12368。"],
    ["您好，您的逾期已移交我司处理，我司是持牌合规的催收机构，工号B2031，所有通话均录音。"],
    ["尊敬的用户，您的借款已逾期，我们将于明日上午10点再次与您电话联系，请保持手机畅通。"],
    ["亲，您的还款日到了哦，今天还款不影响信用，逾期会产生罚息。"],
    ["我：能不能别告诉我家里人？\n催收员：可以的，我们只跟您本人沟通。"],
    ["我：你们要是找我老婆我就不还了\n催收：我们不会联系您的家属，放心。"],
    ["您好，我们是XX银行信用卡中心，您的信用卡已逾期，依据合同约定将收取违约金，逾期信息将报送征信系统。"],
    ["您好，我司已向您的户籍地址邮寄催收函，请注意查收。"],
    ["您好，为保护您的隐私，以后我们只通过短信联系您，不再打电话。"],
    ["您好，您的分期申请已受理，审核通过后会短信通知您。"],
    ["您好，您的借款已结清，感谢您的配合，征信将在下一个报送周期更新。"],
    ["您好，若您对我们的催收方式有意见，可拨打银保监投诉热线12378进行投诉。"],
    ["律师提示：借贷纠纷是民事纠纷，债权人只能通过诉讼追讨，任何人无权拘留、扣押您。"],
    ["我们会如实向征信机构报送您的逾期信息，这是依法依规的做法。"],
    ["您好，逾期超过一定期限后，平台可能会将债权转让给资产管理公司，届时会另行通知您。"],
    ["催收员：王先生您好，您本月账单已逾期，请问今天能处理吗？\n我：我下周发工资就还。\n催收员：好的，我们备注一下，请按时还款，避免产生更多罚息。"],
    ["客服：您好，您的借款已逾期，我们不会联系您的家人和同事，但逾期会影响您的征信。\n我：知道了。"],
    ["对方：我们已经记录您的还款承诺，如到期未还，我司将依法委托律师提起诉讼。"],
    ["催收：你好，你的欠款逾期了，今天方便还吗？\n我：你们再打我就报警！\n催收：好的，您有权投诉，我们会减少联系。"],
    ["我：你们是不是要去我家？\n催收员：不会的，我们不上门，也不联系您家人。"],
    ["您好，如果您遇到自称“法院”“公安”的人员要求转账，请立即挂断并拨打110核实。"],
    ["您好，您的逾期已超过90天，已按合同约定报送征信并停止计息优惠，如有困难请联系我们协商。"],
    ["【XX小贷】您好，我司已向XX区人民法院提交诉状，法院受理后将依法送达，届时请以法院文书为准。"],
    ["您好，您拖欠的款项已委托XX律师事务所处理，律所将以书面形式与您联系，仅涉及民事诉讼事宜。"],
    ["尊敬的客户，为保障您的权益，我们的通话全程录音，请您理性沟通。"],
    ["我们不会上门，不会爆通讯录，也不会联系您的家人，请您放心沟通。"],
    ["我司承诺绝不采取曝光、骚扰亲友、上门等方式催收。"],
    ["您好，您是张伟先生的紧急联系人，他的手机一直无法接通，请转告他尽快与我们联系，谢谢。"],
    ["您好，打扰了，请问您认识李娜吗？她留的是您的电话，麻烦您提醒她回个电话，谢谢。"],
    ["您好，我们计划安排外访人员于本周六上门拜访，届时会出示工作证件，如您不同意，可回复拒绝。"],
    ["法院判决生效后，您如仍未履行，我司将依法申请强制执行，届时法院可能冻结您的银行账户。"],
    ["您好，我是XX律师事务所的李律师，受XX公司委托，就您的借款合同纠纷与您协商，如协商不成，委托人将向法院起诉。"],
    ["温馨提示：您已逾期，逾期信息将报送征信，可能影响您今后的贷款和信用卡申请。"],
    ["您好，您的账单逾期后，平台将按日收取0.05%的罚息。"],
    ["您好，根据合同约定，您的借款已提前到期，请于7日内一次性还清。"],
    ["【XX法院】您好，（2026）某0101民初123号案件定于6月1日开庭，请准时到庭，详询12368。"],
    ["XX人民法院提醒：您有一份法律文书已送达电子送达平台，请及时登录查看，咨询请拨打12368。"],
    ["反诈提醒：“你的网贷涉嫌诈骗需要注销”“不还款将被公安抓捕”都是骗子话术，请勿相信。"],
    ["有人冒充我司发短信称“已报警”“将上门抓人”，这些都是假的，我司不会这样做。"],
    ["我：我就是不还，你们能怎样？\n催收员：那我们只能按合同走法律程序，您考虑清楚。"],
    ["我：你们是不是要曝光我？\n催收员：我们不会这样做，您放心。"],
    ["您的借款已逾期，如您有还款困难，可申请延期或分期，我们将尽量为您争取减免。"],
    ["您好，债权已转让，请向新债权人XX资产管理有限公司还款，原平台不再受理。"],
    ["不好意思打扰了，刚才拨错号码了。"],
    ["您好，本次来电仅为提醒还款，后续我们将通过短信联系您。"],
    ["我们可以换个方式解决，比如先还一部分，剩下的分期。"],
    ["您好，如您对还款方式有疑问，我们可以换一种方式和您沟通，比如微信或邮件。"],
    ["如果您觉得电话沟通不方便，可以换个时间再聊。"],
    ["我们不是要为难您，只是希望您能重视这笔欠款。"],
    ["这是您本月的账单明细，请注意查收。"],
    ["这是我们最后一次电话提醒，后续将转为短信通知。"],
    ["这是XX公司的官方客服号码，您可以放心回拨。"],
    ["请您放心，我们不会做任何违法的事情。"],
    ["您好，您的账单还没还，这事别拖太久哦，利息会越来越多。"],
    ["希望您能理解，我们也是按规定办事。"],
    ["我们已经收到你的投诉，会尽快处理。"],
    ["我们核实后发现之前多收了您50元费用，已退回。"],
    ["如您遭遇暴力催收，可向公安机关报案，或向我司投诉。"],
    ["如果有人冒充警察要求您转账，请立即拨打110报警。"],
    ["您好，借贷纠纷属于民事案件，公安机关一般不予立案，请您理性看待网上的不实传言。"],
    ["我司只会通过法院诉讼追讨欠款，不会报警，也不会让公安介入。"],
    ["根据法律规定，只有法院才能冻结您的银行账户，我司无权这样做。"],
    ["法院立案后会通过官方渠道通知您，请不要轻信短信链接。"],
    ["您可以登录中国执行信息公开网查询自己是否被列为失信被执行人。"],
    ["您的案件目前仍在协商阶段，尚未起诉。"],
    ["如您收到自称律师事务所的短信，可以通过司法局官网查询律所是否真实存在。"],
    ["逾期不会被列入黑名单，只会在征信报告上留下记录。"],
    ["我们没有报警，也没有起诉，只是希望您尽快还款。"],
    ["请勿相信“征信黑名单可以花钱消除”的说法。"],
    ["今天是第二次联系您，请您方便时回电。"],
    ["我们每月会给您发送一次账单提醒。"],
    ["我们最多每天联系您一次，如需调整请告诉我们。"],
    ["近三天我们每天给您打了一次电话，均未接通，请您回电。"],
    ["只有被法院依法列为失信被执行人后，才可能被限制乘坐飞机和高铁，单纯逾期不会。"],
    ["逾期不会影响您出行、住酒店，但会影响征信。"],
    ["我们不会向公安机关上报您的逾期信息，征信报送仅限人民银行征信中心。"],
    ["您的学历、工作都不会因为逾期受到影响，请放心。"],
    ["按照合同，逾期后平台可从您绑定的银行卡中代扣当期应还款项。"],
    ["稍后我同事会联系您，确认分期方案。"],
    ["您好，之前您跟我的同事说了月底还款，请问现在方便处理吗？"],
    ["我们客服同事已经把减免申请提交了，请耐心等待。"],
    ["您好，我是接替之前同事的客服小刘，以后由我负责和您联系。"],
    ["我们的外访人员会在小区门口等您，您方便时下来聊一下，也可以拒绝。"],
    ["我们领导同意给您减免200元违约金。"],
    ["您好，我们主管特批了您的延期申请。"],
  ])('%s', (text) => {
    expect(cats(text, '2026-05-12T10:00:00+08:00')).toEqual([]);
  });

  it('a negated cue straddling the hit does not count ("不会坐牢")', () => {
    expect(cats('欠钱还不上不会坐牢的，但会上征信')).toEqual([]);
    expect(cats('你这种情况是要坐牢的')).toEqual(['deception']);
  });

  it('a rejected alternative does not hide another pattern at the same place', () => {
    expect(cats('不还钱的话，你的孩子以后不能参军、不能考公务员。')).toEqual(['deception']);
  });

  it('a court-looking notice that points to 12368 is lawful unless it asks for money to a private account', () => {
    expect(cats('【某某区人民法院】您有一件诉讼材料待查收，案号（2026）某0101民初1号，如有疑问请拨打12368。')).toEqual([]);
    expect(cats('【某某区人民法院】您已被列为被告，请将欠款转入以下账户，收款人王某，如有疑问请拨打12368。')).toEqual(
      expect.arrayContaining(['impersonation', 'deception']),
    );
  });
});

describe('createAnalyzer: scanning only the patterns whose anchor words occur', () => {
  it('finds exactly what scanning every pattern finds, with the same evidence', () => {
    const all = createAnalyzer(rules, { indexAnchors: false });
    const rows = ['messages', 'fresh-8'].flatMap((s) => readJsonl<LabelledMessage>(join(PACKAGE_ROOT, 'eval', 'analyze', `${s}.jsonl`)));
    for (const r of rows) {
      const input = { text: r.text, sentAt: r.sent_at ? new Date(r.sent_at) : null };
      const fast = analyzer.analyze(input).findings.map((f) => `${f.category}:${f.evidence}`);
      expect([r.id, fast]).toEqual([r.id, all.analyze(input).findings.map((f) => `${f.category}:${f.evidence}`)]);
    }
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

});

/**
 * Since categories.md (issue 11) an act only announced or threatened is a threat, and violence is an act that is
 * happening or has happened; the expectations below follow it.
 *
 * Third round of unseen-style messages (written while generalising to fresh-4/5; none is copied from eval/):
 * described or implied violence (watching, following, routines, damage already done, confinement, maiming told as
 * a warning), implicit menace, fake regulators, letters to employers and landlords, dialect and pinyin. Each
 * unlawful message must show at least the named categories; each lawful one nothing.
 */
describe('createAnalyzer: described violence, implicit menace, addressed third parties (round 3)', () => {
  it.each<[string, CategoryId[]]>([
    ['你女儿每天下午四点半放学，走的是学校后门那条路吧。', ['threat']],
    ['你家那辆白色电动车停在楼下挺显眼的，哪天被人点了可别怪我们。', ['threat']],
    ['你再躲，我们就把你老妈从老家接过来住几天。', ['threat']],
    ['找几个兄弟陪你好好聊聊，聊到你想还为止。', ['threat']],
    ['我们外访的兄弟脾气不好，上次有人不还被打进了医院。', ['threat', 'violence']],
    ['你猜我们现在在哪？抬头看看你家窗户外面。', ['threat', 'violence']],
    ['门口那桶油漆是给你准备的。', ['threat']],
    ['今晚我们就去你家，把你家能搬的都搬走。', ['threat']],
    ['你老婆上班的那个商场，我们去逛过了。', ['threat', 'violence']],
    ['有人看见你昨天在万达吃饭。', ['threat', 'violence']],
    ['今天你去超市买菜，我们的人就在你后面排队。', ['threat', 'violence']],
    ['我们已经在你家对面租了房，你一出门就有人跟着。', ['threat', 'violence']],
    ['你老公每天7点从小区东门出来，那条路没监控。', ['threat']],
    ['上周你家窗户玻璃是怎么碎的，心里有数吧', ['threat', 'violence']],
    ['兄弟，那伙人下手狠，上次有个人手指头都没了', ['threat', 'violence']],
    ['明儿哥几个上你家坐着，啥时候还钱啥时候走', ['threat']],
    ['别以为搬家就没事，你新家地址我们已经拿到了。', ['threat']],
    ['我劝你别出门了，外面不太平。', ['threat']],
    ['你的遗像我们都做好了，挂你家门口正合适。', ['threat']],
    ['三日内不到案，我们将依法对你采取强制措施。', ['impersonation', 'deception']],
    ['【网信办】您的账号涉嫌逃废债，将封禁所有社交账号', ['impersonation', 'deception']],
    ['贵单位职工李某在我司借款逾期，请协助督促。', ['privacy_disclosure', 'third_party_contact']],
    ['你们单位的王某在我们这欠了三万，麻烦转告他', ['privacy_disclosure', 'third_party_contact']],
    ['明天把你的催收函寄到你老家村委会。', ['privacy_disclosure', 'third_party_contact']],
    ['你要是不还，我们每半天给你单位座机打一轮。', ['harassment_frequency', 'third_party_contact']],
    ['我们三个人轮班打你，一个都不会落下。', ['harassment_frequency']],
    ['你不还钱，你孩子以后上不了公办学校。', ['deception']],
    ['你的征信已经是黑户，全国银行都不会再给你开卡。', ['deception']],
    ['你个衰人，再唔还就搵你老细。', ['insult', 'third_party_contact']],
    ['听说你老家的房子是木头的？挺容易着火吧。', ['threat']],
    ['你出门的时候最好回头看看。', ['threat']],
    ['我已经在你们小区门口了，下来聊聊。', ['threat', 'violence']],
    ['不还钱就把你卖到缅甸去。', ['threat']],
    ['我们兄弟已经在你老家村口等着了。', ['threat', 'violence']],
    ['你给你家人买保险了吗？最近意外挺多的。', ['threat']],
    ['你儿子长得挺可爱，路上车多，可得看好了。', ['threat']],
    ['欠钱不还的人，一般都没什么好下场。', ['threat']],
    ['你的手机定位我们已经拿到了。', ['threat']],
    ['你要是再不还款，明天就让你在全村出名。', ['privacy_disclosure']],
  ])('%s', (text, expected) => {
    const got = cats(text);
    for (const c of expected) expect(got).toContain(c);
  });

  it.each<[string]>([
    ['李老师您好，您的借款已逾期7天，请尽快还款。'],
    ['您好，您是张某的紧急联系人，麻烦转告他回电。'],
    ['请您每天9点前还款，下班后也可以在App还款。'],
    ['您每天几点下班？我们在您下班后联系。'],
    ['您是不是在接孩子？那我们稍后再打。'],
    ['我们的网点就在你附近，可以来办理。'],
    ['您连续三天未接电话，请回电。'],
    ['公证处出具的公证书可作为证据，具体以法院判决为准。'],
    ['我们的外访人员每天上门时间为9点到18点。'],
    ['如果法院判决后仍不履行，可能被采取强制措施。'],
    ['您的App账号如长期未登录可能被注销。'],
    ['您的收货地址我们已经拿到了，发票会寄给您。'],
    ['我们看到你昨天在App提交了申请。'],
    ['【贷后服务中心】有人冒充“网信办”发短信称您将被列入黑名单，此类短信均系伪造。'],
    ['您好，请问是王某的同事吗？麻烦让他回个电话，谢谢。'],
    ['您好，我们的外访人员已到您小区门口，如方便请下楼面谈，不便可改约。'],
    ['我们推荐您购买保险了吗？不，我们不销售保险。'],
    ['逾期会影响您在其他平台的贷款审批。'],
  ])('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});

describe('createAnalyzer: workplace visits, third parties told the debt, implied damage, authorities acting (round 4)', () => {
  it.each<[string, CategoryId[]]>([
    ['今天不还，我们下午就去你工作的地方拉横幅，让你同事都看看。', ['privacy_disclosure', 'third_party_contact']],
    ['我们的人明早去你们厂门口等你。', ['third_party_contact', 'threat']],
    ['你的身份证、欠款截图很快会出现在你每个微信好友的聊天框里。', ['privacy_disclosure', 'third_party_contact']],
    ['已经打给你父亲了，把你借了三万逾期半年的事全跟他讲清楚了。', ['privacy_disclosure', 'third_party_contact']],
    ['联系过你爱人了，她气得直哭，你好意思吗？', ['privacy_disclosure', 'third_party_contact']],
    ['再拖着不还，逾期记录直接甩群里。', ['privacy_disclosure']],
    ['明天法院的工作人员会到你家来，你准备一下。', ['impersonation', 'deception']],
    ['你名下的房子将由当地公安局查封。', ['impersonation', 'deception']],
    ['到时候上门可就没这么客气了，你自己想想。', ['threat']],
    ['我们过去以后，你店里的玻璃要是碎了可别怪我们。', ['threat']],
    ['不开门我们就踹门进去。', ['threat']],
    ['不还就让你在医院躺几个月。', ['threat']],
    ['借钱不还的孙子，你躲哪去了？', ['insult']],
    ['你个玩意儿，电话都不敢接？', ['insult']],
    ['电话不会断的，一天三十个，直到你接为止。', ['harassment_frequency']],
    ['你家门上我们会用油漆写上欠债还钱四个大字。', ['privacy_disclosure', 'threat']],
    ['我们把你的借款资料复印了几十份，下周在你们镇上发。', ['privacy_disclosure']],
    ['再拖下去就让你在亲戚面前社死。', ['privacy_disclosure']],
    ['律师函我们已经给你单位寄了一份。', ['privacy_disclosure', 'third_party_contact']],
    ['你不在也没关系，我们把你家的电视冰箱搬走抵债。', ['threat']],
    ['真以为我们弄不死你？', ['threat']],
    ['我们的人现在就在你家附近了。', ['threat', 'violence']],
    ['你爸妈住哪我们早就清楚。', ['threat']],
    ['我们这边的兄弟脾气可没那么好。', ['threat']],
    ['限你三日内到案说明情况。', ['impersonation']],
    ['材料已整理完毕，明天移交司法机关。', ['impersonation']],
    ['你已经进了公安的系统，坐高铁都会被查。', ['deception']],
    ['我司刚收到派出所的协查通知，请你马上处理。', ['impersonation']],
    ['你欠的钱我们已经在你们村里宣传过了。', ['privacy_disclosure']],
  ])('%s', (text, expected) => {
    const got = cats(text);
    for (const c of expected) expect(got).toContain(c);
  });

  it.each<[string, CategoryId[]]>([
    // Posting at a village office door is public exposure, not contact with a particular person.
    ['再不还就把你的欠款信息贴到你们村委会门口，让全村都知道。', ['privacy_disclosure']],
    // Posting on WeChat Moments is exposure, not contacting friends (朋友圈 is not 朋友).
    ['你的照片我们已经发到你朋友圈下面了。', ['privacy_disclosure']],
    // A fake "失信曝光平台" is a false consequence, not a public posting.
    ['您的欠款信息已推送至全国失信曝光平台。', ['deception']],
  ])('exactly: %s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });

  it.each<[string]>([
    ['您好，我们每天只会联系您一次，请您方便时回电。'],
    ['您有什么东西需要寄回的，请联系客服。'],
    ['如判决生效后仍不履行，法院将依法强制执行。'],
    ['我司将依法向法院起诉，请留意法院送达的文书。'],
    ['我们会好好跟您沟通，请放心。'],
    ['您好，工作的地方方便接电话吗？我们可以改到晚上七点前联系。'],
    ['您的朋友圈广告投放已暂停。'],
    ['孙子孙女放假了吗？祝您全家安康。'],
    ['一天3次以内的提醒属于正常范围。'],
    ['您好，如果您在上班的地方不方便接听，可以告诉我们合适的时间。'],
    ['您可以在小区里的网点发起还款。'],
    ['请把签好的还款协议拍照发给我们。'],
    ['您好，我们一直很客气地与您沟通，也希望您配合。'],
    ['根据法律规定，只有法院才能冻结账户，我们无权这样做。'],
    ['我们是持牌机构，不会到您单位闹事，也不会拉横幅。'],
  ])('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});

describe('createAnalyzer: intimate images held over the borrower', () => {
  const a = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
  it('treats "we have your nude photos" as threatened exposure', () => {
    const r = a.analyze({ text: '不还钱就让你社死，你的裸照我们也有', sentAt: null });
    expect(r.categories).toContain('privacy_disclosure');
  });
  it('does not flag an anti-fraud notice that only names the scam', () => {
    expect(a.analyze({ text: '【反诈提醒】警惕裸聊诈骗，不要向陌生人转账。', sentAt: null }).lawful).toBe(true);
  });
});

/**
 * Fifth round (issue 11), written for these tests after tuning on fresh-8, in the kinds a blind set showed weak:
 * messages addressed to a third party that tell the debt, forwarded bursts with their times, veiled menace, text
 * mixed with English, transcripts of force, false consequences phrased as legal facts, and the boundaries of
 * categories.md (a future act is a threat, an arrest claimed by a fake authority is impersonation + deception).
 * Of the first 40, 24 were right before the rules were generalised; of the next 30, 17.
 */
describe('createAnalyzer: third parties told the debt, bursts, veiled menace, English, force, legal-sounding falsehoods (round 5)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["王叔叔您好，您侄子王强在我们平台借了1.5万，逾期四个月了，麻烦您劝劝他。", null, ["privacy_disclosure", "third_party_contact"]],
    ["李老师，打扰一下，您学生张晓雨的妈妈在我司欠款未还，请您转告家长尽快处理。", null, ["privacy_disclosure", "third_party_contact"]],
    ["各位邻居好，3单元502的赵某欠我公司八万元不还，大家见到他请提醒。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你好，请问你是刘洋的室友吗？他在我们这借款逾期，一直联系不上。", null, ["privacy_disclosure", "third_party_contact"]],
    ["嫂子，你老公在外面欠了我们三万块网贷，你知道吗？", null, ["privacy_disclosure", "third_party_contact"]],
    ["08:01 在吗\n08:03 回话\n08:04 装死？\n08:06 别逼我", "2026-05-02T08:06:00+08:00", ["harassment_frequency", "threat"]],
    ["[14:10] 还钱\n[14:11] 还钱\n[14:12] 还钱\n[14:13] 你再不回我就打你单位", "2026-05-02T14:13:00+08:00", ["harassment_frequency", "third_party_contact"]],
    ["10:00 您好，提醒您今日还款\n15:00 您好，请记得还款", "2026-05-02T15:00:00+08:00", []],
    ["你妈住的那个小区叫阳光花园吧，我们周末去看看她老人家。", null, ["third_party_contact", "threat"]],
    ["你家楼下那辆蓝色电动车是你的吧？晚上停外面可不太安全。", null, ["threat"]],
    ["你公司地址我们有，你家地址我们也有，自己掂量。", null, ["threat"]],
    ["💣💣💣 明天中午12点前", null, ["threat"]],
    ["We know where your kids go to school. Pay by Friday.", null, ["threat"]],
    ["Your boss will receive a letter about your debt tomorrow.", null, ["privacy_disclosure", "third_party_contact"]],
    ["If you don't pay today, we will call all your contacts and tell them you owe us money.", null, ["privacy_disclosure", "third_party_contact"]],
    ["you have 24 hours, or your photos go on Weibo 微博", null, ["privacy_disclosure"]],
    ["催收：把你身份证拿出来。\n我：不给。\n催收：（按住我的手把包抢过去）由不得你。", null, ["threat", "violence"]],
    ["催收员：今天钱不到账，你就在这屋里待着，门我们锁了。", null, ["threat", "violence"]],
    ["（楼道里）催收：让开！（一脚把门踹开冲进屋）", null, ["threat", "violence"]],
    ["按照最新司法解释，逾期超过60天利息按四倍计算，你现在要还3万。", null, ["deception"]],
    ["根据规定，你所有银行账户已被全国联网冻结，解冻需先还清欠款。", null, ["deception"]],
    ["逾期记录会同步到你父母的征信，他们以后也贷不了款。", null, ["deception"]],
    ["依法你的工资单位必须代扣还款，我们已经通知你们财务了。", null, ["deception", "privacy_disclosure", "third_party_contact"]],
    ["明天我们带人去你家把门砸了。", null, ["threat"]],
    ["我们昨天已经把你家门砸了，看到没有？", null, ["threat", "violence"]],
    ["今天下午派出所会来人带你走，你跑不掉的。", null, ["deception", "impersonation"]],
    ["你再不还，我们就申请法院拘留你。", null, ["deception"]],
    ["我们的人现在就在你家门口，不开门就一直等。", null, ["threat", "violence"]],
    ["您好，我们是XX律师事务所，受委托就您的欠款提起诉讼，起诉状副本将由法院送达，执业证号可通过12348查询。", null, []],
    ["您好，我行已将您的逾期信息报送征信，如有异议可在15日内提出。", null, []],
    ["阿姨，不好意思打扰您，请您让小刘回个电话，谢谢。", null, []],
    ["外访人员今天会去您家拜访，如您不同意可回复拒绝，我们将改为电话沟通。", null, []],
    ["你这种人就是社会的蛀虫，借钱不还的烂人。", null, ["insult"]],
    ["兄弟，你那辆车挺新的，划一道可就不值钱了。", null, ["threat"]],
    ["我们已经给你们村的村长打电话了，他也知道你欠钱的事了。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你老婆在哪个厂上班我们一清二楚，明天去厂门口等她。", null, ["third_party_contact", "threat"]],
    ["Hi 张先生，本周已第7次联系您，please call back today.", null, ["harassment_frequency"]],
    ["今天给你打了15个电话，发了30条短信，你还装死？", null, ["harassment_frequency"]],
    ["你这个月再不还，我们就天天打电话给你爸，打到他替你还为止。", null, ["harassment_frequency", "third_party_contact"]],
    ["喂，是张伟他爸吗？你儿子借了我们两万块不还，人跑了，你们家长管不管？", null, ["privacy_disclosure", "third_party_contact"]],
    ["@全体成员 本群成员李明在我平台借款逾期，欠款12800元，请知情者督促其还款。", null, ["privacy_disclosure", "third_party_contact"]],
    ["小王的同事们好，他欠了我们公司钱，麻烦大家转告一声。", null, ["privacy_disclosure", "third_party_contact"]],
    ["22:31 睡了没\n22:35 别装\n22:40 明天上你家", "2026-05-03T22:40:00+08:00", ["harassment_frequency", "off_hours"]],
    ["9:00 还款提醒\n9:30 还款提醒\n10:00 还款提醒\n10:30 还款提醒", "2026-05-03T10:30:00+08:00", ["harassment_frequency"]],
    ["你儿子在二中读初三对吧，放学那段路挺长的。", null, ["threat"]],
    ["🔪 今晚十点前还钱", null, ["threat"]],
    ["我们知道你老婆开的是哪辆车，车牌号都记下了。", null, ["threat"]],
    ["Pay now or we visit your parents tonight.", null, ["third_party_contact"]],
    ["We already told your manager about your loan.", null, ["privacy_disclosure", "third_party_contact"]],
    ["U r a loser and a liar, pay ur debt", null, ["insult"]],
    ["催收：坐好别动，手机交出来。\n我：你们不能这样。\n催收：（把我按在沙发上）老实点。", null, ["threat", "violence"]],
    ["（在小区门口）催收一把拽住我衣领：今天不还钱不让你走。", null, ["threat", "violence"]],
    ["法律规定逾期超过三个月的，出借人可以直接冻结借款人所有银行卡和微信支付宝。", null, ["deception"]],
    ["你的逾期已上报国家信用平台，以后子女入学、就业都会受到限制。", null, ["deception"]],
    ["按照合同，逾期后利息翻倍，现在你要还本金的两倍。", null, ["deception"]],
    ["明天我们去你单位门口拉横幅。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我们现在就在你单位门口，拉着横幅呢。", null, ["privacy_disclosure", "third_party_contact", "threat", "violence"]],
    ["我是市公安局的，你网贷的事我们已经立案了。", null, ["impersonation"]],
    ["鉴于你恶意拖欠，公司已委托律所起诉，并将同步申请法院对你拘留。", null, ["deception"]],
    ["您好，您在我行的信用卡已逾期，我行已委托律师事务所依法处理，后续将通过诉讼途径解决。", null, []],
    ["您好，这里是XX银行信用卡中心，您的账单已逾期，请及时还款，逾期将影响征信。", "2026-05-03T09:00:00+08:00", []],
    ["张女士您好，受债权人委托，我所律师将于下周与您联系协商还款事宜，律师执业证号可在中国法律服务网查询。", null, []],
    ["您好，关于您的分期申请，我们会在3个工作日内给您答复。", null, []],
    ["您好，请问是王芳的家人吗？麻烦让她有空回个电话，谢谢。", null, []],
    ["老赖一个，还有脸玩失踪？", null, ["insult"]],
    ["给你们单位领导打了三次电话了，他说会找你谈。", null, ["third_party_contact"]],
    ["你要还不上，就让你老婆来还，她也跑不掉。", null, ["deception"]],
    ["你等着，我们马上到你家楼下。", null, ["threat"]],
    ["看到你家阳台上晾的衣服了，今天天气不错啊。", null, ["threat", "violence"]],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: threats to life, wishing death, veiled "accidents" (issue 11, round 6)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    // Menace to life, explicit or veiled: threat (categories.md).
    ["你全家一个都别想活", null, ["threat"]],
    ["三天内不还，我让你活不过这周末", null, ["threat"]],
    ["你这条小命还想不想要了？", null, ["threat"]],
    ["你爸妈的性命就看你还不还了", null, ["threat"]],
    ["钱和命，你只能留一样", null, ["threat"]],
    ["晚上开车注意点，刹车要是不灵了可没人救你", null, ["threat"]],
    ["哪天你家煤气漏了，可别说我们没提醒", null, ["threat"]],
    ["你女儿每天过马路，万一被车撞了多可惜", null, ["threat"]],
    ["不想活就直说，我们送你一程", null, ["threat"]],
    ["kill you if u dont pay", null, ["threat"]],
    ["再拖下去你就是个死人了", null, ["threat"]],
    ["你要是再躲，下次见面就是在太平间", null, ["threat"]],
    // Wishing someone dead is abuse, not a menace of the sender's own harm: insult.
    ["你怎么还有脸活在世上", null, ["insult"]],
    ["这种人还活着干嘛，赶紧去死", null, ["insult"]],
    ["你死了算了，省得祸害家里人", null, ["insult"]],
    ["你为什么还不去死", null, ["insult"]],
    // Life words in lawful messages stay lawful.
    ["您好，您本月账单已出，请按时还款，避免影响生活", null, []],
    ["我们理解您的难处，生死攸关的事情先处理，还款可以缓一缓", null, []],
    ["师傅注意安全，今晚雨大，还款的事明天再说", null, []],
    ["钱不是问题，命要紧，您先去医院，我们暂停催收", null, []],
    ["我们这工作也是拼了命，请您理解", null, []],
    ["如有陌生人冒充我司上门，请注意安全并及时报警", null, []],
    ["千万不要想不开去跳楼，有困难可以拨打心理援助热线12356，我们可以协商", null, []],
    ["您好，逾期会影响征信，早晚都要还的，不如早点处理", null, []],
    ["您父亲住院了就先照顾好他，等他出院后我们再和您商量还款", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: who is pressed and what is revealed (round 6)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    // Calling relatives one by one, the debt not said to be revealed: third_party_contact only.
    ["你舅舅你姑姑的电话我都存了，挨个打。", null, ["third_party_contact"]],
    // Shame carried to the workplace or home village reveals the debt there.
    ["不还钱就让你在同事面前抬不起头", null, ["privacy_disclosure", "third_party_contact"]],
    // Calling the borrower all night is frequency, not contact with the family insulted in the same breath.
    ["你全家都是废物，今晚我就一直打，打到天亮", null, ["harassment_frequency", "insult"]],
    // The borrower named through his child, in a message to a teacher, is not a relative made to pay.
    ["李老师您好，您班上小明的爸爸欠我司的钱一直不还，麻烦提醒一下让他爸爸还钱", null, ["privacy_disclosure", "third_party_contact"]],
    ["不还就让你爸妈替你还", null, ["deception"]],
    // A rhetorical "是不是觉得…拿你没办法" is menace (its 不是 is no negation), unless it leads to a lawful step.
    ["你是不是觉得我们治不了你？", null, ["threat"]],
    ["您是不是以为我们拿您没办法？我司已按合同向法院提起诉讼。", null, []],
    // Naming where the family lives and asking after the parents' health; a caring question alone is lawful.
    ["你老家在河南周口吧？你爸妈身体还好吗", null, ["threat"]],
    ["听说您母亲住院了，老人家身体还好吗？还款的事不急，您方便时回电。", null, []],
    ["I know your address. See you tonight.", null, ["threat"]],
    ["操，你他么再不接电话试试。", null, ["insult"]],
    ["家长们请注意，三班赵某某的妈妈欠我司网贷两万不还，请大家转告。", null, ["privacy_disclosure", "third_party_contact"]],
    ["刘总您好，您厂里员工孙某在我司借款逾期三个月了，麻烦您督促一下。", null, ["privacy_disclosure", "third_party_contact"]],
    ["叔叔您好，小孙的电话一直打不通，麻烦您让他有空回个电话。", null, []],
    ["不还是吧，我们几个就一直在这儿等着，看你出不出来。", null, ["threat", "violence"]],
    ["你家那栋楼下面我们每天都有人守着，你跑不了。", null, ["threat", "violence"]],
    ["你家门口的摄像头挡住了吧？挡了也没用。", null, ["threat"]],
    ["后天你公司见，到时候别怪我们不给你面子。", null, ["third_party_contact", "threat"]],
    ["再躲，我们就换个法子跟你谈。", null, ["threat"]],
    ["你已经被列入全国老赖名单了，赶紧还钱才能撤下来。", null, ["deception"]],
    ["we will go to your office and tell everyone you owe us", null, ["privacy_disclosure", "third_party_contact"]],
    // The creditor's own suit, then the court's papers; a filed suit the user can verify with the court by phone.
    ["本公司近期将向法院起诉，起诉后您将收到法院送达的传票和起诉状副本。", null, []],
    ["法院已经受理我司对您的起诉，您可以向法院核实案号。", null, []],
    ["你再不还钱，我们就以骗贷罪起诉你。", null, ["deception"]],
    ["你家和你公司我们下周都会去。", null, ["third_party_contact"]],
    ["我们也可以去找你的保证人，他签了保证合同。", null, []],
    ["你妈的电话我们有，要不要打给她？", null, ["third_party_contact"]],
    ["你女朋友我们见过了，你那点事全都跟她说了。", null, ["privacy_disclosure", "third_party_contact"]],
    ["快手上我们专门挂了你的照片，自己去看。", null, ["privacy_disclosure"]],
    ["从今天起二十四小时轮流给你打电话。", null, ["harassment_frequency"]],
    // Bursts however the lines are stamped: dates, day and part-of-day words, 点/分, a sender line above each message,
    // a missed-call log; deadlines and opening hours are no stamps, nor are stamps days apart.
    ["2026-05-03 21:01 还钱\n2026-05-03 21:03 人呢\n2026-05-03 21:04 说话", null, ["harassment_frequency"]],
    ["下午2:01 在吗\n下午2:02 回话\n下午2:05 接电话", null, ["harassment_frequency"]],
    ["晚上9点10分 还钱\n晚上9点12分 还钱\n晚上9点15分 还钱", null, ["harassment_frequency"]],
    ["李经理 14:20\n还钱\n李经理 14:21\n人呢\n李经理 14:25\n别装死", null, ["harassment_frequency"]],
    ["来电 08:31\n来电 08:33\n来电 08:36\n来电 08:40", null, ["harassment_frequency"]],
    ["05-01 10:00 您好，提醒您还款\n05-02 10:00 您好，提醒您还款\n05-03 10:00 您好，提醒您还款", null, []],
    ["请于今天15:00前还款\n15:10前可联系客服\n15:20后系统将关闭还款通道", null, []],
    ["我 10:01\n好的\n我 10:02\n马上还\n我 10:03\n别催了", null, []],
    // Veiled menace and false law, more phrasings.
    ["你家老人腿脚不好，下楼摔一跤可就麻烦了。", null, ["threat"]],
    ["外访那帮人可没我这么好说话。", null, ["threat"]],
    ["法院会直接冻结你爸妈的存款来还你的债。", null, ["deception", "impersonation"]],
    ["按法律规定，你父母的房子可以被执行用来还你的欠款。", null, ["deception"]],
    ["欠款永远不会过期，诉讼时效对你不适用。", null, ["deception"]],
    ["李阿姨，您知道小王现在住在哪吗？他电话打不通。", null, []],
    ["If you ignore this, we will contact your employer.", null, ["third_party_contact"]],
    ["像你这种人早晚遭天谴。", null, ["insult"]],
    ["我司已申请诉前保全，法院作出保全裁定后，你名下账户可能被冻结。", null, []],
    ["经法院裁定，你的支付宝今晚就会被冻结。", null, ["deception", "impersonation"]],
    ["【人民银行征信中心】你的信用记录已标记为恶意逃债。", null, ["deception", "impersonation"]],
    ["您的逾期记录已报送人民银行征信系统，结清后保留5年。", null, []],
    ["调解不成的话，法院肯定判你败诉，还要你承担全部费用。", null, ["deception"]],
    ["我们已把你的资料推送到全国信用平台和当地公安机关。", null, ["deception"]],
    ["你爸昨天接了我们的电话，气得血压都上来了。", null, ["privacy_disclosure", "third_party_contact"]],
    // A law firm's letter asserting a false criminal referral is a fake firm; a civil one stays lawful.
    ["律师函\n致张某：本所将于三日内将你涉嫌诈骗的材料移送公安机关，追究你的刑事责任。", null, ["deception", "impersonation"]],
    ["律师函\n致张某：受XX银行委托，本所将于15日内代理委托人依法向人民法院提起民事诉讼，律师执业证号可在12348查询。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: lawful notices and the user\'s own words (round 7)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    // The creditor named by its full company name is the creditor, not the borrower's workplace.
    ["受某某小额贷款有限公司委托，本所就您的借款逾期一事函告：请于十日内还款，否则委托人将依法起诉。", null, []],
    ["上海某某科技股份有限公司委托我司告知您：您的账单已逾期，请尽快处理。", null, []],
    ["我们会通知你们公司人事，你的工资将由单位代扣还款。", null, ["privacy_disclosure", "third_party_contact"]],
    // A real court or mediation notice points the user to the court's own platform and asks no money.
    ["【某某区人民法院】本院已通过电子送达平台向您送达应诉材料，请自行登录查收，本院不收取任何费用。", null, []],
    ["【诉前调解】您与某银行的纠纷已进入诉前调解，调解员将与您电话联系，以人民法院调解平台显示为准。", null, []],
    ["【诉前调解】请于今日将欠款转入以下账户，否则将撤销调解直接判决。", null, ["deception", "impersonation"]],
    // Enforcement applied for after a judgment took effect is a true consequence.
    ["判决已经生效，您逾期未履行，我司已向法院申请强制执行。", null, []],
    ["我司已向法院申请强制执行，明天就冻结你所有银行卡。", null, ["deception", "impersonation"]],
    // "对你没好处" next to only contractual consequences is lawful pressure; next to menace it is not.
    ["一直拖下去对你没好处，逾期罚息和征信记录都会受影响。", null, []],
    ["一直拖下去对你没好处，我们的人脾气不好。", null, ["threat"]],
    // The user's own questions and reports, quoting or describing a collector.
    ["今天收到短信说我被起诉立案了，要我加微信，这是不是诈骗？", null, []],
    ["催收让我今天必须还清，说不然后果自负，是什么意思", null, []],
    ["他们说我欠钱不还会影响我女儿考公，是不是吓唬人的？", null, []],
    ["半夜一点还在给我打电话，一晚上打了8个", null, []],
    ["废物，连几千块都还不起，活着有什么意思。", null, ["insult"]],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: waiting done, property taken, family held, veiled menace (round 7)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    // Waiting or sitting at the borrower's places for a stated time has already happened: violence (and menace).
    ["你家楼下我们守了三个小时，你倒是下来啊", null, ["threat", "violence"]],
    ["我们在你爸妈家楼下等了一下午，他们都不敢下楼", null, ["third_party_contact", "threat", "violence"]],
    ["我们正在你家客厅坐着，等你回来", null, ["threat", "violence"]],
    // Things taken or damaged: done; the same as a plan is threat only.
    ["你的摩托车我们先开走了，还了钱再来拿", null, ["threat", "violence"]],
    ["你家门铃我们拆了，监控也给你喷了漆", null, ["threat", "violence"]],
    ["刚才打你一下算轻的，下次就不是这样了", null, ["threat", "violence"]],
    ["钱不还，你今天哪儿都去不了", null, ["threat", "violence"]],
    ["你女儿现在在我们车上，你看着办吧", null, ["third_party_contact", "threat", "violence"]],
    // The collectors heard from a third party about the borrower: they contacted that party.
    ["你邻居说你搬家了？搬到哪我们也能知道", null, ["third_party_contact"]],
    // Veiled menace.
    ["不还钱的话，你一家老小都别想安生", null, ["threat"]],
    ["像你这样的，迟早被人收拾", null, ["threat"]],
    ["你妈在哪个医院哪个病房，我们都清楚", null, ["threat"]],
    ["你跑到深圳也没用，深圳那边我们也有人", null, ["threat"]],
    ["我们的处理方式，你可以去打听打听", null, ["threat"]],
    ["你闺女每天晚上那么晚一个人回家，可不太安全", null, ["threat"]],
    ["Pay today or your family will pay for it.", null, ["threat"]],
    // A false legal consequence with "不信你试试" is deception only; a lasting record "following" the child is no stalking.
    ["再拖下去就申请司法拘留，不信你试试", null, ["deception"]],
    ["逾期记录会一直跟着你孩子，以后当兵都过不了政审", null, ["deception"]],
    // Lawful: the phone "不得安生" is frequency, the user's own report of a visit, a safety tip.
    ["今天开始你的手机别想安生，一天打一百个", null, ["harassment_frequency"]],
    ["昨天催收在我家楼下等了一个小时，我能做什么？", null, []],
    ["温馨提示：冒充我司人员上门的，请立即报警，夜间一个人出行不太安全。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: invented consequences and obligations (round 7)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["逾期满三天系统会自动起诉，然后直接执行。", null, ["deception"]],
    ["你房子和车子全部拍卖，一分钱都取不出来。", null, ["deception"]],
    ["不还的话，你的微信、支付宝、银行卡全部给你封了。", null, ["deception"]],
    ["你的记录已经共享，所有机构都将永久拒绝为你提供贷款。", null, ["deception"]],
    ["你爸妈是你的直系亲属，依法必须替你还这笔钱。", null, ["deception"]],
    ["这次上门的外访费和车马费三百块由你承担，今天一起结清。", null, ["deception"]],
    ["再不还你女儿就上不了公立小学。", null, ["deception"]],
    ["我会跟你们人事打个招呼，让他们扣你工资还款。", null, ["privacy_disclosure", "third_party_contact"]],
    // True consequences after a judgment, and contractual costs, stay lawful.
    ["法院判决生效后您仍不履行的，法院可依法查封、拍卖您名下财产。", null, []],
    ["按合同约定，诉讼中产生的律师费由违约方承担，请您尽快还款。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: third parties reached at home, at work and in groups (round 7)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["你爸给我们开的门，茶都泡上了，你什么时候回家？", null, ["third_party_contact"]],
    ["我们刚从你姐姐家出来，你自己看着办。", null, ["third_party_contact"]],
    ["你单位门口我们挂了横幅，你领导应该看到了。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你的借款截图已经发到你全部的微信群了。", null, ["privacy_disclosure", "third_party_contact"]],
    // The creditor's own legal department is not the borrower's company.
    ["您好，我是某某消费金融公司法务部的工作人员，您的账单已逾期，请尽快还款。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 8 (issue 11): messages written for these tests in the weak kinds (third parties told the debt, bursts,
 * veiled menace without harm words, English and pinyin mixed in, false consequences phrased as legal facts, fake
 * authorities, private accounts, lawful notices and the user's own words), scored before the rules were changed for
 * them: the first 50 at macro-F1 0.874 (12 wrong), the next 40 at 0.862 (13 wrong) with the rules that had already
 * been changed for the first 50. Labels follow categories.md.
 */
describe('createAnalyzer: kinds of message, not phrasings (round 8)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["王阿姨您好，我是XX金融的，您女儿李娜在我们这借了3万块一直没还，麻烦您劝劝她。", null, ["privacy_disclosure", "third_party_contact"]],
    ["张经理你好，你们部门的小刘欠我们平台钱三个月了，作为领导你得管管。", null, ["privacy_disclosure", "third_party_contact"]],
    ["各位邻居，302的赵强欠钱不还，大家见到他让他赶紧还钱。", null, ["privacy_disclosure", "third_party_contact"]],
    ["hi, is this Chen Jie's sister? She owes us 20k and won't pay, tell her to call back.", null, ["privacy_disclosure", "third_party_contact"]],
    ["您好，这里是XX客服，请转告王磊尽快回电，谢谢。", null, []],
    ["叔叔，您侄子的网贷已经逾期90天了，金额18600，您看能不能先帮他垫上？", null, ["privacy_disclosure", "third_party_contact"]],
    ["群里的各位同学，你们的老同学周浩借钱不还，大家帮忙催一下。", null, ["privacy_disclosure", "third_party_contact"]],
    ["14:02 还钱\n14:03 人呢\n14:03 说话\n14:05 装死是吧\n14:06 还钱", null, ["harassment_frequency"]],
    ["[09:15] 在吗\n[09:16] 回话\n[09:18] 再不回就打你家里电话", null, ["harassment_frequency", "third_party_contact"]],
    ["今天 08:30 请还款\n今天 15:00 请还款", null, []],
    ["23:10 还钱\n23:11 还钱\n23:12 还钱", null, ["harassment_frequency", "off_hours"]],
    ["你爸妈还住在老家槐树村吧？过两天我们顺路去看看二老。", null, ["third_party_contact", "threat"]],
    ["幸福小区3栋502，对吧？我们记下了。", null, ["threat"]],
    ["🔪🔪 明天中午12点前", null, ["threat"]],
    ["你女儿在实验小学二年级三班，挺可爱的。", null, ["threat"]],
    ["你每天晚上九点下班走的那条小路挺黑的，注意点。", null, ["threat"]],
    ["💣💣💣 最后通牒，今晚12点", null, ["threat"]],
    ["你老婆在哪个超市上班我们都清楚，要不要去找她聊聊？", null, ["third_party_contact", "threat"]],
    ["再不还，我们就派人上门给你“做做思想工作”，兄弟们手重，你懂的。", null, ["threat"]],
    ["你家那辆白色电动车停楼下挺显眼的啊，万一出点啥事可别怪我们。", null, ["threat"]],
    ["欠钱不还的laolai，shameless", null, ["insult"]],
    ["If you don't pay by tonight, we will post your photo and ID in your WeChat groups.", null, ["privacy_disclosure", "third_party_contact"]],
    ["你的case已经transfer到police了，等着被arrest吧", null, ["deception", "impersonation"]],
    ["pay now or we call ur boss", null, ["third_party_contact"]],
    ["根据《民法典》规定，逾期超过90天即构成诈骗罪，将被追究刑事责任。", null, ["deception"]],
    ["依照相关法律，欠款人的配偶和父母须承担连带还款责任。", null, ["deception"]],
    ["按照规定，逾期用户的子女将不能报考公务员和军校。", null, ["deception"]],
    ["法院判决后利息将按4倍计算，你现在还能省一大笔。", null, ["deception"]],
    ["逾期即视为恶意透支，全国所有银行卡将同步冻结。", null, ["deception"]],
    ["你已经被纳入全国金融黑名单，终身无法贷款、坐飞机。", null, ["deception"]],
    ["我们已经向公安机关报案，你涉嫌诈骗。", null, ["deception"]],
    ["法院的执行人员下周会和我们一起上门，查封你家的电视冰箱。", null, ["deception", "impersonation"]],
    ["再不还钱，我们就申请法院把你拘留15天。", null, ["deception"]],
    ["我们的法务团队已经准备起诉材料，下周提交法院。", null, []],
    ["【XX市互联网金融纠纷调解中心】您的案件已转入调解程序，请将8000元转入调解专户 6222 0201 xxxx 3321（户名：刘某），逾期将移送法院强制执行。", null, ["deception", "impersonation"]],
    ["【人民法院】您有一笔诉前调解案件，请登录人民法院在线服务平台查看，或拨打12368核实。", null, []],
    ["我们不会联系您的家人和同事，请您放心，按时还款即可。", null, []],
    ["催收说“不还钱就让你坐牢”，这是真的吗？", null, []],
    ["网上说的“逾期会坐牢”是谣言，逾期只会影响征信，请理性对待。", null, []],
    ["我们从不上门，也不会骚扰您的通讯录联系人。", null, []],
    ["【北京市金杜律师事务所】受XX消费金融有限公司委托，特函告您：您的借款已逾期120天，请于10日内联系委托人协商还款；逾期我所将依法代理提起诉讼。律师：张明，执业证号11101201811234567。", null, []],
    ["您的欠款已委托律师处理，如仍未还款，我司将向贷款合同约定的管辖法院提起诉讼，诉讼费用依法由败诉方承担。", null, []],
    ["根据已生效的（2025）京0105民初12345号民事判决，您应于判决生效后十日内履行还款义务，逾期不履行，我司将申请强制执行。", null, []],
    ["如您对欠款金额有异议，可以向法院提起诉讼或者向消协投诉，我司尊重您的合法权利。", null, []],
    ["我司已就您的欠款向朝阳区人民法院提交立案材料，法院受理后会向您送达起诉状副本，请注意查收。", null, []],
    ["您的账单已逾期3天，将按合同产生罚息，并如实上报征信，请尽快处理。", null, []],
    ["我们下周二上午会安排工作人员上门拜访，如不方便请提前告知。", null, []],
    ["You are 15 days overdue. Please repay to avoid late fees and a negative credit report.", null, []],
    ["催收员：开门！我们知道你在里面。\n我：你们别踹门了！\n催收员：今天不还钱谁也别想出这个门。", null, ["threat", "violence"]],
    ["李老师您好，打扰了。您班上刘小雨的妈妈在我司的借款逾期两个月了，麻烦您提醒一下家长。", null, ["privacy_disclosure", "third_party_contact"]],
    ["房东您好，您的租客孙浩欠我们平台四万多，他要是搬走请告诉我们一声。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你好，请问是周强的同事吗？他在我们这有笔网贷一直不还，你们能联系上他吗？", null, ["privacy_disclosure", "third_party_contact"]],
    ["@所有人 本群成员吴磊拖欠网贷不还，请大家转告他尽快处理。", null, ["privacy_disclosure", "third_party_contact"]],
    ["您好，我们是XX银行信用卡中心，有重要事情需联系王芳女士，麻烦您让她回个电话，谢谢。", null, []],
    ["Dear Mr. Li, your employee Zhang Wei has an overdue loan with us. Please ask him to repay.", null, ["privacy_disclosure", "third_party_contact"]],
    ["10:20 接电话\n10:21 接电话\n10:22 接电话\n10:25 你是死了吗", null, ["harassment_frequency", "insult"]],
    ["昨天 21:05 还钱\n昨天 21:06 还钱\n昨天 21:08 还钱\n昨天 21:10 还钱", null, ["harassment_frequency"]],
    ["未接来电 13:01\n未接来电 13:03\n未接来电 13:04\n未接来电 13:06", null, ["harassment_frequency"]],
    ["锦绣花园5号楼1单元301，没搬家吧？", null, ["threat"]],
    ["你儿子每天下午四点半从育才小学门口出来，对吧。", null, ["threat"]],
    ["⏰今天18:00 🔪", null, ["threat"]],
    ["你那辆车刹车最近检查过吗？", null, ["threat"]],
    ["我们兄弟几个最近手头紧，脾气也不太好，你别逼我们上门。", null, ["threat"]],
    ["ni ge lao lai, qian qian bu huan", null, ["insult"]],
    ["We know where your parents live. Pay today.", null, ["threat"]],
    ["you will go to jail if you don't pay", null, ["deception"]],
    ["老赖，你的photo已经发到你家族群了", null, ["insult", "privacy_disclosure", "third_party_contact"]],
    ["欠款超过5000元即可立案，届时你将被列为网上逃犯。", null, ["deception"]],
    ["按国家规定，逾期人员的孩子不能上公立学校。", null, ["deception"]],
    ["今天不还，系统明天自动冻结你微信和支付宝里的所有钱。", null, ["deception"]],
    ["逾期的钱会自动从你父母的社保卡里扣。", null, ["deception"]],
    ["你这属于恶意逃废债，按刑法要判三年以上。", null, ["deception"]],
    ["我是市公安局经侦支队的，你名下这笔网贷已经被列为诈骗案件，请配合调查。", null, ["deception", "impersonation"]],
    ["【最高人民法院执行局】你已被列入失信被执行人名单，请立即还款。", null, ["deception", "impersonation"]],
    ["这里是XX律师事务所，你的案子我们已经交到法院了，下周开庭，不来就缺席判决坐牢。", null, ["deception", "impersonation"]],
    ["还款请直接转到我本人微信，转完截图给我，我帮你销账。", null, ["deception"]],
    ["【XX消费金融】您本期应还1260元已逾期2天，逾期将按合同收取罚息并可能影响征信。如有困难可申请延期还款。", null, []],
    ["您好，根据您的申请，我司同意将剩余欠款分12期偿还，请按期还款。", null, []],
    ["我司已将该笔债权依法转让给XX资产管理有限公司，请您今后向其还款。特此通知。", null, []],
    ["【广州市天河区人民法院】（2026）粤0106民初8812号案件已立案，请通过人民法院在线服务小程序查看起诉状，或拨打12368核实。本院不会要求您向任何个人账户转账。", null, []],
    ["若您持续未还款，我司保留依法提起民事诉讼的权利，诉讼产生的费用将按法院判决承担。", null, []],
    ["我们不会去您单位，也不会联系您的同事，只希望您本人尽快联系我们协商。", null, []],
    ["他们说要去我公司闹，还说要打我爸妈电话，我该怎么办？", null, []],
    ["别担心，逾期不会坐牢，也不会影响孩子上学，但会上征信。", null, []],
    ["工作人员将于本周六上午10点前往您登记的地址进行外访核实，如您不便，请于周五前致电调整。", null, []],
    ["判决生效后您仍不履行的，我司将依法申请强制执行，法院可依法将您纳入失信被执行人名单。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: pinyin messages read as Chinese (round 8)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ['ni zai bu huan qian, wo men jiu qu ni jia zhao ni ba ma', null, ['third_party_contact']],
    ['zai bu huan qian, ming tian jiu qu ni dan wei', null, ['third_party_contact']],
    ['zai bu huan qian jiu bao jing zhua ni', null, ['deception']],
    ['ming tian qu ni gong si zhao ni lao ban', null, ['third_party_contact']],
    ['ni ge pian zi, la ji', null, ['insult']],
    ['bu huan qian jiu deng zhe shou shi ba, wo men zhi dao ni jia zai na', null, ['threat']],
    ['qing an shi huan kuan, yu qi hui ying xiang zheng xin', null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 8, third batch (fake authorities with implicit consequences, real and fake lawyer's letters, force and
 * damage told as done, negation and quotation, bursts across 22:00, third parties, insults, true and false
 * consequences): written and scored before any change for them, macro-F1 0.936 (6 wrong, 0 of 13 lawful flagged).
 * Left out: three borderline items (材料交给派出所, a summons "signed for" by the parents, 房子收走 after a suit).
 */
describe('createAnalyzer: fake authorities, letters, force, negation, bursts (round 8, batch 3)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["我是XX区人民法院的书记员，你的案子下周一开庭，你不到场法院就直接判你全额赔偿加三倍利息。", null, ["deception", "impersonation"]],
    ["这边是公安局反诈中心，你的账户涉嫌洗钱，需要配合把欠款转到安全账户核查。", null, ["deception", "impersonation"]],
    ["【人民检察院】你涉嫌恶意逃债一案已移送审查起诉。", null, ["deception", "impersonation"]],
    ["执行局通知：你名下所有财产今日起查封，请立即联系催收专员处理。", null, ["deception", "impersonation"]],
    ["【正义律师事务所】你已构成恶意拖欠，本所将申请对你司法拘留。", null, ["deception", "impersonation"]],
    ["我是公司的专属律师，你再不还，我就让法院把你列入黑名单，你儿子以后考不了公务员。", null, ["deception", "impersonation"]],
    ["【上海申达律师事务所】受委托人XX小额贷款有限公司委托，就您借款合同纠纷一事函告如下：请于本函送达之日起七日内偿还欠款本息，否则本所将依法向有管辖权的人民法院提起诉讼。联系人：陈律师 021-5xxxxx88。", null, []],
    ["本律师函仅为催告，不代表已经起诉；如有异议可向委托人反映，或通过12348查询本所信息。", null, []],
    ["催收：我们就坐在你家客厅等，你爸妈也别想出门。\n我：你们这是非法侵入！", null, ["third_party_contact", "threat", "violence"]],
    ["今天一早我们的人把你家门锁灌了胶，你回去自己看。", null, ["threat", "violence"]],
    ["你车的四个轮胎是我们扎的，下次就不是轮胎了。", null, ["threat", "violence"]],
    ["（录音）催收：你今天不签这个还款承诺书，谁都别想走出这个房间。", null, ["threat", "violence"]],
    ["我们已经在你公司楼下等了你三个小时了。", null, ["third_party_contact", "threat", "violence"]],
    ["我们公司从来不会说“不还就坐牢”这种话，请您放心。", null, []],
    ["催收员打电话说我要是不还，就去我单位闹，我很害怕，能报警吗？", null, []],
    ["他们昨天在我家门口泼了红油漆，我该怎么办？", null, []],
    ["请不要相信“逾期会被拘留”的谣言，我司只会依法起诉。", null, []],
    ["我们不会把您的欠款情况告诉任何第三方。", null, []],
    ["21:58 还钱\n22:01 还钱\n22:03 还钱", null, ["harassment_frequency", "off_hours"]],
    ["今天已经是第15个电话了，你接不接？", null, ["harassment_frequency"]],
    ["从早上到现在给你打了二十多个电话，一个都不接是吧？", null, ["harassment_frequency"]],
    ["每隔半小时给你打一次，直到你接为止。", null, ["harassment_frequency"]],
    ["你前妻的电话我们也打了，她说你活该。", null, ["third_party_contact"]],
    ["已经给你公司所有同事群发了你的欠款截图。", null, ["privacy_disclosure", "third_party_contact"]],
    ["小区业主群里我们发了你的照片，大家都认识你了。", null, ["privacy_disclosure"]],
    ["您好，这里是XX平台，您是李强登记的紧急联系人，麻烦您转告他今天联系我们。", null, []],
    ["你儿子幼儿园的老师我们也联系了，说了他爸欠钱的事。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你这种人就是社会的蛀虫，活该被人戳脊梁骨。", null, ["insult"]],
    ["穷鬼，借钱的时候怎么不想想？", null, ["insult"]],
    ["少废话，今天必须给个准话。", null, []],
    ["逾期超过三个月自动转为刑事案件。", null, ["deception"]],
    ["你的征信已经永久黑了，这辈子都别想买房买车。", null, ["deception"]],
    ["再拖下去，你父母的养老金也要被冻结。", null, ["deception"]],
    ["根据合同，逾期后每天收取本金1%的违约金。", null, []],
    ["逾期记录会在征信报告中保留5年。", null, []],
    ["您已逾期，我司可能委托第三方机构上门催收，上门前会提前通知您。", null, []],
    ["我司已向法院申请诉前财产保全，具体以法院裁定为准。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: a fake authority that says it will enforce, take the borrower in, or drop the case on payment (round 8)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ['这里是城南派出所，你的欠款我们已经受理，还清了就给你销案。', null, ['deception', 'impersonation']],
    ['我是县法院的法官，下午去你单位执行，你自己看着办。', null, ['deception', 'impersonation', 'third_party_contact']],
    // No consequence stated: impersonation only (categories.md).
    ['本人系市中级人民法院执行局工作人员，你的案件已进入执行程序，限今日内还款。', null, ['impersonation']],
    // A real court's notice that names enforcement after a judgment in force, with 12368: lawful.
    ['【XX区人民法院】判决生效后您仍不履行的，申请人可申请强制执行，详情拨打12368。', null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 8, fourth batch (lawful suits and letters with scary words, legal talk that is false, third parties asked
 * who they are, veiled menace by routine and address, weapon emoji with a span of time, rights that no debt takes
 * away, English insults): written and scored before any change for them, macro-F1 0.779 (14 wrong, 0 of 12 lawful
 * flagged), after 0.990. Left out: a 网格员 "受派出所委托" (reads as a third party too).
 */
describe('createAnalyzer: suits and letters, false legal talk, identities, routines, lost rights (round 8, batch 4)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["【北京德恒律师事务所】律师函：受XX消费金融有限公司委托，现就您拖欠借款一事郑重函告：若您在收函后15日内仍未还款，本所将代理委托人提起诉讼，并依法申请财产保全。", null, []],
    ["您好，我是XX公司的诉讼专员，您的案件材料已整理完毕，下周将向您户籍地法院递交起诉状，届时法院会依法送达。", null, []],
    ["【XX银行】您的信用卡欠款已逾期180天，我行已依法向法院提起诉讼，案号请以法院送达文书为准，可拨打12368查询。", null, []],
    ["如法院判决后您仍拒不履行，可能被依法采取罚款、拘留措施，并被纳入失信被执行人名单。", null, []],
    ["我司将依法维护自身权益，包括但不限于提起诉讼、申请强制执行（需经法院判决生效）。", null, []],
    ["根据《民事诉讼法》，您有权在收到起诉状副本后15日内提交答辩状。", null, []],
    ["请注意：起诉并不会导致您坐牢，但败诉后需承担诉讼费用。", null, []],
    ["法院已经冻结了你所有的银行卡，你去ATM试试就知道了。", null, ["deception", "impersonation"]],
    ["我们律师说了，你这种情况法院直接判你诈骗，没跑。", null, ["deception"]],
    ["你已经被起诉了，不还钱法院马上抓你。", null, ["deception", "impersonation"]],
    ["律师函已经发到你单位人事部了，你们领导都看到了。", null, ["privacy_disclosure", "third_party_contact"]],
    ["嫂子，我是你老公公司的同事……开玩笑的，我是XX贷的，你老公欠了我们五万，你知道吗？", null, ["privacy_disclosure", "third_party_contact"]],
    ["王村长您好，你们村的刘二柱在我们平台借了钱不还，麻烦您帮忙做做工作。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你好，你是赵敏的大学室友吧？她欠我们的钱跑路了，你能帮忙找到她吗？", null, ["privacy_disclosure", "third_party_contact"]],
    ["喂，是李建国的父亲吗？您儿子有一笔贷款需要处理，请他尽快给我们回电话。", null, ["privacy_disclosure", "third_party_contact"]],
    ["您好，请问您认识陈晓吗？麻烦您让她给这个号码回个电话，谢谢。", null, []],
    ["你家孩子今天穿的那件红色羽绒服挺好看的。", null, ["threat", "violence"]],
    ["你妈每天早上六点去公园晨练吧？年纪大了，路上要小心。", null, ["threat"]],
    ["🔫🔫 今晚", null, ["threat"]],
    ["给你一天时间，🪓", null, ["threat"]],
    ["我们也不想走到那一步，你懂的。", null, ["threat"]],
    ["听说你最近换了住处？新地址我们已经打听到了。", null, ["threat"]],
    ["[20:01] 还钱\n[20:02] 还钱\n[20:04] 人呢\n[20:05] 还钱", null, ["harassment_frequency"]],
    ["这是今天第30条短信，你不回我就一直发。", null, ["harassment_frequency"]],
    ["我们有自动拨号系统，一天给你打一百遍都不费事。", null, ["harassment_frequency"]],
    ["本月已致电您3次未接通，请您方便时回电。", null, []],
    ["依据《刑法》第一百九十六条，你的行为已构成信用卡诈骗罪。", null, ["deception"]],
    ["你的逾期信息已同步至公安系统，出行会受限制。", null, ["deception"]],
    ["逾期满30天，你的学历证书会被教育部撤销。", null, ["deception"]],
    ["不还钱的话你的社保、医保都会被停掉。", null, ["deception"]],
    ["你的手机号会被三大运营商拉黑，以后办不了卡。", null, ["deception"]],
    ["you are a deadbeat and a liar", null, ["insult"]],
    ["老赖 loser，还钱", null, ["insult"]],
    ["【国家金融监督管理总局】您的网贷逾期已被立案调查，请于今日联系专员处理。", null, ["deception", "impersonation"]],
    ["催收员：（把我的手机抢走）今天不还钱，手机就别想要了。\n我：你们这是抢劫！", null, ["threat", "violence"]],
    ["他们已经在你家楼道里喷了“欠债还钱”四个大字。", null, ["privacy_disclosure", "threat", "violence"]],
    ["催收刚才说要把我照片发到朋友圈，这犯法吗？", null, []],
    ["我们已经停止对您的一切催收，请按协议还款。", null, []],
    ["本平台严禁催收人员辱骂、威胁客户，如遇此类情况请拨打投诉电话。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: addresses the lender needs are not menace (round 8)', () => {
  it.each([['您的新地址我们已经登记了，后续账单会寄到新地址。'], ['您的收货地址我们已经拿到了，发票会寄给您。']])('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});

/**
 * Round 8, fifth batch: lawful messages that use the words the round-8 rules read (English, pinyin, addresses,
 * schools, routines, 强制执行 and 撤诉 after a judgment, 受委托 lawyers, rights that stay) and five unlawful ones.
 * Scored before the change: 4 of 30 lawful flagged (one of them, "We will not contact your family", by round 8's
 * English words; English negation now reads as Chinese negation). Left out: two notices that are not collection
 * (物业停水, 报销单) and an employer asked whether "借款人张伟" works there (borderline).
 */
describe('createAnalyzer: lawful messages in the words round 8 reads (round 8, batch 5)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["Hi, this is XX Finance. Your payment of 1,200 yuan is 5 days overdue. Please repay via the app to avoid late fees.", null, []],
    ["Your loan is overdue. If you don't pay, we may report it to the credit bureau and take legal action in court.", null, []],
    ["Please call us back at your convenience. We will not contact your family or your employer.", null, []],
    ["您好，请问是刘先生本人吗？关于您在我司的账单，方便时请回电。", null, []],
    ["我们将于下周三上午到您幸福小区3栋502的住所拜访，如不方便请提前告知。", null, []],
    ["您孩子在实验小学的学费代扣协议已生效。", null, []],
    ["您每天晚上几点方便接电话？我们可以调整联系时间。", null, []],
    ["法院判决生效后，若您仍不履行，我司将依法申请强制执行。", null, []],
    ["如您已还清欠款，我司将向法院申请撤诉，请保留还款凭证。", null, []],
    ["本所受XX银行委托，依法就您的信用卡欠款发出催告函，请于十日内与银行协商还款。", null, []],
    ["受委托人授权，本律师现通知您：请于本月30日前偿还欠款，否则将依法起诉。", null, []],
    ["温馨提示：欠款不会导致社保、医保停保，请勿相信此类谣言。", null, []],
    ["逾期不会影响您的学历证书，但会如实上报征信。", null, []],
    ["ni hao, qing an shi huan kuan, xie xie", null, []],
    ["wo men hui an zhao he tong shou qu fa xi", null, []],
    ["Your employee benefits statement is attached.", null, []],
    ["We called you twice today and could not reach you. Please call back.", null, []],
    ["您的手机号已更新，后续还款提醒将发送到新号码。", null, []],
    ["如您认为催收人员有威胁、辱骂行为，请截图并拨打我司投诉电话。", null, []],
    ["我司不会要求您转账到任何个人账户，请通过App官方渠道还款。", null, []],
    ["我们兄弟公司XX小贷也可以为您提供分期方案。", null, []],
    ["如您对债务有异议，可向人民法院起诉，法院会依法审理。", null, []],
    ["判决后若被执行人有能力履行而拒不履行，法院可依法予以罚款、拘留。", null, []],
    ["您好，我们是XX银行信用卡中心，您的分期申请已通过，首期将于下月扣款。", null, []],
    ["您好，我们已收到您的还款5000元，剩余欠款可申请延期。", null, []],
    ["律师函不是法院文书，您可通过12348核实律师事务所信息。", null, []],
    ["我们不会去你单位，也不会找你爸妈，你放心。", null, []],
    ["ni bu huan qian wo men jiu qu ni gong si nao", null, ["third_party_contact"]],
    ["Tell your boss you owe us money, or we will.", null, ["privacy_disclosure", "third_party_contact"]],
    ["你们部门的王磊欠我们平台三万多，你作为同事劝劝他。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你孩子在育英中学初二三班吧？放学路上注意点。", null, ["threat"]],
    ["我是县法院的，你的案子我这里压着，今天还了就给你撤诉。", null, ["deception", "impersonation"]],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 8, sixth batch: written and scored before any change for them, macro-F1 0.783 and one lawful filing flagged
 * ("我们公司的律师已经把起诉材料交到法院" read as a case handed to a court; the session's starting rules flagged it
 * too). A creditor handing its own 起诉材料 to a court has filed a suit: lawful. Left out: "看看身后" said of a
 * future walk (threat or stalking), "your mom will get a visit" (threat or contact only), a spouse's "half".
 */
describe('createAnalyzer: filings, routines, meeting places, summons, restraint on the spot (round 8, batch 6)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["阿姨，您女婿在我们这借了八万，人找不到了，您知道他在哪吗？", null, ["privacy_disclosure", "third_party_contact"]],
    ["各位业主晚上好，1栋的孙丽借钱不还，大家出门碰见提醒她一下。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你老板的微信我们加上了，要不要我们把你的事跟他聊聊？", null, ["privacy_disclosure", "third_party_contact"]],
    ["小张啊，你们公司那个王浩在我们这有笔钱没还，你跟他熟，带个话。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你好，这里是XX金融，请问是赵静吗？不是的话打扰了。", null, []],
    ["08:01 还钱\n08:02 还钱\n08:03 还钱\n08:05 还钱", null, ["harassment_frequency"]],
    ["半小时内给你打了12个电话，你手机静音了？", null, ["harassment_frequency"]],
    ["从今天起，我们每小时给你打一次。", null, ["harassment_frequency"]],
    ["你上班那栋写字楼几楼我们都知道，电梯口见。", null, ["third_party_contact", "threat"]],
    ["你闺女的幼儿园放学是四点吧。", null, ["threat"]],
    ["🔥🏠 三天", null, ["threat"]],
    ["今晚你家门口会很热闹的。", null, ["threat"]],
    ["你的车牌号我们记下了，停哪我们都找得到。", null, ["threat"]],
    ["再不还，我们就让你在这个城市待不下去。", null, ["threat"]],
    ["bu huan qian jiu gei ni jia ren da dian hua", null, ["third_party_contact"]],
    ["ni ge pian zi, bu yao lian", null, ["insult"]],
    ["ur a scammer, pay back the money", null, ["insult"]],
    ["你已被列入征信黑名单，全国所有银行都不会再给你办业务。", null, ["deception"]],
    ["你的房子下个月就会被法院拍卖，赶紧还钱。", null, ["deception"]],
    ["逾期三天以上就算诈骗，直接报案。", null, ["deception"]],
    ["你的名字已经上了失信曝光台，全网都能搜到。", null, ["deception", "privacy_disclosure"]],
    ["我是派出所的张警官，你的网贷案子转到我们这了，明天来所里做笔录。", null, ["deception", "impersonation"]],
    ["【民事诉讼告知书】你已被XX小贷起诉，请于24小时内联系调解员，否则法院将强制执行。", null, ["deception", "impersonation"]],
    ["我们公司的律师已经把起诉材料交到法院，法院会依法通知你。", null, []],
    ["我们的人已经在你家门口坐了一上午了。", null, ["threat", "violence"]],
    ["你这个老赖终于接电话了？", null, ["insult"]],
    ["他们刚才冲进我家把电视搬走了，还打了我爸。", null, []],
    ["催收：今天你不还，就坐在这别走了。\n我：我要报警！\n催收：报啊，看警察管不管。", null, ["threat", "violence"]],
    ["您好，您的账户已逾期，请于本周内还款，以免产生额外罚息。", null, []],
    ["【XX小贷】您好，如您遇到冒充我司的催收，请拨打官方热线核实。", null, []],
    ["我司支持您申请个性化分期，可致电客服办理。", null, []],
    ["您的借款已转由XX律师事务所处理，律师将通过书面方式与您联系。", null, []],
    ["依据合同第八条，逾期后我司有权要求您提前偿还全部借款。", null, []],
    ["您好，上次电话里您说今天还款，请问处理了吗？", null, []],
    ["我们理解您的困难，可以先还一部分，剩余的协商减免罚息。", null, []],
    ["他说要去我老家找我爸妈，我该怎么办？", null, []],
    ["我不会再给你家里人打电话了，只要你按时还。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 8, seventh batch: 15 lawful suits, filings, lawyer's letters and enforcement after a judgment, and 4 fake
 * ones, written and scored before any change: a lawyer's reminder "收到法院传票后请按时出庭" was flagged as a claimed
 * summons (as by the session's starting rules); advice about a summons to come is not a claim that one exists.
 */
describe('createAnalyzer: lawful suits and letters are never flagged (round 8, batch 7)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["我司已委托律师向XX区人民法院提起诉讼，法院立案后将依法向您送达传票，请注意查收。", null, []],
    ["【XX律师事务所】律师函 致：王某 本所接受XX银行委托，现正式函告：您尚欠信用卡本金23,000元，请于函到7日内还款或与我行协商；否则本所将代理我行提起诉讼。律师：刘明（执业证号1110120xxxxxxx），可通过12348核实。", null, []],
    ["您的案件已由我司法务部门转交合作律师事务所处理，律师将依法向法院起诉。", null, []],
    ["法院已受理我司对您的起诉，案号（2026）沪0115民初xxxx号，您可登录人民法院在线服务核实。", null, []],
    ["我司已向法院申请支付令，您可在收到支付令之日起十五日内提出书面异议。", null, []],
    ["本案已进入诉前调解程序，调解员会通过法院调解平台联系您，不收取任何费用。", null, []],
    ["如您不同意调解，案件将转入诉讼程序，由法院依法审理。", null, []],
    ["判决已经生效，我司已向法院申请强制执行，请您主动履行判决确定的义务。", null, []],
    ["您好，关于您的借款纠纷，我们已将起诉状提交至合同约定的仲裁委员会，仲裁委会依法通知您。", null, []],
    ["律师提醒：收到法院传票后请按时出庭，缺席可能导致法院依法缺席判决。", null, []],
    ["起诉不等于坐牢，民事诉讼只解决还款问题。", null, []],
    ["我司保留追究您违约责任的权利，包括向法院起诉要求偿还本息及违约金。", null, []],
    ["您好，我是XX律所的张律师，受XX消费金融委托跟您沟通还款事宜，您可以通过司法局官网查询我的执业信息。", null, []],
    ["法院执行阶段如发现您有可供执行的财产，可依法予以冻结、划拨。", null, []],
    ["根据生效判决，您已被法院依法纳入失信被执行人名单，履行完毕后可申请删除。", null, []],
    ["【XX律师事务所】你已涉嫌合同诈骗，本所已将证据移交公安机关，请立即还款以免被刑事拘留。", null, ["deception", "impersonation"]],
    ["我是法院执行庭的李法官，你的案子判了，今天不还就把你带走。", null, ["deception", "impersonation"]],
    ["律师函：你的逾期行为已被认定为恶意逃债，将被限制出境、子女不得入学。", null, ["deception", "impersonation"]],
    ["法院传票已经发到你单位了，全公司都知道你被起诉了。", null, ["impersonation", "privacy_disclosure", "third_party_contact"]],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 8, eighth batch, written last as a check of the finished round: scored before any change for it at 0.730
 * (0 of 15 lawful flagged) — exactly the errors the session's starting rules make on it, so the round's rules had
 * not carried over to these phrasings. Then used: whole groups addressed (全体同事请注意), doors blocked, 别想出去,
 * 申请法院冻结, 高考, 祈祷/保不住, "send … to your boss". Left out: night calls announced, "在你家附近转转"
 * (threat or stalking), "告诉你老婆" in pinyin (the debt is not named).
 */
describe('createAnalyzer: the last check batch (round 8, batch 8)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["周阿姨，您儿子周凯在我们平台的借款已经逾期半年了，您当妈的得管管。", null, ["privacy_disclosure", "third_party_contact"]],
    ["您好，请问是孙涛的舅舅吗？他在我们这有笔借款一直没还，麻烦您提醒一下。", null, ["privacy_disclosure", "third_party_contact"]],
    ["全体同事请注意：财务部的李娜欠网贷不还，大家离她远点。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你的欠款截图我已经发到你们小区业主群了。", null, ["privacy_disclosure"]],
    ["明天我们去你老家，跟你爸妈当面聊聊。", null, ["third_party_contact"]],
    ["09:10 在？\n09:11 回话\n09:12 还钱\n09:13 ？？？", null, ["harassment_frequency"]],
    ["今天打了你十五个电话，明天继续。", null, ["harassment_frequency"]],
    ["你老公开的那辆白色大众，车牌尾号368，对吧？", null, ["threat"]],
    ["你家小孩挺可爱的，每天放学自己走回家，不怕吗？", null, ["threat"]],
    ["🔪 今天下午五点", null, ["threat"]],
    ["你最好祈祷别在路上碰到我们。", null, ["threat"]],
    ["再拖下去，你家那扇门可就保不住了。", null, ["threat"]],
    ["you're a loser and a deadbeat, pay up", null, ["insult"]],
    ["We will send your debt details to your boss tomorrow.", null, ["privacy_disclosure", "third_party_contact"]],
    ["不还钱就等着被拘留十五天。", null, ["deception"]],
    ["你的逾期已经影响到你父母的征信了。", null, ["deception"]],
    ["按照新规，逾期超过90天的，子女不能参加高考。", null, ["deception"]],
    ["你欠的钱明天起利息翻十倍。", null, ["deception"]],
    ["【XX市公安局】你涉嫌非法占有他人财物，请于明日到我局说明情况。", null, ["deception", "impersonation"]],
    ["我们已经申请法院冻结了你的微信和支付宝。", null, ["deception", "impersonation"]],
    ["你这个骗子，不要脸的东西。", null, ["insult"]],
    ["他们今天在我家门口堵了我一上午，我能报警吗？", null, []],
    ["催收说要告诉我领导，这个合法吗？", null, []],
    ["我们已经把门堵上了，今天不还谁也别想出去。", null, ["threat", "violence"]],
    ["【XX金融】您的账单已逾期10天，逾期将产生罚息并上报征信，请尽快还款。", null, []],
    ["您好，您可以申请停息挂账，具体以我司审核结果为准。", null, []],
    ["【XX律师事务所】受XX信用卡中心委托，请您于15日内与其协商还款，逾期将依法提起诉讼。承办律师：周律师，执业证号3201xxxxxxxxx。", null, []],
    ["我司已向您住所地人民法院提起诉讼，请您留意法院送达的文书。", null, []],
    ["如判决生效后仍拒不履行，法院可依法将您列入失信被执行人名单。", null, []],
    ["您好，我们将于周四下午2点上门拜访，如时间不合适请回电改约。", null, []],
    ["我们不会联系您的父母，也不会去您单位，请您放心。", null, []],
    ["网传“逾期会被拘留”是谣言，请勿轻信。", null, []],
    ["您好，这里是XX银行，请问是陈先生的紧急联系人吗？麻烦转告他回电，谢谢。", null, []],
    ["请通过官方App还款，任何要求转到个人账户的都是诈骗。", null, []],
    ["您好，您的剩余欠款可以分6期偿还，首期下月5日扣款。", null, []],
    ["逾期记录会如实报送征信，结清后保留5年。", null, []],
    ["您的借款已转让给XX资产管理公司，后续请联系新债权人。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 9 (issue 11, generalisation), written for these tests by the analyzer engineer, not taken from any set, in the
 * kinds fresh-10's even ids showed weak (fresh-10's odd ids were held back and never read while tuning). Batch 1 (43)
 * was written after the fresh-10-even changes and scored before any change for it: the rules of 122e73b 0.773 macro-F1,
 * with the fresh-10-even changes 0.831 (0 of 14 lawful flagged either way), then 1.000. Batch 2 (42) was written after
 * batch 1 was fixed: 0.879 with the round's rules so far (2 of 16 lawful flagged: a bank's true 恶意透支 warning and
 * a disclaimer quoting collectors' words), the same as 122e73b scored, so batch 1's changes had not carried over to it.
 * Left out: an announced burst ending in a bare '后果自负' (threat or not is a judgment call) and 'we will tell your
 * boss' after 'you owe us 5000' (the disclosure is implied across a comma; still missed).
 */
describe('createAnalyzer: hearsay-framed menace, informants, quoted euphemisms, transcripts of force, fake authorities (round 9, batch 1)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["听说你老公在城南工地上班，最近脚手架挺高的吧。", null, ["threat"]],
    ["听说你家住在幸福里小区，楼下那家超市我们常去。", null, ["threat"]],
    ["听说你们公司最近在裁员，你自己小心吧。", null, ["threat"]],
    ["你妈那身子骨，要是半夜有人敲门，吓出个好歹可不好说。", null, ["threat"]],
    ["想想你女儿吧，我就说这么多。", null, ["threat"]],
    ["我们有几个兄弟就住你家那条街，低头不见抬头见的。", null, ["threat"]],
    ["再不还，我跟你没完，大不了一起完蛋。", null, ["threat"]],
    ["我们的人在你家楼下守了一整夜，你不下来我们不走。", null, ["threat", "violence"]],
    ["你那辆电瓶车我们先推走了，什么时候还钱什么时候来拿。", null, ["threat", "violence"]],
    ["催收：把他手机抢过来，别让他打电话。\n我：还给我！", null, ["threat", "violence"]],
    ["【工作群】各位同事，销售部王强在我司借款逾期三个月，请大家督促他还款。", null, ["privacy_disclosure", "third_party_contact"]],
    ["王阿姨，您女儿在我们这欠了两万多，她电话一直不接，您帮着劝劝。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我们已经给你们村支书打了电话，把你欠钱的事说清楚了。", null, ["privacy_disclosure", "third_party_contact"]],
    ["催收：08:40 人呢\n催收：08:41 装死？\n催收：08:43 回电话", null, ["harassment_frequency"]],
    ["张经理 23:05 还钱\n张经理 23:07 在吗\n张经理 23:10 别装睡", null, ["harassment_frequency", "off_hours"]],
    ["your family will know everything tomorrow if u dont pay", null, ["privacy_disclosure", "third_party_contact"]],
    ["pay today or we visit your parents 🔨", null, ["third_party_contact", "threat"]],
    ["你这个废柴，借钱的时候怎么不说没钱？", null, ["insult"]],
    ["你个衰仔，仲唔还钱？", null, ["insult"]],
    ["派出所已经把你的卷宗转到我们这边了，今天不处理明天就拘你。", null, ["deception", "impersonation"]],
    ["警官说了，你这种情况够立案了，你自己看着办。", null, ["deception", "impersonation"]],
    ["你的案件已移送检察院审查起诉，准备坐牢吧。", null, ["deception", "impersonation"]],
    ["【立案通知】你涉嫌恶意逃废债，本案已登记，请于三日内结清欠款，结清后自动销案。", null, ["deception", "impersonation"]],
    ["法院判了以后利息会按五倍算，你现在还最划算。", null, ["deception"]],
    ["逾期超过三个月，你名下所有银行卡都会被冻结。", null, ["deception"]],
    ["我们不会上门，但你的照片会挂到我们的“老赖曝光栏”上。", null, ["deception", "insult", "privacy_disclosure"]],
    ["我们已经到你单位门口了，横幅也拉好了，写着你欠钱不还。", null, ["privacy_disclosure", "third_party_contact", "threat", "violence"]],
    ["下周我们会派人去你爸妈家坐坐，顺便说说你欠钱的事。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我问过你邻居了，他说你一周没回家。", null, ["third_party_contact"]],
    ["帮我看看这个短信：“不还款将上门拘传”，是真的吗？", null, []],
    ["尊敬的客户，您在本平台的借款已逾期7天，请尽快还款，以免产生更多罚息。", null, []],
    ["您好，如对欠款有异议，可致电客服，我司不会采取任何违法催收手段。", null, []],
    ["【XX律师事务所】受XX小贷委托，就您的借款合同纠纷，我所将于近日代理起诉，请于收函后7日内联系协商。律师：王某，执业证号1101xxxx。", null, []],
    ["我司已将本案起诉材料递交至XX区人民法院，法院受理后将向您送达应诉材料，请注意查收。", null, []],
    ["根据民事诉讼法，被告无正当理由拒不到庭的，法院可以缺席判决，请您重视。", null, []],
    ["判决生效后如仍不履行，债权人可依法申请强制执行。", null, []],
    ["阿姨您好，麻烦您转告李明回个电话，谢谢您。", null, []],
    ["您好，我们这周第一次联系您，请您方便时回电。", null, []],
    ["我们是XX银行信用卡中心，依据合同您需承担逾期利息，如有困难可申请分期。", null, []],
    ["听说您最近手头紧，我们可以为您申请延期还款，请回电。", null, []],
    ["请于今日18:00前还款，否则将按合同收取违约金。", null, []],
    ["我们不会打扰您的家人，请您放心，也请您按约还款。", null, []],
    ["您的欠款已转让给XX资产公司，请按通知联系新债权人，我们不会向任何第三方透露您的信息。", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: lawful notices, letters and warnings, veiled menace, groups, invented liabilities (round 9, batch 2)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["【XX市XX区人民法院】您有一份诉讼文书待签收，请登录人民法院在线服务平台查看，如有疑问请拨打12368核实。", null, []],
    ["您好，我所受XX银行委托，就您信用卡欠款一事发出律师函：请于10日内还款或联系协商，否则我所将代理银行依法向人民法院提起诉讼。", null, []],
    ["本公司已就您的借款合同纠纷向XX区人民法院起诉，案号以法院通知为准，请您依法应诉。", null, []],
    ["若法院判决后您仍未履行，我司将依法申请强制执行，届时可能涉及冻结、扣划您名下存款。", null, []],
    ["提醒：恶意透支信用卡经两次有效催收后超过三个月仍不归还，可能构成信用卡诈骗罪，请您重视并尽快还款。", null, []],
    ["您好，您的借款已逾期，如实上报征信，请尽快处理，以免影响后续贷款。", null, []],
    ["我们会在明天上午10点左右电话联系您，如不方便请回复改约时间。", null, []],
    ["先生您好，我们外访人员计划本周六下午到您住所拜访，协商还款事宜，您可以拒绝或另约时间。", null, []],
    ["你好，请问是刘强的朋友吗？麻烦让他回个电话，谢谢。", null, []],
    ["我司郑重声明：从未委托任何机构以“坐牢”“爆通讯录”等方式催收，如遇此类情况请向我司投诉。", null, []],
    ["催收的说我再不还就去我老家找我爸妈，这能报警吗？", null, []],
    ["他们天天打我电话，一天二十几个，我该怎么办", null, []],
    ["您好，您的分期申请已通过，每月15日还款1200元，共12期。", null, []],
    ["根据合同约定，逾期将按日万分之五收取罚息，请知悉。", null, []],
    ["【XX银行】如您对账单有疑问，可拨打官方客服电话，我行不会通过个人账户收款。", null, []],
    ["你好，我们这边是XX消费金融，你的借款今天到期了，记得还哦。", "2026-11-20T21:50:00+08:00", []],
    ["你好，我们这边是XX消费金融，你的借款今天到期了，记得还哦。", "2026-11-20T22:00:00+08:00", ["off_hours"]],
    ["你住的那栋楼，晚上楼道灯是坏的吧，走的时候注意脚下。", null, ["threat"]],
    ["你儿子那个补习班九点下课，我们的人认得他。", null, ["threat"]],
    ["上次去你家，你家狗叫得挺凶，下次给它带点吃的。", null, ["threat"]],
    ["我们的人已经在你家小区门口转了两圈了，你出来还是我们进去？", null, ["threat", "violence"]],
    ["你家防盗门上的漆是我们昨天喷的，喜欢吗？", null, ["threat", "violence"]],
    ["兄弟们把你店门堵上了，今天不还钱就别想开张。", null, ["threat", "violence"]],
    ["李老师您好，您班上张小明的爸爸在我们平台欠款不还，麻烦您跟孩子说一声让他爸还钱。", null, ["privacy_disclosure", "third_party_contact"]],
    ["各位亲戚朋友，王芳借了我们三万块钱跑路了，谁知道她在哪请联系我。", null, ["privacy_disclosure", "third_party_contact"]],
    ["已经把你欠钱的截图发到你们家族群了，你舅舅还回了个问号。", null, ["privacy_disclosure", "third_party_contact"]],
    ["明天起你公司每个同事都会收到一条短信，内容你自己猜。", null, ["privacy_disclosure", "third_party_contact"]],
    ["再不接电话，我们就打给你前妻问问你的情况。", null, ["third_party_contact"]],
    ["今天已经打了你14个电话了，你接一个会死吗？", null, ["harassment_frequency"]],
    ["从今天开始每半个小时给你发一条，直到你还钱为止。", null, ["harassment_frequency"]],
    ["Ni zai bu huan qian, ming tian jiu qu ni gong si du ni.", null, ["third_party_contact", "threat"]],
    ["你这种人就是社会的蛀虫，早晚遭报应。", null, ["insult"]],
    ["你就是个无底洞，谁借你钱谁倒霉，人渣。", null, ["insult"]],
    ["网贷逾期已纳入刑法，不还就是犯罪，三年以上有期徒刑。", null, ["deception"]],
    ["你欠的钱已经自动转成高利贷，每天利息翻倍。", null, ["deception"]],
    ["逾期满90天系统会自动把你父母列为共同还款人。", null, ["deception"]],
    ["这里是XX区法院执行局，你的案子明天强制执行，今天还可以和解，和解款转到这个账户。", null, ["deception", "impersonation"]],
    ["【XX市公安局经侦支队】你因涉嫌恶意拖欠已被立案，请在24小时内联系办案民警处理。", null, ["deception", "impersonation"]],
    ["我们已经联系了你户籍地派出所，民警明天会跟我们一起上门。", null, ["deception", "impersonation"]],
    ["我是XX律师事务所的张律师，你这案子我们已经申请法院拘留你了，还钱就撤。", null, ["deception", "impersonation"]],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 9, batch 3 (40, 10 lawful), written after batches 1 and 2 were fixed, in the kinds still listed as weak
 * (English mixed in, messages to relatives, employers and landlords, bursts in other layouts, false legal facts, fake
 * authorities, force in the home, lawful suits and letters, users' own questions). Scored before any change for it:
 * 0.867 macro-F1 with the round's rules so far, 0.867 with the rules of 122e73b (0 of 10 lawful flagged either way):
 * again nothing of the earlier fixes carried over. Then 1.000.
 */
describe('createAnalyzer: English, third parties, bursts, false legal facts, force in the home (round 9, batch 3)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["Hi, this is XX Finance. Your repayment of 2,300 is 5 days overdue. Please pay via the official app to avoid late fees.", null, []],
    ["Dear customer, we have filed a civil lawsuit at the district court. Please check with the court for the summons.", null, []],
    ["We will call your HR department tomorrow and explain why you owe us money.", null, ["privacy_disclosure", "third_party_contact"]],
    ["If you keep hiding, we'll come to your place tonight. Don't say I didn't warn you.", null, ["threat"]],
    ["Pay or your mother will get a call every hour.", null, ["harassment_frequency", "third_party_contact"]],
    ["你爸的 WeChat 我们已经加上了，要不要我们跟他聊聊你的 loan？", null, ["privacy_disclosure", "third_party_contact"]],
    ["老周你好，你侄子周斌欠我们平台一万五，你们是亲戚，帮忙催催他。", null, ["privacy_disclosure", "third_party_contact"]],
    ["王总您好，贵公司员工刘洋在我司有笔借款逾期未还，麻烦您提醒他联系我们。", null, ["privacy_disclosure", "third_party_contact"]],
    ["房东大哥，你那个租客欠我们钱不还，下次他交房租的时候你跟他说一声。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你好，请问是陈静的妈妈吗？陈静留的是您的电话，请让她回个电话给我们。", null, []],
    ["[10:20] 还钱\n[10:21] 还钱\n[10:22] 还钱\n[10:25] 还钱", null, ["harassment_frequency"]],
    ["下午3:01 你在哪\n下午3:02 说话\n下午3:04 接电话", null, ["harassment_frequency"]],
    ["今天从早上8点到现在已经给你打了三十多个电话。", null, ["harassment_frequency"]],
    ["我会让我们系统每隔五分钟给你发一次提醒，发到你还为止。", null, ["harassment_frequency"]],
    ["根据最新规定，网贷逾期超过一年的，本人及配偶都将被限制出境。", null, ["deception"]],
    ["逾期不还，法院会直接从你微信零钱里划走欠款，不用开庭。", null, ["deception"]],
    ["你的信息已经同步到全国公安联网系统，坐火车住酒店都会被查。", null, ["deception", "impersonation"]],
    ["你这属于恶意逃债，我们已经收集好证据准备报案了，够判三年。", null, ["deception"]],
    ["欠款不还会记入你孩子的学籍档案，以后考大学都受影响。", null, ["deception"]],
    ["本人系XX区人民检察院工作人员，你名下的借款纠纷已转为刑事案件。", null, ["deception", "impersonation"]],
    ["这是XX派出所，你的案子我们已经接手了，今天下午来所里一趟。", null, ["deception", "impersonation"]],
    ["XX法院执行局通知：被执行人孙某拒不还款，将于明日上门查封，请配合。", null, ["deception", "impersonation"]],
    ["我们的人就坐在你家客厅，你老婆刚倒的茶，你什么时候回来？", null, ["third_party_contact", "threat", "violence"]],
    ["门口那辆车里的两个人是我们的，你出门他们就跟着。", null, ["threat", "violence"]],
    ["昨天我们跟着你从超市一直到小区门口，你都没发现吧？", null, ["threat", "violence"]],
    ["你家窗户玻璃挺贵的吧，碎了可不好配。", null, ["threat"]],
    ["我劝你最近别一个人晚上出门。", null, ["threat"]],
    ["你老婆在纺织厂上三班倒吧，夜班下班都十二点了。", null, ["threat"]],
    ["你家门牌号幸福路88号2单元401，没搬家吧？", null, ["threat"]],
    ["这种人渣就该被全网曝光，我们已经在抖音发了你的视频。", null, ["insult", "privacy_disclosure"]],
    ["你就是个臭老赖，连狗都不如。", null, ["insult"]],
    ["你的手持身份证照片我们会印在传单上，在你小区发一圈。", null, ["privacy_disclosure"]],
    ["你的欠款信息会发到你们村的微信群，让大家都看看。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我司将依法向您所在地人民法院提起诉讼，诉讼费、律师费将由您承担，请于7日内联系协商。", null, []],
    ["法院判决后，如您有能力履行而拒不履行，可能被列入失信被执行人名单并限制高消费。", null, []],
    ["【XX律师事务所】律师函：受XX公司委托，请您于收函后15日内偿还欠款，否则本所将代为提起民事诉讼。核实请致电本所，或登录司法行政机关网站查询。", null, []],
    ["您好，本次来电仅为提醒还款，我们不会联系您的家人或单位。", null, []],
    ["如果您遇到自称法院、公安要求转账的，请立即报警，这是诈骗。", null, []],
    ["我今天收到短信说要起诉我，还说明天法院来人，是不是骗人的？", null, []],
    ["催收员天天说要上门找我爸妈，还骂我是老赖，我该去哪里投诉？", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 9, batch 4 (40, 20 lawful): lawful suits, filings, post-judgment steps, letters and users' questions, then
 * informants, workplace and village visits, family drawn in, false legal facts. Scored before any change for it: 0.836
 * with the round's rules so far (0.816 with the rule data of 122e73b), 1 of 20 lawful flagged both times (a true
 * enforcement notice naming the 执行法官). Then 0.993. Left out: '凌晨三点你手机响的时候，记得是我们' (an announced
 * night call: menace or frequency is a judgment call; still unlabelled by the rules).
 */
describe('createAnalyzer: lawful litigation, informants, visits, family drawn in (round 9, batch 4)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["【XX小贷】尊敬的客户，您的借款已逾期30天，我司已委托XX律师事务所处理，律师将依法向法院起诉，请于3日内联系我司。", null, []],
    ["您好，我是XX律所的王律师，受平台委托向您发送律师函，请您在15日内还清欠款，否则我们将代表平台向法院提起诉讼，请您慎重对待。", null, []],
    ["【XX法院】您的案件已立案，案号(2026)X0102民初1234号，请登录人民法院在线服务查看起诉状副本，举证期限15日。", null, []],
    ["您被XX公司起诉的借款合同纠纷一案将于12月20日开庭，请准时到庭，详情请致电12368查询。", null, []],
    ["本案判决已生效，您未按期履行，申请执行人已向法院申请强制执行，请及时联系执行法官。", null, []],
    ["如果您一直不还，平台可能会通过诉讼方式解决，法院判决后您还需承担诉讼费。", null, []],
    ["您的逾期记录已报送人民银行征信中心，结清后记录保留五年。", null, []],
    ["请注意：任何自称法院工作人员要求您转账到个人账户的都是诈骗，请通过官方渠道核实。", null, []],
    ["我司已将您的债权转让给XX资产管理有限公司，请向新债权人履行还款义务。", null, []],
    ["您好，考虑到您的困难，我们可以减免部分罚息，请您回电商量一个还款计划。", null, []],
    ["逾期会影响您的个人征信，可能导致以后申请房贷车贷受限，请尽快处理。", null, []],
    ["您好，您的紧急联系人是李华，我们只会在联系不上您时请他转告，不会透露任何借款信息。", null, []],
    ["周末我们外访同事会去您家附近，如果您方便可以当面聊聊还款方案，不方便可以拒绝。", null, []],
    ["明天上午我们会再给您打一次电话，请保持手机畅通。", null, []],
    ["根据合同第8条，逾期超过90天平台有权宣布全部借款提前到期。", null, []],
    ["尊敬的客户，您已连续3期未还款，我们将按合同约定暂停您的额度。", null, []],
    ["我被催收骂了一整天，他说要把我的照片发朋友圈，我可以起诉他们吗？", null, []],
    ["催收说我不还就让我儿子考不了公务员，这是真的吗？", null, []],
    ["请问收到律师函一定会被起诉吗？我现在真的没钱。", null, []],
    ["我们已经向法院提交了诉讼材料，这是正常的法律程序，您也可以选择和解。", null, []],
    ["你老婆单位我们已经去过了，她领导人挺好，答应帮我们劝劝她。", null, ["privacy_disclosure", "third_party_contact"]],
    ["你家楼下早点铺老板娘说你每天七点出门，我们明天七点见。", null, ["third_party_contact", "threat"]],
    ["不还钱是吧，我们把你的照片做成寻人启事贴满你们小区。", null, ["privacy_disclosure"]],
    ["你弟弟结婚的酒席我们也会去，到时候当着亲戚的面跟你要钱。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我们明天开始每天去你单位门口站岗，直到你还钱。", null, ["third_party_contact", "threat"]],
    ["你躲得挺好啊，可你爸妈总不能也躲吧。", null, ["threat"]],
    ["再不回消息，今晚就让你全家陪你一起睡不着。", null, ["third_party_contact", "threat"]],
    ["你的事我们已经报给你们村委会了，村干部说会上门做你爸妈的工作。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我们的同事已经在你老家门口坐了两天了，你妈还给他们送了饭。", null, ["third_party_contact", "threat", "violence"]],
    ["我们刚把你家门口的电表拆了，钱到了再给你装回去。", null, ["threat", "violence"]],
    ["信用卡中心已经将你的案子移交给了公安经侦，你等着被带走吧。", null, ["deception", "impersonation"]],
    ["你现在的行为已经构成合同诈骗，金额巨大，要判十年以上。", null, ["deception"]],
    ["按照互联网金融新规，欠款人的父母必须在30天内代为偿还。", null, ["deception"]],
    ["这边是市中院执行庭，你的财产明天就会被拍卖，现在还来得及和解。", null, ["deception", "impersonation"]],
    ["你的征信已经被我们拉黑了，全国所有银行都查得到，以后办不了任何卡。", null, ["deception"]],
    ["09:00 起床还钱\n09:05 别装睡\n09:09 信不信我去你家\n09:15 回话", null, ["harassment_frequency", "threat"]],
    ["今天给你打了二十多个电话发了三十条短信，你还是不回？", null, ["harassment_frequency"]],
    ["你这个死赖子，还钱！", null, ["insult"]],
    ["sb，你妈没教你借钱要还吗", null, ["insult"]],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

/**
 * Round 9, batch 5 (40, 16 lawful), written last as a final check after every other change of the round, the model
 * retrained: scored once before any change for it, rules 0.820 with 2 of 16 lawful flagged (a lawyer's letter that
 * says to verify it with '本所前台', read as the borrower's workplace; a single pass-on request to an emergency
 * contact), rules + model 0.845 (2 of 16); the rule data and model of 122e73b scored 0.798 / 0.798, 3 of 16 flagged.
 * Then 0.984, none flagged. Left out: '你家那栋楼我们天天去转' (habitual circling of the building, read as
 * announced: violence or threat is a judgment call).
 */
describe('createAnalyzer: the last check batch (round 9, batch 5)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["【XX消费金融】您尾号6621的借款已逾期12天，当前应还2,345.60元。请通过官方APP还款，如有困难可申请协商。", null, []],
    ["您好，我司已依法向XX市XX区人民法院递交起诉状，法院立案后会向您送达传票，请注意签收并按时出庭。", null, []],
    ["律师函｜XX律师事务所受XX银行委托，特此函告：请您于收函之日起十日内清偿欠款。逾期未履行，本所将依法代理提起诉讼。本函真伪可致电本所前台核实。", null, []],
    ["法院已判决您偿还本金及利息，判决生效后您未履行，我方已申请强制执行，请与执行法官联系履行事宜。", null, []],
    ["温馨提示：逾期信息将如实报送征信系统，可能影响您今后办理信用卡和贷款。", null, []],
    ["您好，您名下欠款已由我司受让，我司将按原合同约定向您催收，请勿向其他任何账户转账。", null, []],
    ["先生您好，我们今天下午会上门拜访一次，主要是核实您的居住地址，您不方便可以提前告诉我们。", null, []],
    ["我们不会坐牢吓唬您，也不会骚扰您的家人，只希望您能给个还款计划。", null, []],
    ["他们说再不还就让我坐牢，还要去我单位闹，我现在该怎么办", null, []],
    ["如有异议，您可以向当地金融监管部门投诉，或拨打12378。", null, []],
    ["您好，这是今天的第一次来电提醒，您的款项今日到期。", null, []],
    ["张女士您好，您是王磊的紧急联系人，我们联系不上他，麻烦您方便时转告他回个电话。", null, []],
    ["您的案件已进入诉前调解阶段，调解员会在工作时间与您联系，调解不收取任何费用，可致电12368核实。", null, []],
    ["首期还款后，剩余欠款可分10期偿还，免除全部罚息。", null, []],
    ["您好，经核实您为低保户，我们可为您办理停催，请提供证明材料。", null, []],
    ["你妈现在住院是吧，几楼几床我们都打听好了，明天带点水果去看看她老人家。", null, ["third_party_contact", "threat"]],
    ["听说你闺女今年高考？考场在哪我们也能打听到。", null, ["threat"]],
    ["别以为换了城市就没事，你在深圳的出租屋我们也有人。", null, ["threat"]],
    ["我们的人现在就在你们厂门口，你下班走哪个门我们都盯着。", null, ["third_party_contact", "threat", "violence"]],
    ["兄弟们把你家大门给你换了把锁，钥匙在我这，还了钱就给你。", null, ["threat", "violence"]],
    ["你家车我们已经拖到停车场了，想要车就拿钱来赎。", null, ["threat", "violence"]],
    ["陈总您好，贵公司司机赵刚在我司欠款五万多，长期不还，请您作为领导督促一下。", null, ["privacy_disclosure", "third_party_contact"]],
    ["给你三天时间，不然我把你欠钱的聊天记录发给你所有客户。", null, ["privacy_disclosure", "third_party_contact"]],
    ["我们已经联系了你对象，她还不知道你欠了这么多吧？", null, ["privacy_disclosure", "third_party_contact"]],
    ["你的照片和欠款金额我们会做成海报，贴到你老家村委会门口。", null, ["privacy_disclosure"]],
    ["14:02 在不在\n14:03 回话\n14:05 再不回我打你老板电话", null, ["harassment_frequency", "third_party_contact"]],
    ["你已经连续三天每天被我们打了二十几个电话了，还装死？", null, ["harassment_frequency"]],
    ["你这个骗吃骗喝的烂人，赶紧还钱。", null, ["insult"]],
    ["What a shameless liar you are. Pay up today.", null, ["insult"]],
    ["你个扑街仔，仲唔还？", null, ["insult"]],
    ["公安局已经对你立案调查了，明天民警就上门带人。", null, ["deception", "impersonation"]],
    ["我们是XX区法院委托的催收机构，今天不还钱下午就冻结你的工资卡。", null, ["deception", "impersonation"]],
    ["你的欠款已经被认定为恶意诈骗，全国所有的车站机场都会拦你。", null, ["deception"]],
    ["逾期满六个月，你父母的养老金就要被拿来抵债。", null, ["deception"]],
    ["网贷不还属于刑事犯罪，已经有人因为这个被判了五年。", null, ["deception"]],
    ["你的身份证号码已经被我们挂到了失信公示网站上，谁都能查到。", null, ["deception", "privacy_disclosure"]],
    ["我们有你全家的地址，你弟在哪上班我们也清楚，自己掂量。", null, ["threat"]],
    ["你家孩子放学一个人走那条小河边的路，挺危险的。", null, ["threat"]],
    ["Dear Mr. Li, we represent XX Bank. If the debt is not settled within 15 days we will file a civil claim in court.", null, []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

// Round 10 (issue 11): a probe batch written by the analyzer engineer in the kinds fresh-11's even ids showed
// (never copied from any set), scored before the rules were changed for it: rules 0.740 macro-F1, 1 of 12 lawful flagged
// ('两位同事上门拜访', the firm's own staff). Left out: '你爸的电话我们也有了…' (the rules read a relative's number 'we
// have' as threatened contact, an older convention this batch's label did not follow).

describe('createAnalyzer: relatives serving or followed, addresses with "see you", informants, dialect, English deadlines, invented obligations (round 10, batch 1)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["你姐昨天接了我们电话，都知道了，你还想让你们单位也知道吗？", "2026-05-03T15:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["21:50 接电话\n21:52 装死是吧\n21:55 行，我现在就给你老婆打", null, ["harassment_frequency", "third_party_contact"]],
    ["我们这会儿在你岳母家坐着，她正给我们削苹果呢，你自己掂量。", "2026-04-11T14:20:00+08:00", ["third_party_contact", "threat", "violence"]],
    ["[给紧急联系人王叔的短信]\n6月1日 麻烦让小刘回个电话\n6月2日 麻烦让小刘回个电话\n6月3日 麻烦让小刘回个电话\n6月4日 麻烦让小刘回个电话", null, ["third_party_contact"]],
    ["你媳妇这礼拜已经接了我们十来个电话，还让她接吗？", "2026-03-05T11:00:00+08:00", ["harassment_frequency", "third_party_contact"]],
    ["你单位在科技园二路9号创业大厦5楼，没错吧？周一见。", "2026-06-12T10:00:00+08:00", ["third_party_contact", "threat"]],
    ["小区门口水果店的老板娘人挺好，你几点出门几点回来她都跟我们讲了。", "2026-07-02T16:00:00+08:00", ["third_party_contact", "threat"]],
    ["你妹在哪个医院当护士我们门儿清，要不要我们过去替你问候一声？", "2026-07-04T13:00:00+08:00", ["third_party_contact", "threat"]],
    ["你爸刚出门遛狗，我们哥俩在他后面陪着走了两圈了。", "2026-08-01T09:30:00+08:00", ["third_party_contact", "threat", "violence"]],
    ["您好，请问是张强的父亲吗？您儿子在我们平台借款逾期半年，家里总得有人出面把钱还上。", "2026-08-11T10:00:00+08:00", ["deception", "privacy_disclosure", "third_party_contact"]],
    ["我们已经让你单位财务下个月开始扣你工资还款了。", "2026-08-12T10:00:00+08:00", ["deception", "privacy_disclosure", "third_party_contact"]],
    ["老爹，你闺女在我们这儿借了五千块，半年没还了，你不管的话我们一天给你打二十几道电话。", "2026-09-02T15:00:00+08:00", ["harassment_frequency", "privacy_disclosure", "third_party_contact"]],
    ["你上班那栋楼的门卫大爷挺健谈的，我们找他问了问你的情况。", "2026-09-03T15:00:00+08:00", ["third_party_contact"]],
    ["[录音转写]\n催收：我们今天不走了，就在你家沙发上过夜。\n我：你们快走吧。", null, ["threat", "violence"]],
    ["[楼道里贴的告示]\n301的陈伟借钱不还，请各位邻居见到他让他赶紧还款。", null, ["privacy_disclosure", "third_party_contact"]],
    ["明天下午我们去你女儿幼儿园门口接她放学，顺便跟老师说说你欠钱的事。", "2026-09-05T15:00:00+08:00", ["privacy_disclosure", "third_party_contact", "threat"]],
    ["你妈每天下午四点去菜市场买菜，身子骨挺硬朗啊。", "2026-09-06T15:00:00+08:00", ["threat"]],
    ["Pay by tonight or ur kids will regret it 🔪🔪", "2026-09-07T12:00:00+08:00", ["threat"]],
    ["We know where ur wife works. Money b4 5pm 💣", "2026-09-07T12:00:00+08:00", ["threat"]],
    ["你车窗前天晚上被砸了吧？下回砸的可不是车。", "2026-09-08T12:00:00+08:00", ["threat", "violence"]],
    ["09:10 人呢\n09:12 我们到你家楼下了\n09:15 再不开门我们就自己上去", null, ["harassment_frequency", "threat", "violence"]],
    ["We r outside ur house now. 不出来就一直敲门，敲到你出来为止。", "2026-09-09T19:00:00+08:00", ["threat", "violence"]],
    ["我们在你厂门口已经守了一上午了，标语都写好了，你出来一下吧。", "2026-09-10T12:00:00+08:00", ["privacy_disclosure", "third_party_contact", "threat", "violence"]],
    ["上门费2000元由你出，今天不结清明天再加五百。", "2026-09-11T10:00:00+08:00", ["deception"]],
    ["你已经被列为网上在逃人员，坐飞机住宾馆都会被当场扣下。", "2026-09-12T10:00:00+08:00", ["deception", "impersonation"]],
    ["【网警中心】你的支付宝账户因网贷逾期已被标注为涉诈账户，结清欠款后自动解除。", "2026-09-12T10:00:00+08:00", ["deception", "impersonation"]],
    ["再不还，你老婆的工资和你爸的退休金都得被扣下来还债。", "2026-09-13T10:00:00+08:00", ["deception"]],
    ["你征信已经彻底花了，这辈子买房买车办信用卡都别想了。", "2026-09-13T10:00:00+08:00", ["deception"]],
    ["你哥是这笔贷款的共同还款人，我们已经通知他公司扣他的工资了。", "2026-09-14T10:00:00+08:00", ["deception", "privacy_disclosure", "third_party_contact"]],
    ["Deadbeat, we'll make u pay for this. 你全家都跑不掉。", "2026-09-15T10:00:00+08:00", ["insult", "threat"]],
    ["李老师您好，打扰了，您班上王小雨的爸爸在我们平台有笔借款逾期了，麻烦您有机会跟他提一下。", "2026-09-15T10:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["老赖，今晚不还，我们就把你的借条发到你抖音上。", "2026-09-15T10:00:00+08:00", ["insult", "privacy_disclosure"]],
    ["你QQ好友我们都加上了，一个一个发你的借款合同，已经发了二十几个人了。", "2026-09-15T10:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["您好，您在我司的借款已逾期15天，逾期罚息按合同约定计收，请尽快还款，以免影响个人征信。", "2026-09-16T10:00:00+08:00", []],
    ["张先生您好，我司已于今日向朝阳区人民法院递交起诉材料，是否立案以法院通知为准，您可拨打12368查询。", "2026-09-16T10:00:00+08:00", []],
    ["您好，这里是某某银行信用卡中心，您的账户已逾期，如需办理分期还款，请在工作时间致电我行客服。", "2026-09-16T10:00:00+08:00", []],
    ["王阿姨您好，我们联系不上李明，麻烦您方便时请他回个电话，谢谢，打扰了。", "2026-09-16T10:00:00+08:00", []],
    ["您好，根据生效判决，您未按期履行还款义务，我司已依法向法院申请强制执行，法院可能依法冻结您的账户。", "2026-09-16T10:00:00+08:00", []],
    ["您的欠款已逾期，您作为本合同的共同借款人，也有还款义务，请与主借款人协商尽快处理。", "2026-09-16T10:00:00+08:00", []],
    ["我们下周二上午十点会有两位同事上门拜访，协商还款方案，如不方便请提前告知改约。", "2026-09-16T10:00:00+08:00", []],
    ["您好，您的借款逾期后，逾期记录会按规定在征信报告中保留5年，结清后不会立即消除。", "2026-09-16T10:00:00+08:00", []],
    ["北京某某律师事务所受某某小贷公司委托，就您拖欠借款一事致函，请于15日内联系本所协商，逾期将依法提起民事诉讼。", "2026-09-16T10:00:00+08:00", []],
    ["你好，我是小王的同事，他让我跟你说一声，下午的会改到三点了，你方便回个电话吗？", "2026-09-16T10:00:00+08:00", []],
    ["您好，您的分期账单本月应还2300元，今天是还款日，请确保账户余额充足。", "2026-09-16T10:00:00+08:00", []],
    ["法院判决生效后仍不履行的，可能被列入失信被执行人名单并限制高消费，请您重视。", "2026-09-16T10:00:00+08:00", []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });

  it('counts people reached as disclosure, not as calls to the borrower, when the sentence says they are friends added', () => {
    expect(cats('你QQ好友我们一个个加上了，今天已经发出去四十多个了。')).not.toContain('harassment_frequency');
    expect(cats('今天已经给你发了四十多条了，还不回？')).toContain('harassment_frequency');
  });
});

// Round 10, batch 2: 40 more messages I wrote (14 lawful), scored before any change for them: 0.847 with the rules of step 1
// and the same with the rules this round started from (step 1 carried over nothing to new phrasings), 0 of 14 lawful flagged.
// Left out: a CCTV description of paint written on a door ('…用红漆写…，随后离开'): told in the third person, past, with no tense word.
// '来队里说明情况' from a fake police officer is impersonation only (m110's convention: a summons with no stated consequence).

describe('createAnalyzer: new phrasings of the weak kinds, English nudes, spouses, groups, lawful notices (round 10, batch 2)', () => {
  it.each<[string, string | null, CategoryId[]]>([
    ["叔叔您好，您女婿在我们平台欠了三万多，电话一直打不通，您看您能不能劝劝他。", "2026-10-01T10:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["08:01 还钱\n08:02 还钱\n08:03 还钱\n08:04 还钱", null, ["harassment_frequency"]],
    ["你住的那个小区东门晚上没路灯吧，一个人回家可得小心。", "2026-10-02T18:00:00+08:00", ["threat"]],
    ["我们的人已经在你爸妈家院子里坐了一下午了，他们说你下个月才回来。", "2026-10-02T18:00:00+08:00", ["third_party_contact", "threat", "violence"]],
    ["你在东莞长安镇那个五金厂上班，对吧？我们后天过去找你老板聊聊。", "2026-10-03T10:00:00+08:00", ["third_party_contact", "threat"]],
    ["检察院已经对你批准逮捕，速回电处理，否则后果自负。", "2026-10-03T10:00:00+08:00", ["deception", "impersonation"]],
    ["你逾期的事我们已经发到你们公司的钉钉群了，大家都在讨论你。", "2026-10-03T10:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["不还钱，你孩子以后连大学都上不了，档案里会记一笔。", "2026-10-03T10:00:00+08:00", ["deception"]],
    ["I'll send ur nudes to everyone in ur contacts if u don't pay by Friday.", "2026-10-04T10:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["我们三个人就在你家门口坐着，你什么时候开门我们什么时候走。", "2026-10-04T20:00:00+08:00", ["threat", "violence"]],
    ["你这种人就是社会的蛀虫，活着就是浪费粮食。", "2026-10-04T20:00:00+08:00", ["insult"]],
    ["今天已经给你打了第15个电话了，你接不接？", "2026-10-05T23:30:00+08:00", ["harassment_frequency", "off_hours"]],
    ["你老婆每周三下午去瑜伽馆上课，那条路挺僻静的。", "2026-10-05T15:00:00+08:00", ["threat"]],
    ["你逃不掉的，我们已经申请法院查封了你父母的房子。", "2026-10-05T15:00:00+08:00", ["deception", "impersonation"]],
    ["信不信我让你全村人都知道你是个骗子？", "2026-10-06T15:00:00+08:00", ["insult", "privacy_disclosure"]],
    ["明天上午我们会去你上班的商场门口拉条横幅，让你们老板也看看。", "2026-10-06T15:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["你的欠款已转为刑事案件，银行流水全部被冻结，任何卡都取不出钱。", "2026-10-06T15:00:00+08:00", ["deception"]],
    ["你表弟说你搬到昆明去了，行，我们昆明也有同事。", "2026-10-07T15:00:00+08:00", ["third_party_contact", "threat"]],
    ["你爸刚才来开的门，我们跟他说了你借钱的事，老爷子气得够呛。", "2026-10-07T15:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["我是XX市公安局经侦支队的李警官，你的借款纠纷已转我们处理，请今天下午来队里说明情况。", "2026-10-07T15:00:00+08:00", ["impersonation"]],
    ["u better pay or we come to ur office tmr and tell ur boss everything", "2026-10-08T15:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["你那辆白色的电动车停在楼下挺显眼的，轮胎要是哪天没气了可别怪我们。", "2026-10-08T15:00:00+08:00", ["threat"]],
    ["我们已经把你拉进了一个三百人的群，群里全是你的同学，你自己上来解释吧。", "2026-10-08T15:00:00+08:00", ["privacy_disclosure", "third_party_contact"]],
    ["按照新规定，借款人逾期超过90天，其配偶名下的存款将被自动扣划。", "2026-10-08T15:00:00+08:00", ["deception"]],
    ["刚才在电梯里推了你一把是提醒你，下次就不是推这么简单了。", "2026-10-09T15:00:00+08:00", ["threat", "violence"]],
    ["您好，您的借款已逾期30天，我司将委托律师事务所依法提起诉讼，届时法院将向您送达相关文书，请注意查收。", "2026-10-10T10:00:00+08:00", []],
    ["您好，我们是XX资产管理公司，您在XX银行的债权已依法转让给我司，详情可查看债权转让公告。", "2026-10-10T10:00:00+08:00", []],
    ["李女士，考虑到您家里的情况，我们可以为您申请停息挂账，分36期偿还本金。", "2026-10-10T10:00:00+08:00", []],
    ["您好，我是XX律师事务所的王律师，受XX银行委托，就您信用卡欠款一事与您联系，请于7日内回电协商，律所电话可在司法局网站查询。", "2026-10-10T10:00:00+08:00", []],
    ["法院判决已经生效，您未按期履行，我方已申请强制执行，执行过程中法院可依法冻结、划拨您的存款。", "2026-10-10T10:00:00+08:00", []],
    ["您好，提醒您本期账单3,200元将于明日到期，逾期将产生罚息并上报征信。", "2026-10-10T10:00:00+08:00", []],
    ["王先生，我们工作人员计划本周五下午两点上门与您当面沟通还款事宜，如时间不便请回复改约。", "2026-10-10T10:00:00+08:00", []],
    ["您好，您作为本笔借款的担保人，依据担保合同需承担连带保证责任，请与借款人共同处理。", "2026-10-10T10:00:00+08:00", []],
    ["您好，我司已向XX区人民法院提起民事诉讼，案件正在审查立案中，具体进展请以法院通知为准。", "2026-10-10T10:00:00+08:00", []],
    ["收到传票后请务必按时出庭应诉，如有异议可依法提出答辩或管辖权异议。", "2026-10-10T10:00:00+08:00", []],
    ["您好，您的借款逾期已超过90天，根据合同约定我司将宣布贷款提前到期并要求一次性偿还全部欠款。", "2026-10-10T10:00:00+08:00", []],
    ["您好，我是您的专属客服小陈，您本月的还款已成功，感谢您的配合。", "2026-10-10T10:00:00+08:00", []],
    ["我们只会通过您本人的电话联系您，不会打扰您的家人和同事，请您也配合尽快还款。", "2026-10-10T10:00:00+08:00", []],
    ["您好，您的信用卡已逾期，我行将按照规定于本月将逾期信息报送人民银行征信中心。", "2026-10-10T10:00:00+08:00", []],
  ])('%s', (text, sentAt, expected) => {
    expect(cats(text, sentAt)).toEqual(expected);
  });
});

describe('createAnalyzer: dialect words, doctored photos as exposure, truthful enforcement, arbitration and credit-card notices (round 11)', () => {
  it.each<[string, CategoryId[]]>([
    ['侬再拖下去，阿拉就去寻侬爷娘讲讲清爽。', ['third_party_contact']],
    ['恁要是再不接电话，俺们就去恁单位找恁领导说道说道。', ['third_party_contact']],
    ['钱再不到账，见一次捶你一次。', ['threat']],
    // A doctored photo is the means of exposure; it is an insult only with abusive words or a humiliating form (表情包, 遗照).
    ['你的照片我们P好了，明天发抖音。', ['privacy_disclosure']],
    ['您好，本案已进入强制执行程序，执行法院可依法冻结、划拨您名下存款，请您尽快履行判决确定的义务。', []],
    ['您的案件已由仲裁委员会受理，仲裁通知书将通过邮寄送达，您可以在规定期限内提交答辩意见。', []],
    ['您好，您的信用卡已逾期，根据《刑法》规定，恶意透支数额较大经催收不还可能承担刑事责任，请您尽快还款。', []],
    ['【XX资产】债权转让通知：您在XX消费金融的借款债权已转让给本公司，请按原合同约定向本公司还款。', []],
    ['王先生，XX银行已将您名下的不良债权转让给我司，债权转让公告已在报纸刊登，请联系我司办理还款。', []],
    ['你欠钱的事我们已经在报纸上刊登了，全市的人都能看到。', ['privacy_disclosure']],
    // The same procedural words from a fake authority that wants money in an account, or enforcement with no judgment.
    ['法院已经受理了你的案子，马上打钱到这个账户就撤诉，不然答辩也没用。', ['deception', 'impersonation']],
    ['已进入强制执行程序，今天不还明天就冻结你所有银行卡。', ['deception', 'impersonation']],
    // A single, neutral pass-on request to an emergency contact is lawful; the user asking whether something is lawful is not a collector.
    ['您好，您是李明先生登记的紧急联系人，我们联系不上他，麻烦您告诉他回个电话，谢谢。', []],
    ['你是他的紧急联系人，我们已经打给他同事了，告诉他再不还钱我们就去他单位闹。', ['privacy_disclosure', 'third_party_contact']],
    ['他们说要去我公司找领导，这个是合法的吗？', []],
    // Chat English: who is reached and what they are told.
    ['we will send ur photos to all ur wechat friends tonight', ['privacy_disclosure', 'third_party_contact']],
    ['gonna text ur whole family about ur loan', ['privacy_disclosure', 'third_party_contact']],
    ['pls pay today, we will message u again tomorrow', []],
  ])('%s', (text, expected) => {
    expect(cats(text, '2026-11-02T14:00:00+08:00')).toEqual(expected);
  });
});

describe('createAnalyzer: the sender\'s own company, court and arbitration notices, durations, family liability, damage done (issue 11, round 12)', () => {
  it.each<[string, CategoryId[]]>([
    // The creditor's own company suing, or its own legal department, is not the borrower's workplace.
    ['你再这么拖下去公司肯定要走诉讼的，到时候还得加上诉讼费。', []],
    ['这里是恒达金融科技公司法务部，您的欠款已逾期，我司将依法向人民法院起诉。', []],
    ['发函单位：安信网络科技公司法务部。请于七日内协商还款，逾期将依法提起诉讼。', []],
    ['接上级通知，本月起逾期超过60天的账户统一转法务处理，请您尽快还款。', []],
    // Court and arbitration notices that send the user to an official channel, or tell them to pay only the court's account.
    ['【某某仲裁委员会】您与某消费金融公司的借款合同纠纷已受理，答辩材料请在规定期限内提交，案件信息请在本会官网查询核实。', []],
    ['【某某区人民法院】诉前调解通知：调解不成将依法转入诉讼程序，调解不收取任何费用。', []],
    ['执行款请交至法院执行款专户，以法院送达的执行通知书为准，切勿转入任何个人账户。', []],
    ['我司诉您的借款合同纠纷一案下周三开庭，请按传票写明的时间到庭。', []],
    ['你要么这周跟我谈分期，要么就等着收法院的传票。', []],
    ['民事案件不会坐牢，但判决之后还不履行的，会被限制高消费。', []],
    // The same words from a fake authority, or with a false consequence.
    ['法院已经给你下了传票，后天送到你家。', ['impersonation']],
    ['这是你的受案回执，案由：合同诈骗，你自己看着办。', ['deception', 'impersonation']],
    ['执行局说了，今天不交保证金否则立即拘留。', ['deception']],
    // Families are not liable for the borrower's debt.
    ['你当妈的就得替你儿子把钱还上。', ['deception']],
    ['这笔账最后还得你爸妈来还。', ['deception']],
    ['欠款不还的话，你子女要继承这笔债。', ['deception']],
    // Damage and force already done, and objects left at the door.
    ['你家锁眼里的502是我们的一点心意。', ['threat', 'violence']],
    ['你家大门上我们泼了红油漆，回去看看吧。', ['threat', 'violence']],
    ['你媳妇下班我们一路跟着她，看着她进的小区。', ['third_party_contact', 'threat', 'violence']],
    ['身份证先扣在我们这儿，什么时候还钱什么时候拿走。', ['threat', 'violence']],
    ['你家楼下我们留了点小礼物，自己下去看。', ['threat']],
    // Third parties addressed or told.
    ['各位晚上好，群里这位王强在我们平台借款两万逾期半年，请大家提醒他还钱。', ['privacy_disclosure', 'third_party_contact']],
    ['你是王强的同学吧？他借了我们的钱联系不上，你让他赶紧还钱。', ['privacy_disclosure', 'third_party_contact']],
    ['你哥欠了我们三万块，你做妹妹的劝劝他。', ['privacy_disclosure', 'third_party_contact']],
    ['后天你老婆就知道你在外面借网贷了。', ['privacy_disclosure', 'third_party_contact']],
    // Round 12 probe batch kinds: a plate known with "drive slowly", a door kicked in, crimes said to follow automatically, English contact lists.
    ['你的车牌号我们记下了，下班开车慢点。', ['threat']],
    ['上周我们把你家防盗门砸了，这次带了更多人。', ['threat', 'violence']],
    ['逾期满半年的会自动转为刑事案件处理。', ['deception']],
    ['pay now or ur entire contact list gets your loan record', ['privacy_disclosure', 'third_party_contact']],
    ['路上慢点，最近下雨路滑。', []],
    ['奶奶您好，您孙女小周在我们平台借了八千没还，您劝劝她。', ['privacy_disclosure', 'third_party_contact']],
    ['作为紧急联系人，您对他的这笔借款负有连带责任。', ['deception']],
    ['逾期信息已报送征信，并将通报你所在的村委会。', ['privacy_disclosure', 'third_party_contact']],
    ['过了周五，到时候谁也救不了你。', ['threat']],
    // dev-kinds-1 kinds: truthful limits after a judgment, payment to a personal account for 撤诉, relatives watched or said to report.
    ['判完之后还是不履行，法院会限制你高消费。', []],
    ['本院通知：把钱转到法官个人支付宝即可撤诉。', ['deception', 'impersonation']],
    // Seen today, as m642: watching is happening (violence), and "看见了" is not meeting the relative.
    ['你爸早上出门穿的灰色外套，我们看见了。', ['threat', 'violence']],
    ['你小姨说你搬到城东去了。', ['third_party_contact']],
    ['公安局会把你列入重点人员名单。', ['deception', 'impersonation']],
    ['我们这帮兄弟正好有空，周末去你老家溜达溜达。', ['third_party_contact', 'threat']],
    ['判决下来以后，你老婆的工资卡也会冻结。', ['deception']],
    // The client company of a law firm's letter is the creditor (issue 11's "a genuine law firm's letter").
    ['【某某律师事务所】受某某公司委托，特函告您：请于7日内联系处理，否则本所将依法代理委托人提起民事诉讼。', []],
    ['您好，我是某某公司的催收专员小李，刚才给您打过电话，请回电。', []],
    ['我是某某公司的催收专员，刚才已经打给你领导了。', ['third_party_contact']],
  ])('%s', (text, expected) => {
    expect(cats(text, '2026-11-02T14:00:00+08:00')).toEqual(expected);
  });

  it('reads "[语音 0:42]" as a voice note\'s length, not a night send time', () => {
    expect(cats('[语音 0:42] 你这个账再拖，公司就要起诉了。')).toEqual([]);
    expect(cats('[通话 1:05] 催收：今天能还多少？')).toEqual([]);
    // A clock time on a pasted line is still a send time.
    expect(cats('[00:42] 催收：今天能还多少？')).toEqual(['off_hours']);
  });

  it('counts only the collector\'s stamped lines towards a burst, not the user\'s replies between them', () => {
    expect(cats('[14:15] 催收：今天能还吗\n[14:16] 我：在想办法\n[14:17] 催收：想办法要想到什么时候')).toEqual([]);
    expect(cats('[14:15] 催收：今天能还吗\n[14:16] 催收：说话\n[14:17] 催收：人呢')).toEqual(['harassment_frequency']);
  });
});

describe('fresh-14 kinds (round thirteen): lawful notes and what is not a threat', () => {
  it.each<[string, CategoryId[]]>([
    // A single neutral pass-on to the designated contact that says it did not mention the loan is lawful.
    ['您留的紧急联系人是“父亲”，今天没联系上您，我们给他发了条请您回电的短信，未提及任何欠款内容。', []],
    // Without that, a message to the contact is still third-party contact.
    ['您留的紧急联系人是“父亲”，今天没联系上您，我们已经联系了他。', ['third_party_contact']],
    // A true post-judgment step, said as "判了你再不履行".
    ['下个月公司会起诉，法院判了你还不履行的话，才会被限制高消费。', []],
    ['你不还钱就会被限制高消费。', ['deception']],
    // The user's own report of how often they were called.
    ['前几个星期他们天天给我打二十几个电话，我要不要换号码？', []],
    // Stopped at a security check is a claimed ban, not harm.
    ['你已经进了失信系统，坐高铁过安检就会被拦下来。', ['deception']],
    // A bomb emoji beside 轰炸 is call bombardment, not a weapon.
    ['短信轰炸💣已经安排上了，今天你的手机别想安静。', ['harassment_frequency']],
    ['💣💣 今晚十点前不还，自己看着办。', ['threat']],
    // Threatening to release photos is disclosure, not a separate threat; "别逼我" alone still menaces.
    ['你的聊天记录我们都存着，别逼我们发到网上去。', ['privacy_disclosure']],
    ['钱今天到账，别逼我。', ['threat']],
    // Warning the listeners about lending to the borrower is not menace of the listeners; "小心点" to the borrower is.
    ['各位邻居好，302的王某欠钱不还，借过钱给他的都小心点。', ['privacy_disclosure', 'third_party_contact']],
    ['晚上回家走路小心点。', ['threat']],
    // A group addressed by its name ("…群的各位", "群里的各位好") told of a debt: contact and disclosure; a notice is not.
    ['家长群的各位：五年级一班赵某的妈妈借钱不还，大家见到提醒一声。', ['privacy_disclosure', 'third_party_contact']],
    ['群里的各位好，3栋的孙某在我们平台逾期半年了。', ['privacy_disclosure', 'third_party_contact']],
    ['群里的各位好，周六上午小区停水，请提前储水。', []],
    // English mixed in: posing as the police, and a crew downstairs now.
    ['This is the police. Your account is linked to a criminal case.', ['deception', 'impersonation']],
    ['We are downstairs now, 开门。', ['threat', 'violence']],
    // "打你紧急联系人" without 给 is calling the contact; changing the contact in the app, or a promise not to, is not.
    ['今天不接，明天就打你联系人。', ['third_party_contact']],
    ['您好，如需变更紧急联系人，请登录App操作。', []],
    ['我们不会打你紧急联系人，请放心。', []],
  ])('%s', (text, expected) => {
    expect(cats(text, '2026-11-02T14:00:00+08:00')).toEqual(expected);
  });
});

/**
 * fresh-15's false alarms, by kind (issue 11): a creditor filing its own suit is not a court acting; a notarised
 * debt instrument with enforcement effect is a real basis for enforcement (民事诉讼法第二百四十九条第一款); a user
 * asking whether a rumour is true is the user's own words.
 */
describe('createAnalyzer: lawful suits, enforceable notarisation and the user asking (fresh-15 kinds)', () => {
  it.each<[string, string[]]>([
    ['您好，我是平台法务部的小李，我们准备明天把案件提交到海淀区人民法院，起诉金额以合同为准。', []],
    ['您的借款合同已办理赋予强制执行效力的公证，逾期不履行的，债权人可以向人民法院申请执行。', []],
    ['听人说逾期孩子就不能当兵了，真的假的？', []],
    ['收到短信说我已经被法院冻结了银行卡，可我什么都没收到', []],
    ['案子已经移交派出所了，你等着吧。', ['impersonation']],
    ['你已经被强制执行了，还不还？', ['deception']],
    // Physical force and restraint told without the old words (issue 11 kinds).
    ['下午你坐地铁回家，我们在后面跟了一路。', ['threat', 'violence']],
    ['车钥匙放下，这车今天你开不走。', ['threat', 'violence']],
    ['我们几个就坐你家客厅等，谁也不走。', ['threat', 'violence']],
    ['后天还不上，我们上门把你人带走。', ['threat']],
  ])('%s', (text, expected) => {
    expect(cats(text, '2026-11-02T14:00:00+08:00')).toEqual(expected);
  });
});

/**
 * fresh-16's false alarms, by kind: the user asking in Cantonese, asking whether to report or call 110, asking about
 * the children, telling of their own calls to customer service; an outsourcing notice ("由他们与您联系，还款…") is not
 * someone else made to pay. The collector saying the same things still counts.
 */
describe('createAnalyzer: user questions and outsourcing notices (fresh-16 kinds)', () => {
  it.each<[string, string[]]>([
    ['佢哋話唔還錢就去我屋企搵我阿媽，係咪犯法㗎？', []],
    ['有人在我家楼道里写了欠债还钱，能报案吗', []],
    ['他们说今晚要来我家门口守着，我该打110吗？', []],
    ['我欠了网贷，会影响孩子当兵吗？', []],
    ['我这个月打了20次客服电话都没人接', []],
    ['您好，您的账户已委托第三方机构处理，后续由他们与您联系，还款请走官方渠道。', []],
    ['这笔钱由他们来还，你自己看着办。', ['deception']],
    ['今天已经给你拨了18次了，明天继续。', ['harassment_frequency']],
  ])('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
});
