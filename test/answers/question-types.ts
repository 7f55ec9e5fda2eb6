/**
 * Questions of many types, written for these tests (not copied from the eval sets), with what a competent lawyer's
 * first sentence must say, from shared/legal: `first` must match the reply's first sentence, `not` must not.
 * Typos, traditional characters and slang are deliberate. `guide` is the topic the answer must be built on when
 * only one topic fits.
 */
export interface QuestionType {
  q: string;
  first: RegExp;
  not?: RegExp;
  guide?: string;
}

export const QUESTION_TYPES: QuestionType[] = [
  // 征信
  { q: '逾期会不会上征信 多久能消', first: /会/, guide: 'credit-report' },
  { q: '上了征信以后要几年才能消掉', first: /5年|五年/, guide: 'credit-report' },
  { q: '征心上的逾期几年能没', first: /5年|五年/, guide: 'credit-report' },
  { q: '花钱能把征信洗干净吗 有人说包消', first: /不能|没有/, not: /^能/, guide: 'credit-report' },
  { q: '征信里有一条贷款根本不是我办的 怎么处理', first: /异议|更正/, guide: 'credit-report' },
  { q: '一年能免费查几次征信', first: /免费|两次/, guide: 'credit-report' },
  // 停息挂账、协商
  { q: '停息挂帐是国家政策吗 银行必须同意吗', first: /不是/, not: /^是/, guide: 'negotiate-instalments' },
  { q: '银行是不是必须给我办个性化分期', first: /不是|不一定/, guide: 'negotiate-instalments' },
  { q: '还不起了可以跟平台商量分期吗', first: /可以|能/, guide: 'negotiate-instalments' },
  { q: '欠了一堆钱根本还不上 到底该咋办啊', first: /别慌|一步/, not: /赌/ },
  { q: '催收嘴上说给我免掉罚息 能信吗', first: /不靠谱|书面|确认/ },
  { q: '找中介办停息挂账要先交钱 靠谱吗', first: /不靠谱|别交|不要交|诈骗/, guide: 'official-repayment' },
  // 坐牢、诈骗
  { q: '网贷逾期了会不会坐牢啊', first: /不会/, not: /会坐牢。/, guide: 'jail-and-crime' },
  { q: '信用卡欠了十几万还不上 会判刑吗', first: /恶意透支|有风险|非法占有/, guide: 'jail-and-crime' },
  { q: '我借的时候填的工作单位是假的 这算诈骗吗', first: /要看|不等于|不一定/, guide: 'jail-and-crime' },
  { q: '申请的时候月收入写多了 这是骗贷吗', first: /要看|不等于|不一定/, guide: 'jail-and-crime' },
  { q: '判决以后我实在没钱还 会不会被抓', first: /不会|没能力/, guide: 'jail-and-crime' },
  { q: '判了以后把工资转到我老婆卡上行不行', first: /不能|不行|可能构成/, guide: 'moving-assets' },
  // 不还了行不行
  { q: '那我能不能干脆一分钱都不还了 反正他们是高利贷', first: /不能/, not: /^能/ },
  { q: '他们暴力催收 我是不是就可以不还了', first: /不能|不可以/, not: /^能/ },
  { q: '放贷的没牌照 借的钱还用还吗', first: /本金|要还|仍/ },
  // 精神损失、赔偿
  { q: '我能起诉他们要精神损失费吗', first: /能|可以/, not: /^不能/ },
  { q: '被催收骂到抑郁 能要精神赔偿吗', first: /能|可以/, not: /^不能/ },
  // 时效
  { q: '网贷拖满三年是不是就不用还了', first: /不是|误解/, guide: 'limitation-period' },
  { q: '时效过了 法院会不会自动帮我驳回', first: /不会/, guide: 'limitation-period' },
  { q: '催收一直发短信 我的诉讼时效会重新算吗', first: /会/, guide: 'limitation-period' },
  // 家人、配偶、担保
  { q: '我爸妈要替我还网贷吗', first: /不用|一般不/, guide: 'who-must-pay' },
  { q: '老公偷偷借的网贷 我要还吗', first: /不一定|要看/, guide: 'spouse-debt' },
  { q: '婚前借的网贷 老婆要帮我还吗', first: /不用|一般不/, guide: 'spouse-debt' },
  { q: '老爸走了 留下网贷 我们要还吗', first: /遗产/, guide: 'who-must-pay' },
  { q: '我是紧急联系人 要替他还钱吗', first: /不用|不负|不是/ },
  { q: '给朋友做了担保 平台能直接找我吗', first: /要看|一般保证|连带/, guide: 'who-must-pay' },
  // 上门、威胁
  { q: '催收说明天上门 他们能来吗', first: /可以上门|能来|可以来/, guide: 'home-visit' },
  { q: '上门的催收能进我家吗', first: /不让进|不能进|未经.*同意|不能/, guide: 'home-visit' },
  { q: '催收说要去我家 能这样吗', first: /可以上门|能来|可以来/, guide: 'home-visit' },
  { q: '催收说明天要去我爸妈家 能这样吗', first: /可以上门|能来|可以来/, guide: 'home-visit' },
  { q: '他们要是真来了我爸妈要开门吗', first: /不让进|不开|可以不|不能进|未经.*同意/, guide: 'home-visit' },
  { q: '他们在我家门口喷漆写欠债还钱 这算啥', first: /违法|软暴力/ },
  { q: '催收说要弄死我全家', first: /违法|报警|110|不能/ },
  { q: '催收把我堵在屋里不让我出去', first: /违法|非法|报警|110/ },
  // 爆通讯录、单位
  { q: '催收把我通讯录全爆了 合法吗', first: /不能|违法|不合法/, guide: 'contacts-disclosure' },
  { q: '催收打电话到我单位找我领导', first: /不能|违法/, guide: 'off-hours-and-workplace' },
  { q: '我点了同意通讯录授权 他们就能发给我的联系人吗', first: /不能|不等于/ },
  // 骚扰电话
  { q: '催收一天打五十个电话 合法吗', first: /不能|违法|侵扰/, guide: 'harassment-calls' },
  { q: '催收晚上十一点还打电话 有规定几点不能打吗', first: /法律没有规定|22|没有规定/, guide: 'harassment-calls' },
  { q: '法律是不是规定一天只能打3次', first: /法律没有规定|不是法律|没有规定/, guide: 'harassment-calls' },
  // 冒充、传票
  { q: '有人打电话说是法院的 我已经被立案了', first: /核实|12368|冒充/ },
  { q: '微信上发来一张传票照片 是真的吗', first: /不算|核实|12368/ },
  { q: '催收说交钱就能撤案', first: /不要|不能|诈骗/ },
  // 起诉、支付令
  { q: '法院传票来了 我不去会怎样', first: /缺席|不能不理|应诉/, guide: 'lawsuit-and-summons' },
  { q: '支付令只写没钱分期还 异议有用吗', first: /不能|不影响|没用/, guide: 'payment-order' },
  { q: '支付令打电话跟法院说不同意算数吗', first: /不算|书面|无效/, guide: 'payment-order' },
  // 冻卡、扣款
  { q: '催收说今天冻结我的支付宝 他们能冻吗', first: /不能|无权/, guide: 'bank-freeze' },
  { q: '法院冻卡以后还给我留生活费吗', first: /生活|留/, guide: 'bank-freeze' },
  { q: '银行直接从我卡里扣钱还信用卡 合法吗', first: /要看/, guide: 'bank-deduction' },
  // 失信限高
  { q: '网贷逾期会被列为老赖吗', first: /不会|仅仅逾期/, guide: 'dishonest-list' },
  { q: '被限高了还能坐普通火车吗', first: /硬座|普通列车|可以/, guide: 'dishonest-list' },
  // 利率
  { q: '私人借钱利息最高能多少', first: /4倍|四倍|LPR/, guide: 'interest-rates' },
  { q: '网上说利息超过14.8%就不用还了 对吗', first: /不对|不是|过时/, guide: 'interest-rates' },
  { q: '借一万到手七千 剩下的说是服务费 这算砍头息吗', first: /砍头息|实际|到手/, guide: 'upfront-interest' },
  // 债权转让、平台倒闭
  { q: '我的债被卖给资产管理公司了还要还吗', first: /要还/, guide: 'debt-assignment' },
  { q: '借钱的平台倒闭了 欠的钱还要还吗', first: /要还/, guide: 'platform-closed' },
  // 录音证据
  { q: '偷偷录催收的电话 能当证据吗', first: /能|可以/, not: /^不能/, guide: 'evidence-and-recording' },
  // 投诉、法律援助、资质
  { q: '催收骚扰去哪里投诉', first: /投诉|110|12378/, guide: 'complaint-channels' },
  { q: '打12315投诉网贷催收有没有用', first: /12315|一般不受理|要看/ },
  { q: '网贷纠纷能申请免费律师吗', first: /不一定/, guide: 'legal-aid' },
  { q: '怎么查借钱的公司有没有放贷牌照', first: /能查|查/, guide: 'lender-licence' },
  // 担保公司
  { q: '担保公司说替我还了钱 现在找我要 合法吗', first: /能|可以/, guide: 'guarantee-company' },
  // 躲、转私人账户、卡被限制、警察不管、删帖
  { q: '换个手机号搬到外地 让他们找不到我行不行', first: /不行|不建议|躲不|挡不住/, not: /^能/, guide: 'lawsuit-and-summons' },
  { q: '能免罚息 那转到他给的个人账户行不行', first: /不要|不行|别/, guide: 'official-repayment' },
  { q: '银行卡突然不能转账了 是不是网贷公司弄的', first: /银行|做不到|不能|不是/, guide: 'bank-freeze' },
  { q: '派出所说欠钱是民事纠纷不管 我还能怎么办', first: /治安|回执|民事纠纷/, guide: 'complaint-channels' },
  { q: '业主群的群主能先帮我把那条挂我的消息删掉吗', first: /可以|能/, not: /^不/ },
  { q: '征信不良记录的五年从哪天开始算', first: /5年|五年|终止|还清/, not: /从(第一次)?逾期(之日|那天)/ },
  { q: '银行说我信用卡恶意透支要报案 我会坐牢吗', first: /有风险|恶意透支|关键/, guide: 'jail-and-crime' },
  { q: '老公婚内偷偷借的网贷 离了婚我要一起还吗', first: /不一定|要看/, guide: 'spouse-debt' },
  // 仲裁、赋强公证
  { q: '借网贷时签了仲裁条款 现在裁决书下来了 还能撤销吗', first: /能|三个月|撤销/, not: /六个月/, guide: 'arbitration-and-notarization' },
  { q: '我根本没去过公证处 怎么就被强制执行了', first: /可以|不予执行|能/, guide: 'arbitration-and-notarization' },
  { q: '仲裁输了 法院执行局现在来执行我 我还有什么办法', first: /不予执行|十五日/, guide: 'arbitration-and-notarization' },
  { q: '签借款合同那天就签了和解协议 没有纠纷就有了仲裁裁决 能执行吗', first: /不能|不予受理|程序违法/, guide: 'arbitration-and-notarization' },
  { q: '催收说转到他私人微信上 可以给我打五折', first: /不要|官方/, guide: 'official-repayment' },
  { q: '平台说我是我弟借款的保证人 可我根本没在任何合同上签过字', first: /不是保证人|没签/, guide: 'who-must-pay' },
  // 治安追究时效
  { q: '前年被催收恐吓过 那时候没去报案 现在去派出所还来得及吗', first: /六个月|6个月/, guide: 'complaint-channels' },
  // 报警以后、怎么跟身边的人解释、回复催收、征信与以后贷款（a new user's questions, 2026-12-06）
  { q: '警察来了 把人带走了 接下来我该干嘛', first: /笔录|回执/, guide: 'complaint-channels' },
  { q: '那我跟班主任咋解释啊 丢死人了', first: /说清|违规/, guide: 'contacts-disclosure' },
  { q: '能帮我写一段回复催收的话吗', first: /这样写/, guide: 'stop-request' },
  { q: '征信黑了还能贷款买房吗', first: /要看银行/, guide: 'credit-report' },
  { q: '那他们违法我去告他们 赔的钱能不能直接抵掉我的欠款', first: /不能|两回事/, guide: 'refuse-to-pay' },
  { q: '保证期间是多久', first: /6个月|六个月|约定/, guide: 'who-must-pay' },
  { q: '我给朋友做了担保 那我替他还了能找他要回来吗', first: /^能/, guide: 'who-must-pay' },
  // 判决后的强制执行
  { q: '法院判决都生效了 可我一分钱都拿不出来 后面会怎样', first: /强制执行|执行通知/, guide: 'enforcement' },
  { q: '法官让我填财产报告 不填行不行', first: /如实|报告/, not: /^可以不/, guide: 'enforcement' },
  { q: '判完一年多了债主都没申请执行 是不是过期了', first: /二年|两年/, guide: 'enforcement' },
  // 起诉通知、律师函：先核实，真的合法
  { q: '收到律师事务所寄的律师函 律师能这么催我吗', first: /不违法|合法/, not: /^违法/, guide: 'notices-and-letters' },
  { q: '怎么查这个律所和律师是不是真的', first: /12348|司法局|能查/, guide: 'notices-and-letters' },
  { q: '假冒律所发的律师函 算伪造国家机关公文吗', first: /不是|第62条第三款|其他组织/, not: /^是/, guide: 'notices-and-letters' },
  // 套路贷、赌债、转移财产
  { q: '借条写三万 实际只打给我两万 这是不是套路贷', first: /要看|套路/, guide: 'taolu-loan' },
  { q: '他明知道我借钱是去赌 还借给我 这钱还用还吗', first: /本金|无效/, not: /一分(钱)?(都|也)?不用还/, guide: 'gambling-debts' },
  { q: '把房子过户给我爸 法院就执行不了了吧', first: /不行|撤销|不能/, guide: 'moving-assets' },
  // 个性化分期、个人破产、持牌机构利率、费用、违约金
  { q: '信用卡个性化分期最长能分几年', first: /5年|五年/, guide: 'negotiate-instalments' },
  { q: '欠了几十万网贷 我能申请个人破产吗', first: /要看|深圳/, not: /^能/, guide: 'personal-bankruptcy' },
  { q: '消费金融公司的年化超过24% 我能要求调低吗', first: /24%|调减|要看/, guide: 'interest-rates' },
  { q: '银行放款的时候先把利息扣了 本金也按到手的算吗', first: /实际到手|到手|也按/, guide: 'upfront-interest' },
  { q: '合同写逾期违约金每天千分之五 能要求减少吗', first: /可以|减少/, guide: 'contract-terms' },
  // Question types added for issue 11's lawyer's points: the first sentence carries the deciding condition
  { q: '上了征信是不是就等于有案底了 以后政审咋办', first: /不等于|不是/, not: /^是/ },
  { q: '爆我通讯录的催收能被判刑吗', first: /不一定|要看/, not: /^能/, guide: 'contacts-disclosure' },
  { q: '就私信骂了我一句老赖 能让他被拘留吗', first: /一般难以|不一定|难以/, not: /^能/, guide: 'insults' },
  { q: '我把钱先转我妈卡上 这样法院就划不走了吧', first: /转移财产|不行|不建议/, guide: 'moving-assets' },
  { q: '没打过官司 怎么会收到法院的执行通知', first: /可能是真的|仲裁|公证|支付令/ },
  { q: '老公赌钱欠的网贷 我也要跟着还吗', first: /不用|不属于/, not: /^要还/, guide: 'spouse-debt' },
  { q: '打算申请个人破产 提前把车转到我爸名下行吗', first: /不行|不要/, guide: 'personal-bankruptcy' },
  { q: '对支付令提了异议以后就不用管了吧', first: /不是|要准备|应诉/, guide: 'payment-order' },
  { q: '执行法官说不还钱就拘留 真能拘留我吗', first: /能，但|有条件|拒不履行/, guide: 'enforcement' },
  { q: '被限高和上失信名单有啥区别', first: /不是一回事|不一样|不同/, guide: 'dishonest-list' },
  { q: '我爸接电话时随口说了句会转告 他要替我还吗', first: /要看|不用|不会/, guide: 'who-must-pay' },
  { q: '合同写了罚息就只能照付吗 能不能少点', first: /能|可以/, not: /^不能/ },
  { q: '律师函能直接冻我银行卡吗', first: /冻不了|只有法院|不能/, guide: 'notices-and-letters' },
  { q: '听说利息超过36%就可以不还 是真的吗', first: /不对|不是/, not: /^是/, guide: 'interest-rates' },
  { q: '平台说再不还就告我诈骗 我要不要跑', first: /不是真的|恐吓|民事/, not: /^会/, guide: 'jail-and-crime' },
  { q: '早过时效了 催收让我签承诺书说能减一半 签不签', first: /谨慎|后果/, guide: 'limitation-period' },
  { q: '给人作保签了字 过了大半年债主才来找 我还用担吗', first: /看合同|保证期间|6个月|六个月/, guide: 'who-must-pay' },
  { q: '判决后把钱都取成现金藏起来 法院是不是就没办法了', first: /隐藏|拒执|拒不执行|风险/, not: /^是/, guide: 'enforcement' },
  // Issue 11, fresh-questions-13's misses by class, in new wordings: one question type each.
  { q: '网络仲裁开庭和到仲裁委当面开庭 结果一样算数吗', first: /一样有效/, guide: 'arbitration-and-notarization' },
  { q: '合同里找不到仲裁条款 他们的仲裁有效吗', first: /不一定|要看合同/, not: /^不能不理/, guide: 'arbitration-and-notarization' },
  { q: '外访的让我弟弟写个保证替我还钱的字条 写了有啥后果', first: /不要签|债务加入/, not: /^一般不用还/, guide: 'who-must-pay' },
  { q: '被催收骚扰了好几个月 报警的半年是从哪天开始算', first: /最后一次|终了/, guide: 'complaint-channels' },
  { q: '上个月被催收骚扰的 报警有没有时限', first: /六个月|6个月|半年/, guide: 'complaint-channels' },
  { q: '催收天天滋扰 找派出所有没有时限的 多久之内报才管', first: /六个月|6个月|半年/, guide: 'complaint-channels' },
  { q: '在网上找的债务协商代理 收了两千块后就把我拉黑了', first: /诈骗|报警/, guide: 'official-repayment' },
  { q: '成了失信被执行人 孩子还能去私立学校读书吗', first: /私立学校/, guide: 'dishonest-list' },
  { q: '法院已经立案了 还能和网贷公司调解吗', first: /^能/, guide: 'lawsuit-and-summons' },
  { q: '微信上催收甩来一张法院拍卖通知 可我从来没收到过判决', first: /伪造/, guide: 'impersonation-fake-documents' },
  { q: '开庭那天我去了会不会被当场抓起来', first: /不会被抓|应诉不会/, guide: 'lawsuit-and-summons' },
  // Issue 11, fresh-questions-14's misses by kind, in new wordings: one question type each.
  { q: '他们在我家门口拍视频 说要发到网上让邻居都看看 能起诉吗', first: /违法|隐私/, guide: 'home-visit' },
  { q: '催收说月底前不还就找人收拾我 打断我的腿 是吓唬人的吧 我要不要先还点', first: /违法|不能/, guide: 'threats-and-violence' },
  { q: '收到短信说我被列为公安协查对象 让我赶紧回电 这是不是催收冒充的', first: /冒充/, guide: 'impersonation-fake-documents' },
  { q: '信用报告里多了一笔我从没借过的贷款 咋申请删掉', first: /异议|更正/, guide: 'credit-report' },
  { q: '听说网贷逾期一次一辈子都贷不了款 真的吗', first: /不会一辈子/, not: /^会/, guide: 'credit-report' },
  { q: '催收说逾期了就永远上黑名单 以后再也借不到钱', first: /不会永久/, guide: 'dishonest-list' },
  { q: '找亲戚借钱写了月息2分 法院认不认', first: /4倍|四倍/, guide: 'interest-rates' },
  { q: '朋友借钱给我去du 现在输光了还要给他利息吗', first: /^合同无效/, not: /^要还/, guide: 'gambling-debts' },
  { q: '我把电话和住址都换了 法院的传票送不到 他们是不是就起诉不了', first: /能告|阻止不了/, guide: 'lawsuit-and-summons' },
  { q: '听说每天只能打3个催收电话 他们一天打了十几个 能告他们吗', first: /没有规定|国标/, guide: 'harassment-calls' },
  { q: '催收打电话说我是人渣垃圾 这种能找警察吗', first: /能|报警/, not: /^先核实/, guide: 'insults' },
  { q: '下了个高炮口子 2000只到账1400 七天后要还2600 我必须全还吗', first: /无效|不受支持/, guide: 'upfront-interest' },
  { q: '给债务优化公司交了3000服务费 平台照样天天催我 钱能要回来吗', first: /可以要求退/, guide: 'official-repayment' },
  { q: '欠了好几年了 平台每个月都发短信 那时效是不是早就过了', first: /不一定/, guide: 'limitation-period' },
  // Issues 10/11, dev20's single questions answered from the wrong entry, in new wordings.
  { q: '那征信咋样啊 一辈子吗', first: /不会一辈子|5年|五年/, guide: 'credit-report' },
  { q: '过个两三年 征信上的逾期会自己没了吗', first: /5年|五年/, guide: 'credit-report' },
  { q: '仲裁到底是个啥 和上法院有啥区别', first: /仲裁/, guide: 'arbitration-and-notarization' },
  { q: '法院寄来一张支付令 这是啥意思', first: /还款命令|15日/, guide: 'payment-order' },
  { q: '支付令的异议 打电话说一声行不行', first: /口头异议无效/, guide: 'payment-order' },
  { q: '网贷公司把我告了 开庭那天我不去会有啥后果', first: /缺席判决.*(强制执行|失信|限制高消费)/, guide: 'lawsuit-and-summons' },
];

/** Questions outside the knowledge: the reply is one sentence routing to the right place. */
export const OUT_OF_SCOPE: Array<{ q: string; route: RegExp }> = [
  { q: '老板拖欠我两个月工资不发 怎么办', route: /12333/ },
  { q: '被公司无故辞退 经济补偿怎么算', route: /12333/ },
  { q: '网上买的手机坏了 商家不给退', route: /12315/ },
  { q: '离婚的时候孩子抚养权怎么争', route: /12348/ },
  { q: '出了车祸对方保险不赔怎么办', route: /12348/ },
  { q: '单位三个月没发工资了 工资怎么讨回来', route: /12333/ },
  { q: '要离婚了 房产证只写了老公名字 我能分到多少', route: /12348|律师/ },
  { q: '骑车被电动车撞了 对方拖着不赔钱', route: /122|交警/ },
  { q: '今天天气怎么样', route: /12348/ },
  { q: '办旅游签证的时候 信用卡逾期会不会被拒签', route: /12348/ },
  { q: '个税app上说我有笔收入要补税 可我没拿过这钱 咋处理', route: /12348/ },
  { q: '想给家里的猫办个宠物证 找哪里', route: /12348/ },
];
