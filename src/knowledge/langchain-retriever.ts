/**
 * Our Retriever as a LangChain BaseRetriever, so the LLM answer chain retrieves the LangChain way
 * (`retriever.invoke(question)` → Documents) while ranking stays ours (BM25, or hybrid with vectors). Each
 * Document carries what a prompt or a grader needs in its metadata; `itemOfDocument` maps it back.
 */
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { Knowledge } from './knowledge';
import type { Retriever, RetrievedItem } from './retriever';
import type { PreparableRetriever } from './hybrid-retriever';

export interface KnowledgeDocumentMetadata {
  /** The retriever's item id: "guide:<id>" or "article:<law#article@from>". */
  id: string;
  kind: 'guide' | 'article';
  law?: string;
  article?: string;
  guideId?: string;
  /** Index of the guide section that matched, if one did. */
  section?: number;
  score: number;
}

export interface KnowledgeRetrieverInput extends BaseRetrieverInput {
  retriever: Retriever;
  knowledge: Knowledge;
  /** Documents returned. Default 5. */
  k?: number;
}

/** A LangChain retriever over our knowledge base; `invoke(query)` resolves to Documents, best first. */
export class KnowledgeRetriever extends BaseRetriever<KnowledgeDocumentMetadata> {
  lc_namespace = ['debtshield', 'knowledge'];
  private readonly retriever: Retriever;
  private readonly knowledge: Knowledge;
  private readonly k: number;

  constructor(fields: KnowledgeRetrieverInput) {
    super(fields);
    this.retriever = fields.retriever;
    this.knowledge = fields.knowledge;
    this.k = fields.k ?? 5;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<KnowledgeDocumentMetadata>[]> {
    if (isPreparable(this.retriever)) await this.retriever.prepare(query);
    return this.retriever.retrieve(query, this.k).map(documentOfItem);
  }

  /** The item a Document stands for (undefined if the knowledge base no longer holds it). */
  itemOf(doc: Pick<Document<KnowledgeDocumentMetadata>, 'metadata'>): RetrievedItem | undefined {
    return itemOfDocument(doc, this.knowledge);
  }
}

/** A retrieved item as a Document: the guide's answer or the article's text as content, identity in metadata. */
export function documentOfItem(item: RetrievedItem): Document<KnowledgeDocumentMetadata> {
  if (item.kind === 'guide') {
    const g = item.guide;
    const section = item.section !== undefined ? g.sections[item.section] : undefined;
    return new Document({
      pageContent: [g.title, g.answer.trim(), section ? `${section.heading}\n${section.text.trim()}` : ''].filter(Boolean).join('\n'),
      metadata: { id: item.id, kind: 'guide', guideId: g.id, section: item.section, score: item.score },
      id: item.id,
    });
  }
  const a = item.article;
  return new Document({
    pageContent: a.text.trim(),
    metadata: { id: item.id, kind: 'article', law: a.law, article: a.article, score: item.score },
    id: item.id,
  });
}

/** Maps a Document from `documentOfItem` back to the knowledge item it stands for. */
export function itemOfDocument(doc: Pick<Document<KnowledgeDocumentMetadata>, 'metadata'>, k: Knowledge): RetrievedItem | undefined {
  const m = doc.metadata;
  if (m.kind === 'guide') {
    const guide = k.guides.find((g) => g.id === m.guideId);
    return guide ? { kind: 'guide', id: m.id, score: m.score, guide, section: m.section } : undefined;
  }
  const article = k.allArticles.find((a) => `article:${a.id}` === m.id);
  return article ? { kind: 'article', id: m.id, score: m.score, article } : undefined;
}

function isPreparable(r: Retriever): r is PreparableRetriever {
  return typeof (r as Partial<PreparableRetriever>).prepare === 'function';
}
