/**
 * "第50条第二款呢" / "刚才那条法律是什么意思" / "第二百九十三条之一是什么": finds the provision — among the focus's
 * citations first, then by number in the knowledge base as in force on the day of the conduct — and explains it:
 * what it says in plain words, the condition under which it applies (and the one it was cited under for this
 * message), a short quote (PARTIAL texts only as 据报道), and its version with its in-force date. A vague mention
 * with several citations explains the first and offers the others as buttons. An article we do not hold is said to
 * be unknown, with 12348: nothing is invented.
 */
import { emptyReply, type Button, type OutboundReply, type TextBlock } from '../message';
import { parseChineseNumber, toChineseNumber } from '../knowledge/chinese-numerals';
import { articleCn, toCitation } from '../knowledge/citations';
import { canonicalLawName, chinaDay, inForceOn, resolveArticle, type Article, type Knowledge, type ResolvedArticle } from '../knowledge/knowledge';
import { provisionName } from './cite-refs';
import type { FollowUpDeps } from './follow-up-deps';
import { focusDate, type FollowUpFocus } from './follow-up-focus';
import { fitted, para } from '../screen-fit';

/** A provision the user points at (the conversation's ProvisionMention has this shape). */
export interface ProvisionRequest {
  /** Short law name or any alias (治安法, 个保法), when named. */
  law?: string;
  /** Arabic article number ("50", "293-1"), when given. */
  article?: string;
  /** "第二款", "第（一）项", "第一款第（五）项", when given. */
  part?: string;
  /** No number at all: "那条法律", "这个规定". */
  vague: boolean;
}

/** Buttons for other provisions carry this prefix: "prov:<law>:<article>". */
export const PROVISION_BUTTON_PREFIX = 'prov:';
/** Characters of the quoted text on the first screen. */
const QUOTE_CHARS = 80;
/** Other provisions offered as buttons at most. */
const OTHERS = 2;

interface Candidate {
  hit: ResolvedArticle;
  /** The article holds no text for the day of the conduct; this is the newer text. */
  notThen?: boolean;
}

/** The request a "prov:<law>:<article>" button stands for, or undefined for any other id. */
export function provisionFromButton(id: string): ProvisionRequest | undefined {
  if (!id.startsWith(PROVISION_BUTTON_PREFIX)) return undefined;
  const [law, article] = id.slice(PROVISION_BUTTON_PREFIX.length).split(':');
  return law && article ? { law, article, vague: false } : undefined;
}

/** Explains the provision the user points at, for the conduct in focus (or today without a focus). */
export function explainProvision(mention: ProvisionRequest, focus: FollowUpFocus | undefined, deps: FollowUpDeps, now: Date): OutboundReply {
  const { replies, knowledge: k } = deps;
  const at = focusDate(focus, now);
  const reply = emptyReply('answer');
  const lawName = mention.law ? canonicalLawName(k, mention.law) : undefined;
  // Named without 《》 next to the number: a provision we do not hold is not written as a citation.
  const askedName = () => [lawName ?? mention.law, `${mention.article ? articleCn(mention.article) : ''}${mention.part ?? ''}`].filter(Boolean).join('，');

  if (mention.law && !lawName) {
    reply.blocks = para(replies.text('fu_prov_not_found', { name: askedName() }));
    return reply;
  }
  const candidates = findCandidates(mention, lawName, focus, k, at, now);
  if (candidates.length === 0) {
    reply.blocks = para(replies.text(mention.article ? 'fu_prov_not_found' : 'fu_prov_none', { name: askedName() }));
    return reply;
  }

  const [main, ...others] = candidates;
  const a = main!.hit.article;
  const applied = mention.part || main!.notThen ? undefined : appliedItem(a, focus, deps, at);
  const asked = normalizePart(mention.part ?? partOf(applied) ?? '');
  const partText = asked ? textOfPart(a.text, asked) : undefined;
  const part = partText ? asked : undefined;
  const name = provisionName(a.law, a.article_cn, part);
  const note = noteFor(a, part, deps);

  const head = replies.text('fu_prov_head', { name, plain: note.plain });
  const noPart = asked && !partText && mention.part ? replies.text('fu_prov_no_part', { name: provisionName(a.law, a.article_cn), part: asked }) : '';
  const condition = note.condition ? replies.text('fu_prov_condition', { condition: note.condition }) : '';
  const appliedLine = applied && !partOf(applied) ? replies.text('fu_prov_applied', { item: applied.replace(/[。；]$/, '') }) : '';
  const quote =
    a.confidence === 'PARTIAL'
      ? replies.text('fu_prov_partial', { text: clip(a.text.trim().replace(/^主要内容为[^：:]{0,20}[：:]/, ''), QUOTE_CHARS) })
      : replies.text('fu_prov_quote', { quote: clip(partText ?? a.text.trim(), QUOTE_CHARS) });
  const version = versionLine(main!, mention, at, now, deps);
  // A text not in force on the day of the conduct: every variant says so (the version line may give way).
  const notThen = main!.notThen ? notThenLine(a, at, deps) : '';
  // The others cited just before are named with what they are about (隐私权, 保证合同), so the user can tell which to open.
  const otherNames = others.slice(0, OTHERS).map((c) => {
    const n = provisionName(c.hit.article.law, c.hit.article.article_cn);
    return !mention.article && c.hit.article.title ? replies.text('fu_prov_titled', { name: n, title: c.hit.article.title }) : n;
  });
  const othersLine = otherNames.length ? replies.text(mention.article ? 'fu_prov_alternatives' : 'fu_prov_others', { list: otherNames.join('、') }) : '';

  const variants: TextBlock[][] = [
    [...para(noPart), ...para(head), ...para(condition), ...para(appliedLine), ...para(quote), ...para(version), ...para(othersLine)],
    [...para(noPart), ...para(head), ...para(condition), ...para(appliedLine), ...para(version), ...para(othersLine)],
    [...para(noPart), ...para(head), ...para(condition), ...para(version)],
    [...para(head), ...para(condition), ...para(notThen)],
    [...para(head), ...para(notThen)],
  ];
  reply.blocks = fitted(variants);
  // Explained, but not cited: a provision is never cited for a day it did not apply.
  reply.citations = main!.notThen ? [] : [toCitation(a)];
  const buttons: Button[] = main!.notThen ? [] : [{ id: 'law', label: replies.text('answer_law_button') }];
  for (const c of others.slice(0, OTHERS)) {
    buttons.push({ id: `${PROVISION_BUTTON_PREFIX}${c.hit.article.law}:${c.hit.article.article}`, label: provisionName(c.hit.article.law, c.hit.article.article_cn) });
  }
  reply.buttons = buttons;
  return reply;
}

/** The provisions the mention may mean, best first: the focus's citations, then the knowledge base. */
function findCandidates(mention: ProvisionRequest, lawName: string | undefined, focus: FollowUpFocus | undefined, k: Knowledge, at: Date, now: Date): Candidate[] {
  const out: Candidate[] = [];
  const add = (c: Candidate | undefined) => {
    if (c && !out.some((o) => o.hit.article.id === c.hit.article.id)) out.push(c);
  };
  const cited = focus?.citations ?? [];
  if (!mention.article) {
    for (const c of cited) {
      if (lawName && c.law !== lawName) continue;
      const hit = resolveArticle(k, c.law, c.article, at);
      if (hit) add({ hit, notThen: !inForceOn(hit.article, at) });
    }
    return out;
  }
  const focusLaws = [...new Set(cited.map((c) => c.law))];
  const laws = lawName
    ? [lawName]
    : [...focusLaws, ...[...k.laws.keys()].filter((l) => !focusLaws.includes(l)).sort((a, b) => kindRank(k, a) - kindRank(k, b))];
  for (const law of laws) {
    const hit = resolveArticle(k, law, mention.article, at);
    // The text we hold may be newer than the day of the conduct (个人信息保护法 for 2020): explained, never applied.
    if (hit) add({ hit, notThen: !inForceOn(hit.article, at) });
    else if (lawName) {
      // Not in force on the day of the conduct (e.g. an article new in 2026): explain today's text and say so.
      const later = resolveArticle(k, law, mention.article, now);
      if (later && later.article.effectiveFrom > chinaDay(at)) add({ hit: later, notThen: true });
    }
  }
  // What the focus actually cited comes first ("第50条" for 2025 conduct is the old 第四十二条 it cited).
  const citedIds = new Set(cited.flatMap((c) => resolveArticle(k, c.law, c.article, at)?.article.id ?? []));
  return [...out.filter((c) => citedIds.has(c.hit.article.id)), ...out.filter((c) => !citedIds.has(c.hit.article.id))].slice(0, OTHERS + 1);
}

/** Laws before judicial interpretations, regulations and standards when the user names only a number. */
function kindRank(k: Knowledge, law: string): number {
  const kind = k.laws.get(law)?.[0]?.kind ?? '';
  return kind === 'law' ? 0 : kind === 'judicial_interpretation' ? 1 : 2;
}

/** The part or condition this article was cited under for the focus's categories (from the category data). */
function appliedItem(a: Article, focus: FollowUpFocus | undefined, deps: FollowUpDeps, at: Date): string | undefined {
  if (!focus) return undefined;
  for (const cat of focus.categories) {
    for (const p of deps.provisionsOf(cat)) {
      if (!p.item) continue;
      const hit = resolveArticle(deps.knowledge, p.law, p.article, at);
      if (hit?.article.id === a.id) return p.item;
    }
  }
  return undefined;
}

/** The leading part in an item ("第一款第（五）项：多次发送信息" → "第一款第（五）项"), if it starts with one. */
function partOf(item: string | undefined): string | undefined {
  const m = item ? /^(第[一二三四五六七八九十]+款)?(第（[一二三四五六七八九十]+）项)?/.exec(item) : null;
  return m && m[0] ? m[0] : undefined;
}

/** "第二款" / "第（五）项" / "第5项" / "（五）" → "第二款" / "第（五）项" … in the form the data uses. */
function normalizePart(part: string): string {
  const p = part.replace(/\s+/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
  const kuan = /第([一二三四五六七八九十0-9]+)款/.exec(p)?.[1];
  const xiang = /第?（?([一二三四五六七八九十0-9]+)）?项/.exec(p)?.[1] ?? /^（([一二三四五六七八九十0-9]+)）$/.exec(p)?.[1];
  const cn = (s: string) => toChineseNumber(parseChineseNumber(s));
  return `${kuan ? `第${cn(kuan)}款` : ''}${xiang ? `第（${cn(xiang)}）项` : ''}`;
}

/**
 * The text of one part of an article: a 款 is a paragraph that is not an item line; a 项 is "（N）…" up to the next
 * item, inside the 款 (the first when none is named). Undefined when the article has no such part.
 */
export function textOfPart(text: string, part: string): string | undefined {
  const kuan = /第([一二三四五六七八九十]+)款/.exec(part)?.[1];
  const xiang = /第（([一二三四五六七八九十]+)）项/.exec(part)?.[1];
  const paragraphs: string[] = [];
  for (const line of text.trim().split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (/^（[一二三四五六七八九十]+）/.test(line) && paragraphs.length) paragraphs[paragraphs.length - 1] += line;
    else paragraphs.push(line);
  }
  const para = paragraphs[(kuan ? parseChineseNumber(kuan) : 1) - 1];
  if (!para) return undefined;
  if (!xiang) return para;
  const n = parseChineseNumber(xiang);
  const start = para.indexOf(`（${xiang}）`);
  if (start < 0) return undefined;
  const next = para.indexOf(`（${toChineseNumber(n + 1)}）`, start);
  return para.slice(start, next < 0 ? undefined : next);
}

/** The plain explanation and condition: the note for this part, else for the whole article, else its summary. */
function noteFor(a: Article, part: string | undefined, deps: FollowUpDeps): { plain: string; condition?: string } {
  const notes = deps.data.provisions.filter((p) => p.law === a.law && p.article === a.article);
  // "第一款第（六）项" and "第（六）项" name the same item when the item is in the first paragraph.
  const same = (x: string) => x.replace(/^第一款(?=第（)/, '');
  const note = (part ? notes.find((p) => p.part && same(p.part) === same(part)) : undefined) ?? notes.find((p) => !p.part);
  return note ? { plain: note.plain, condition: note.condition ?? undefined } : { plain: a.summary.trim() };
}

/** The version line: in force since when; for conduct under an older text, which one and what it became. */
function versionLine(c: Candidate, mention: ProvisionRequest, at: Date, now: Date, deps: FollowUpDeps): string {
  const { replies, knowledge: k } = deps;
  const a = c.hit.article;
  if (a.effectiveUntil) {
    const current = resolveArticle(k, a.law, a.article, now)?.article;
    return replies.text('fu_prov_old_version', {
      day: chinaDay(at),
      version: a.version,
      from: a.effectiveFrom,
      until: a.effectiveUntil,
      current: current && current.id !== a.id ? current.article_cn : a.article_cn,
    });
  }
  // A date the sheets do not verify is never stated as fact: reported dates say so, unverified ones are left out.
  const dated = a.effectiveFromConfidence === 'UNVERIFIED' ? 'fu_prov_version_undated' : a.effectiveFromConfidence === 'PARTIAL' ? 'fu_prov_version_reported' : 'fu_prov_version';
  const base = replies.text(dated, { version: a.version, from: a.effectiveFrom });
  const notThen = c.notThen ? notThenLine(a, at, deps) : '';
  const corrected =
    c.hit.correctedFrom && mention.article && c.hit.correctedFrom.article === mention.article
      ? replies.text('fu_prov_corrected', { old: articleCn(mention.article).replace(/^第|条$/g, ''), new: a.article_cn })
      : '';
  return [base, notThen, corrected].filter(Boolean).join('');
}

/** That `a` was not in force on the day of the conduct; an unverified in-force date is not stated as fact. */
function notThenLine(a: Article, at: Date, deps: FollowUpDeps): string {
  return a.effectiveFromConfidence === 'UNVERIFIED'
    ? deps.replies.text('fu_prov_not_then_undated', { day: chinaDay(at) })
    : deps.replies.text('fu_prov_not_then', { from: a.effectiveFrom, day: chinaDay(at) });
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s*\n\s*/g, '');
  return t.length <= max ? t : `${t.slice(0, max)}……`;
}
