import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../src/analytics/cultivation/features.ts';
import { analyticsValuesOf } from '../../../src/domain/vocabulary.ts';
import { candidatesArgs, dependenceArgs, FUNNEL_GROUPINGS, funnelArgs } from '../../../src/schema/cultivation-inputs.ts';
import { STAGE_SUBJECTS } from '../../../src/services/cultivation/subjects.ts';

const window = { communityId: 'c', subject: 'RESIDENT_CULTIVATION', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };

describe('cultivation inputs', () => {
  it('takes the funnel groupings from the grouping vocabulary, without the stage itself', () => {
    expect(FUNNEL_GROUPINGS).toContain('BUILDING_HEAD');
    expect(FUNNEL_GROUPINGS).toContain('DETECTED_COMMUNITY');
    expect(FUNNEL_GROUPINGS).not.toContain('CULTIVATION_STAGE');
    expect(funnelArgs.parse({ ...window, groupBy: 'BUILDING_HEAD' }).groupBy).toBe('buildingHead');
    expect(funnelArgs.parse({ ...window, groupBy: null }).groupBy).toBeNull();
  });

  it('refuses a grouping, a subject or a window it cannot read, at the field', () => {
    const paths = (input: unknown) => funnelArgs.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ ...window, groupBy: 'CULTIVATION_STAGE' })).toEqual(['groupBy']);
    expect(paths({ ...window, subject: 'HOROSCOPE' })).toEqual(['subject']);
    expect(paths({ ...window, to: window.from })).toEqual(['to']);
  });

  it('keeps the vocabularies and the analytics in step', () => {
    // The SDL enum PromotionFeature maps one to one, in order, onto the features the model reads.
    expect(analyticsValuesOf('PromotionFeature')).toEqual([...FEATURES]);
    expect(STAGE_SUBJECTS).toEqual(['RESIDENT_CULTIVATION', 'ORGANIZATION_DEVELOPMENT', 'ORGANIZATION_ORIENTATION', 'PARTNER_LIFECYCLE']);
  });

  it('bounds first by the page cap and shares by [0, 1]', () => {
    const args = candidatesArgs(1000);
    expect(args.safeParse({ communityId: 'c', stage: 'GOOD_PERSON', first: 1001 }).error?.issues[0]?.path).toEqual(['first']);
    expect(args.safeParse({ communityId: 'c', stage: 'GOOD_PERSON', first: 10 }).success).toBe(true);
    expect(dependenceArgs.safeParse({ communityId: 'c', options: { maxOrganiserShare: 1.5 } }).error?.issues[0]?.path).toEqual(['options', 'maxOrganiserShare']);
  });
});
