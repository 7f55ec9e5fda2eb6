/** Collector messages written for the follow-up tests, in the style of real ones (not taken from any labelled set). */
export const MESSAGES = {
  fakeCourt: '【XX区人民法院】你的借款纠纷案已立案，案号（2026）民初123号，传票已发出，请于24小时内将欠款转入以下账户，否则强制执行。',
  lawsuit: '您好，您在我司的借款已逾期90天，如7日内仍未处理，我司将依法向人民法院提起诉讼。',
  realLawFirm: '【某某律师事务所】律师函：受某某银行委托，就您名下信用卡逾期欠款一事，请您在收到本函后十日内与银行联系协商还款，否则银行将依法向人民法院提起诉讼。',
  fakeLawFirm: '我是XX律师事务所的王律师，受平台委托，你的行为已构成恶意欠款，我们将报警处理，追究刑事责任。',
  threat: '再不还钱，明天就去你家泼油漆，你全家都别想安宁。',
  insultPrivate: '你个老赖，欠钱不还的垃圾。',
  insultPublic: '大家看看，这个老赖欠钱不还，就是个骗子。',
  parents: '我们已经给你爸妈打了电话，告诉他们你欠钱不还，让他们替你还。',
  consequences: '不还钱就等着坐牢吧，你孩子以后考公政审都过不了，你所有银行卡都会被冻结，一辈子贷不了款。',
  groupExposure: '你再不还，我们就把你欠钱的事发到你们村的微信群，让大家都知道。',
  reminder: '您好，请于今日18点前还款，逾期会产生罚息并上报征信。',
} as const;

/** "Now" for the follow-up tests. */
export const NOW = new Date('2026-06-10T12:00:00+08:00');
/** A send time a few days before NOW. */
export const RECENT = '2026-06-01T10:00:00+08:00';
