/**
 * Whether words ask something: a question mark, a sentence-final particle (吗 么 嘛 呢 — "怎么死" is not a
 * question, "能报警吗" is), an A-not-A form ("是不是", "能不能", "合不合法", "犯唔犯法"), a plea for help ("怎么办"), "吃什么药好", or
 * who to turn to ("找谁", "打给谁"), Cantonese forms ("係咪", "可唔可以", "點算", "咩"), or a question ending in 不 ("这么整犯法不", "能报警不", "会坐牢不", "…你懂不", "还要还不", "还得还不", "这算过分不").
 */

const QUESTION =
  /[?？]|(?:吗|么|嘛|呢)(?=$|[¦,，。.!！~～…\s])|是不是|係咪|系咪|係唔係|系唔系|會唔會|会唔会|可唔可以|得唔得|有冇|點算|点算|会不会|能不能|可不可以|有没有|要不要|算不算|该不该|合不合法|违不违法|对不对|行不行|怎么办|咋办|怎么处理|该怎么|如何|怎么样|会怎样|什么后果|啥后果|(?:什么|啥)\S{0,3}好(?=$|[¦,，。.!！~～…\s])|找谁|打给谁|是谁|(?:犯法|违法|合法|行|能|可以|是|对|要|会|有用|管用|算|懂|知道|晓得|了解|明白|清楚|管)不(?=$|[¦,，。.!！?？~～…\s])|(?:能|可以|会|用|该|要|得|算)[^\s,，。.!！?？不]{1,4}不(?=$|[¦,，。.!！?？~～…\s])/;

const WONDER = /點解|点解|點樣|点样|邊個|边个|幾時|几时|咩|乜嘢|乜野|多久|多少|怎么|怎样|为什么|为啥|哪里|哪儿|哪个|几年|几天|什么|啥|谁|咋|几个|几次|\b(?:do i|does|can i|should i|how|what|why|where|when)\b/i;

/**
 * Any A-not-A form, beyond the common ones QUESTION lists: "犯不犯法", "告不告得赢", Cantonese "犯唔犯法", "讲唔讲道理" —
 * one character, 不 or 唔, the same character again.
 */
const A_NOT_A = /([^\P{Script=Han}不唔])[不唔]\1/u;

/** True when the (normalised) words ask something. */
export function isQuestion(t: string): boolean {
  return QUESTION.test(t) || A_NOT_A.test(t);
}

/** True when they ask or wonder, a question word included ("征信上了多久能消掉", "怎么算的"). */
export function asksOrWonders(t: string): boolean {
  return isQuestion(t) || WONDER.test(t);
}
