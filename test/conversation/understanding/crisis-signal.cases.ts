/**
 * Crisis hearing: the reader's mechanisms on a small cue set of the test's own (weak words in pairs, acute
 * pairs, defused and everyday places), then the shipped cues on wordings written for this file (none of them is
 * in eval/understanding/): families of despair in dialect, typos, pinyin and English; means, places and times;
 * and the ordinary debt talk that must stay none.
 */
import { realUnderstanding } from './setup';
import { createCrisisReader } from '../../../src/conversation/understanding/crisis-signal';
import { createCueCompiler } from '../../../src/conversation/understanding/cues';
import { createTurnTextReader } from '../../../src/conversation/understanding/turn-text';
import type { CrisisCues } from '../../../src/knowledge/understanding-data';
import type { DialogueContext } from '../../../src/conversation/understanding/types';

describe('the crisis reader', () => {
  const { data } = realUnderstanding();
  const lexicon = { ...data.lexicon, terms: { ...data.lexicon.terms, SPOT: ['塔顶'] } };
  const compiler = createCueCompiler(lexicon);
  const readText = createTurnTextReader(lexicon);
  const cues: CrisisCues = {
    acute_place: ['我 ~2 在 @SPOT'],
    everyday: ['野餐'],
    head_unless: [],
    acute_alone: ['绳结'],
    acute_upgrade: ['午夜'],
    risk_in_crisis: ['无望'],
    safe: ['平安了'],
    safe_in_crisis: ['还行'],
    not_safe: [],
    assured: { promise: [], fine: [], step: [], calm: [], reassure: [], with: [], home: [], said: [] },
    assured_unless: [],
    left_place: ['离开 @SPOT'],
    defused: ['@SPOT 的餐厅'],
    defused_across: ['绳结 ~6 打包'],
    weak: ['甲乙', '丙丁'],
    acute_pairs: [{ first: ['@SPOT'], then: ['风大'] }],
    respell: {},
    head_concepts: {},
    signs: {},
    together: [],
    others_at_risk: [],
    others_unless: [],
    others_found: [],
    others_help: [],
    others_help_at_risk: [],
    others_help_unless: [],
    harm_others: [],
    harm_others_armed: [],
    harm_others_unless: [],
    harm_others_with_self: [],
    acute_done: [],
    acute_in_crisis: ['秋千 ~2 上'],
    moods: [{ mood: 'swinging', cues: ['荡秋千'], unless: [] }],
  };
  const reader = createCrisisReader(cues, compiler, (raw) => raw.includes('想死'));
  const signal = (raw: string, context: DialogueContext = 'none') => {
    const tt = readText(raw);
    return reader({ raw, t: tt.t }, context);
  };

  it('hears a place or act of acute_in_crisis as acute only right after care, and never over words of safety', () => {
    expect(signal('我在秋千上', 'crisis')).toBe('acute');
    expect(signal('我在秋千上')).toBe('none');
    expect(signal('我在秋千上', 'asked')).not.toBe('acute');
    expect(signal('我在秋千上 平安了', 'crisis')).toBe('safe');
    expect(signal('秋千上 野餐', 'crisis')).not.toBe('acute');
  });

  it('hears two different weak words as risk, one only right after care', () => {
    expect(signal('甲乙 丙丁')).toBe('risk');
    expect(signal('甲乙 甲乙')).toBe('none');
    expect(signal('甲乙')).toBe('none');
    expect(signal('甲乙', 'crisis')).toBe('risk');
  });

  it('hears a place as acute unless it is left, defused or named for an everyday reason with no risk', () => {
    expect(signal('我在塔顶')).toBe('acute');
    expect(signal('我离开塔顶了')).toBe('none');
    expect(signal('我在塔顶 野餐')).toBe('none');
    expect(signal('我在塔顶 野餐 想死')).toBe('acute');
    expect(signal('塔顶的餐厅 风大')).toBe('none');
  });

  it('blanks a defused_across pattern whose reason stands a clause later, never one in the same clause only', () => {
    expect(signal('绳结')).toBe('acute');
    expect(signal('绳结 明天打包用')).toBe('none');
    expect(signal('绳结 明天出门')).toBe('acute');
  });

  it('hears the two halves of an acute pair apart in one turn, and a time only with risk', () => {
    expect(signal('塔顶上 今天风大')).toBe('acute');
    expect(signal('风大')).toBe('none');
    expect(signal('午夜')).toBe('none');
    expect(signal('想死 午夜')).toBe('acute');
  });
});

describe('crisis with the shipped cues', () => {
  const { pipeline } = realUnderstanding();
  const at = new Date('2026-03-10T10:00:00+08:00');
  const crisis = (text: string, context: DialogueContext = 'none') => pipeline.understand(text, context, at).crisis;

  it.each([
    '活腻了',
    '我控制不住想伤害自己',
    '我真係頂唔順 想死',
    '想把自己弄死',
    '我还是死了吧',
    '感觉活着没什么盼头',
    '我已经没有活下去的勇气了',
    '来生再报答你们',
    '想和这个世界说再见',
    '我不活了',
    '我勿想活了',
    'buxianghuole',
    '想die',
    'i dont want to be here anymore',
    'i want to hurt myself',
    '我想跳落去',
    '想帶埋仔女一齊死',
    '想去天上当星星了',
    '保险受益人改成我儿子了 以后他用得上',
    '人间不值得 我想走了',
    '我这样的人活着就是浪费空气',
    '我想不通为什么还要活着',
    '明天的太阳我不想看到了',
    '我真的已经尽力了 对不起 我先走了',
    'sometimes i just want to end it all',
    "i'm thinking of killing myself",
    '以后再也不会麻烦你们了',
    '替我照顾好我爸妈',
    '生无可恋 好绝望',
  ])('hears risk in %s', (text) => {
    expect(['risk', 'acute']).toContain(crisis(text));
  });

  it.each([
    '我把自己关在屋里 门窗都封好了',
    '手上全是血',
    '我在18楼的窗户边',
    '我在水库边',
    '楼顶好冷',
    '等天亮我就走了',
    '我食咗好多粒安眠藥',
    'i swallowed a bottle of pills',
    "I'm at the river now",
    '已经喝了酒 还吃了药 想睡过去',
    '我把门锁了 炭在盆里烧着',
    '车开到了悬崖边',
    '我在江堤上坐着 准备下去了',
  ])('hears acute danger in %s', (text) => {
    expect(crisis(text)).toBe('acute');
  });

  it.each([
    '死都不会还他们高利贷',
    '上天台晒被子',
    '我家住在江边',
    '我在海边度假 催收又打电话',
    '吃了三片感冒药 还是发烧',
    '我已经吃了药 头疼好点了',
    '孩子发烧 药买好了 催收又打电话',
    '我的钱再也不回来了',
    '累了 就这样吧',
    '气得想撞墙',
    '我在桥上 堵车了 催收打电话来',
    '我准备去楼顶的餐厅吃饭',
    '我朋友说他想死 我该怎么办',
    '你欠的钱都还不上 不如去死吧',
    '生活不下去了 房租都交不起',
    '催收说 “不还钱就跳楼去吧”',
    '我刚挂了电话 他骂我是废物 还说我活着浪费粮食',
    '一了百了的办法 就是全部还清吧',
    '我想消失在他们的视线里 换个号码行吗',
    '对不起 我今天没时间',
    '累到生无可恋',
    '医生给我开了安眠药 能跟抗抑郁药一起吃吗',
  ])('hears no crisis in %s', (text) => {
    expect(crisis(text)).toBe('none');
  });

  it('keeps care going when help is only on its way, and renews it when the person pushes help away', () => {
    expect(crisis('我给我哥打了电话 他说马上过来 还有20分钟', 'crisis')).not.toBe('safe');
    expect(crisis('你别管我了', 'crisis')).toBe('risk');
    expect(crisis('你别管我了')).toBe('none');
  });

  it('hears means handed over or put away after care as safe, and means at hand after "are you safe" as acute', () => {
    expect(crisis('药给我老公保管了', 'crisis')).toBe('safe');
    expect(crisis('不太好 药就在旁边', 'asked')).toBe('acute');
  });
});

describe('what a person in crisis mode is doing (moods) and acute words said right after care', () => {
  const { pipeline } = realUnderstanding();
  const at = new Date('2026-06-01T10:00:00+08:00');
  const read = (text: string, context: DialogueContext = 'crisis') => pipeline.understand(text, context, at);

  it.each([
    ['我已经在搜哪种死法最快了', 'acute'],
    ['昨晚查了一晚上怎么死才不疼', 'acute'],
    ['百度了一下安眠药吃几片会死', 'acute'],
    ['降压药要吃多少粒才会醒不过来', 'acute'],
    ['六楼跳下去能死得了吗', 'acute'],
  ])('hears researching a way to die ("%s") as a plan: %s', (text, level) => {
    expect(read(text, 'none').crisis).toBe(level);
  });

  it.each(['网上查一下逾期怎么处理', '笑死 这利息怎么算的', '我查了下征信 怎么死活登不上去', '医生开的安眠药一次吃几片合适'])(
    'hears no plan in everyday searching: %s',
    (text) => {
      expect(['none', 'safe']).toContain(read(text, 'none').crisis);
    },
  );

  it.each(['我就在窗边站着', '我这会儿正坐在桥边', '再割一下就好了 没事的', '刀片已经拿出来了'])('hears a place or an act now right after care as acute: %s', (text) => {
    expect(read(text).crisis).toBe('acute');
  });

  it.each(['我在阳台晒被子', '我在客厅坐着呢', '回房间了'])('hears an everyday place after care as no emergency: %s', (text) => {
    expect(read(text).crisis).not.toBe('acute');
  });

  it.each([
    ['我弟说他现在就往这边来', 'help_coming'],
    ['行 我这就给我哥打个电话', 'reaching_out'],
    ['我从窗边回到房间了', 'back_inside'],
    ['你们都别管我了', 'push_away'],
    ['三点了还是睡不着', 'sleepless'],
    ['身边没人能说说话', 'alone'],
    ['心好累', 'tired'],
    ['我还在公司', 'where'],
    ['天都快亮了', 'late'],
    ['嗯嗯', 'silent'],
    ['说说而已 别当真', 'shrug'],
    ['跟你聊完好受一点', 'better'],
  ])('reads "%s" after care as %s', (text, mood) => {
    expect(read(text).mood).toBe(mood);
  });

  it('reads no mood outside care', () => {
    expect(read('三点了还是睡不着', 'none').mood).toBeUndefined();
  });
});
