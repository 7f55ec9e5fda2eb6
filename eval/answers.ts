/**
 * `npm run eval:answers`: grades retrieval and the offline answers on eval/answers/questions.yaml (or --file NAME).
 * Prints recall@3 (share of each question's expected articles found among the top-3 retrieved items, counting a
 * guide's cited provisions), citation precision (share of cited articles that exist in knowledge/, are in force
 * today and were retrieved), key-point coverage, out-of-scope handling and offline answer latency.
 *
 * The answer text graded is what `debtshield ask --jsonl` prints: the first screen followed by the 'more' page
 * (the CLI has no buttons). Key-point coverage is reported two ways: per point over in-scope questions (pooled),
 * and, as README.md defines it, the share of each question's points averaged over all questions (out-of-scope ones
 * included: their points check that the answer says so and points to 12348 or a lawyer).
 *
 * First-screen figures: the length of what the chat shows before any button (median, p90, max and how many exceed
 * 350), and the share of in-scope answers built on a guide entry whose first sentence carries that entry's verdict.
 * Timing of the whole CLI (start-up included) is in `npm run bench:answers`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../src/paths';
import { loadKnowledge } from '../src/knowledge/load';
import { createLexicalRetriever, type RetrievedItem } from '../src/knowledge/retriever';
import { entryById, guideById, resolveArticle, versionInForce } from '../src/knowledge/knowledge';
import { createOfflineAnswerer, guideCites, withMore } from '../src/answers/answer';
import { loadReplies } from '../src/replies';
import { renderText } from '../src/channels/local/render-text';
import { opensWithVerdict, percentile } from './first-screen-stats';

interface Question {
  id: string;
  question: string;
  topic: string;
  expect_articles: Array<{ law: string; article: string }>;
  key_points: string[][];
  out_of_scope?: boolean;
}

const key = (law: string, article: string) => `${law}#${article}`;

function articlesOf(items: RetrievedItem[]): Set<string> {
  const out = new Set<string>();
  for (const it of items) {
    if (it.kind === 'article') out.add(key(it.article.law, it.article.article));
    else for (const c of guideCites(it.guide)) out.add(key(c.law, c.article));
  }
  return out;
}

/** The first screen may not exceed this many characters (issue 10). */
const FIRST_SCREEN_MAX = 350;

function main(): void {
  const verbose = process.argv.includes('--verbose');
  // --file NAME grades another set in eval/answers/ (e.g. fresh-questions.yaml, written blind to the guides).
  const fileArg = process.argv.indexOf('--file');
  const file = join(PACKAGE_ROOT, 'eval', 'answers', fileArg > 0 ? process.argv[fileArg + 1]! : 'questions.yaml');
  const questions = parseYaml(readFileSync(file, 'utf8')) as Question[];
  const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
  const retriever = createLexicalRetriever(k);
  const answerer = createOfflineAnswerer({ knowledge: k, retriever, replies: loadReplies(join(PACKAGE_ROOT, 'prompts')) });
  const today = new Date();

  let recallSum = 0, hit = 0, inScope = 0;
  let cited = 0, citedOk = 0;
  let points = 0, pointsHit = 0;
  let oosRight = 0, oosTotal = 0, falseOos = 0;
  let perQuestionSum = 0;
  let withEntry = 0, opens = 0;
  const times: number[] = [];
  const screens: number[] = [];
  for (const q of questions) answerer.answerNow(q.question, { at: today }); // warm-up
  for (const q of questions) {
    const t0 = process.hrtime.bigint();
    const ans = answerer.answerNow(q.question, { at: today });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const screen = renderText(ans.reply, { buttons: false });
    screens.push(screen.length);
    const text = renderText(withMore(ans), { buttons: false });
    const covered = q.key_points.filter((alts) => alts.some((a) => text.includes(String(a)))).length;
    perQuestionSum += q.key_points.length ? covered / q.key_points.length : 1;
    if (q.out_of_scope) {
      oosTotal++;
      if (ans.outOfScope) oosRight++;
      else if (verbose) console.log(`OOS-MISS ${q.id} ${q.question} → ${ans.guideId}`);
      continue;
    }
    inScope++;
    if (ans.outOfScope) falseOos++;
    const guide = ans.guideId ? guideById(k, ans.guideId) : undefined;
    const entry = guide ? entryById(guide, ans.entryId) : undefined;
    if (entry) {
      withEntry++;
      if (opensWithVerdict(screen, entry.verdict)) opens++;
    }
    const top3 = articlesOf(retriever.retrieve(q.question, 3));
    const found = q.expect_articles.filter((a) => top3.has(key(a.law, a.article))).length;
    const frac = q.expect_articles.length ? found / q.expect_articles.length : 1;
    recallSum += frac;
    if (found > 0) hit++;
    const retrievedAll = articlesOf(ans.retrieved);
    for (const c of ans.reply.citations) {
      cited++;
      const exists = resolveArticle(k, c.law, c.article, today)?.article.article === c.article;
      const inForce = versionInForce(k, c.law, today)?.articles.has(c.article) ?? false;
      if (exists && inForce && retrievedAll.has(key(c.law, c.article))) citedOk++;
    }
    let qp = 0;
    for (const alts of q.key_points) {
      points++;
      if (alts.some((a) => text.includes(String(a)))) { pointsHit++; qp++; }
    }
    if (verbose && (frac < 1 || qp < q.key_points.length)) {
      const missed = q.key_points.filter((alts) => !alts.some((a) => text.includes(String(a)))).map((alts) => alts[0]).join('/');
      console.log(`${q.id} recall=${frac.toFixed(2)} points=${qp}/${q.key_points.length} guide=${ans.guideId}/${ans.entryId} missed=${missed} ${q.question}`);
    }
  }
  const fmt = (x: number) => x.toFixed(3);
  const over = screens.filter((n) => n > FIRST_SCREEN_MAX).length;
  console.log(`questions: ${questions.length} (${inScope} in scope, ${oosTotal} out of scope)`);
  console.log(`retrieval recall@3: ${fmt(recallSum / inScope)}   hit@3: ${fmt(hit / inScope)}`);
  console.log(`citation precision: ${fmt(cited ? citedOk / cited : 1)} (${citedOk}/${cited})`);
  console.log(`key-point coverage: ${fmt(pointsHit / points)} (${pointsHit}/${points} in-scope points)   per question, all questions: ${fmt(perQuestionSum / questions.length)}`);
  console.log(`out of scope recognised: ${oosRight}/${oosTotal}; in-scope wrongly refused: ${falseOos}/${inScope}`);
  console.log(`first screen chars: median ${percentile(screens, 50)}  p90 ${percentile(screens, 90)}  max ${Math.max(...screens)}  over ${FIRST_SCREEN_MAX}: ${over}/${screens.length}`);
  console.log(`first sentence carries the entry verdict: ${fmt(withEntry ? opens / withEntry : 0)} (${opens}/${withEntry} in-scope answers with an entry; ${inScope - withEntry} fell back to the guide's general verdict)`);
  console.log(`offline answer latency ms: p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}`);
}

main();
