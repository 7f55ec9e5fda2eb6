/** The understander built from the repository's own knowledge/, shared by the understanding tests (loaded once). */
import { join } from 'node:path';
import { loadAnalysisRules } from '../../../src/analysis/rules';
import { analysisKit } from '../../../src/assemble';
import { loadKnowledge } from '../../../src/knowledge/load';
import { loadUnderstandingData, type UnderstandingData } from '../../../src/knowledge/understanding-data';
import { createUnderstandingPipeline, lawNamesOf, type UnderstandingPipeline } from '../../../src/conversation/understanding/understand-turn';
import { PACKAGE_ROOT } from '../../../src/paths';

let cached: { data: UnderstandingData; pipeline: UnderstandingPipeline } | undefined;

/** The real data and the pipeline with the shipped model. */
export function realUnderstanding(): { data: UnderstandingData; pipeline: UnderstandingPipeline } {
  if (cached) return cached;
  const data = loadUnderstandingData(join(PACKAGE_ROOT, 'knowledge', 'understanding'));
  const kit = analysisKit(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
  const lawNames = lawNamesOf(loadKnowledge(join(PACKAGE_ROOT, 'knowledge')));
  cached = { data, pipeline: createUnderstandingPipeline(data, kit, { lawNames }) };
  return cached;
}
