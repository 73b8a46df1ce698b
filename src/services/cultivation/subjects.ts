/**
 * The staged fields the funnel reads, each with its forward path (src/domain/transitions.ts's
 * machines, in their order) and the stages off the path: a partner's EXITED is an exit, not a step.
 * Orientation's path is self → mutual → public benefit (seeds/004: hobby groups turned into
 * public-benefit groups).
 */
import type { NodeLabel } from '../../domain/model.ts';
import { analyticsTermsOf, termsOf, VOCABULARIES, type AnalyticsTermOf, type VocabularyName } from '../../domain/vocabulary.ts';
import type { StageOrder } from '../../analytics/cultivation/histories.ts';

export const STAGE_SUBJECTS = analyticsTermsOf('StageSubject');
export type StageSubject = AnalyticsTermOf<'StageSubject'>;

export interface SubjectSpec {
  label: NodeLabel;
  field: string;
  vocabulary: VocabularyName;
  order: StageOrder;
}

const spec = (label: NodeLabel, field: string, vocabulary: VocabularyName, exits: readonly string[] = []): SubjectSpec => {
  const terms = termsOf(vocabulary) as string[];
  const path = terms.filter((t) => !exits.includes(t));
  return { label, field, vocabulary, order: { stages: [...path, ...exits], path: path.length } };
};

export const SUBJECTS: Record<StageSubject, SubjectSpec> = {
  RESIDENT_CULTIVATION: spec('Resident', 'cultivationStage', 'CultivationStage'),
  ORGANIZATION_DEVELOPMENT: spec('Organization', 'developmentStage', 'DevelopmentStage'),
  ORGANIZATION_ORIENTATION: spec('Organization', 'orientation', 'PublicnessOrientation'),
  PARTNER_LIFECYCLE: spec('Partner', 'status', 'PartnerStatus', ['EXITED']),
};

/** A stage's words, "Good person / 好人". */
export function stageWords(subject: SubjectSpec, stage: string): { en: string; zh: string } {
  const term = (VOCABULARIES[subject.vocabulary].terms as Record<string, { en: string; zh: string }>)[stage];
  return term ?? { en: stage, zh: stage };
}
