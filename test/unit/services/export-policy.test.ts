/**
 * The export's reading of the domain's pseudonymisation policy, on hand-made rows: what is replaced,
 * what is left out, what is kept, and that the same salt gives the same pseudonyms and another salt
 * others.
 */
import { describe, expect, it } from 'vitest';
import { KEEP_ALL, pseudonymPolicy } from '../../../src/services/export/policy.ts';
import { pseudonym } from '../../../src/services/shape.ts';

const individuals = new Map([['郭老师心理沙龙', 'p-1'], ['郭老师', 'p-2']]);
const policy = pseudonymPolicy('salt-1', individuals);

describe('the export policy', () => {
  it('reads a resident\'s id and display name as one keyed pseudonym, and references it the same way', () => {
    const out = policy.node('Resident', 'r-1', { id: 'r-1', communityId: 'c', displayName: '徐姐', building: '3栋', skills: ['缝纫'], secretNote: 'x' });
    const r = pseudonym('r-1', 'salt-1', 'R-');
    expect(out).toEqual({ id: r, communityId: 'c', displayName: r, building: '3栋', skills: ['缝纫'] });
    expect(policy.ref('Resident', 'r-1')).toBe(r);
    expect(policy.ref('Organization', 'org-1')).toBe('org-1');
    expect(pseudonymPolicy('salt-2').ref('Resident', 'r-1')).not.toBe(r);
  });

  it('pseudonymises an individual partner\'s name (now or at the cut-off), not a business\'s, and drops descriptions', () => {
    const person = policy.node('Partner', 'p-1', { id: 'p-1', name: '郭老师心理沙龙', kind: 'INDIVIDUAL', description: '徐姐牵头' });
    expect(person).toEqual({ id: 'p-1', name: pseudonym('p-1', 'salt-1', 'P-'), kind: 'INDIVIDUAL' });
    const business = policy.node('Partner', 'p-3', { id: 'p-3', name: '邻里咖啡馆', kind: 'BUSINESS' });
    expect(business.name).toBe('邻里咖啡馆');
    const became = policy.node('Partner', 'p-4', { id: 'p-4', name: '程师傅', kind: 'BUSINESS' }, ['BUSINESS', 'INDIVIDUAL']);
    expect(became.name).toBe(pseudonym('p-4', 'salt-1', 'P-'));
  });

  it('replaces an individual partner\'s name inside other kept texts, the longest name first', () => {
    const activity = policy.node('Activity', 'a-1', { id: 'a-1', name: '郭老师心理沙龙公益沙龙', location: '郭老师家' });
    expect(activity.name).toBe(`${pseudonym('p-1', 'salt-1', 'P-')}公益沙龙`);
    expect(activity.location).toBe(`${pseudonym('p-2', 'salt-1', 'P-')}家`);
  });

  it('leaves out free text and unknown fields of relationships and state changes', () => {
    expect(policy.rel('EXCHANGED', { id: 'e-1', at: 'x', hours: 2, service: '陪徐姐看病' })).toEqual({ id: 'e-1', at: 'x', hours: 2 });
    expect(policy.rel('CHANGED', { id: 'c-1', field: 'cultivationStage', from: 'A', to: 'B', at: 'x', evidence: '徐姐说', extra: 1 })).toEqual({ id: 'c-1', field: 'cultivationStage', from: 'A', to: 'B', at: 'x' });
  });

  it('keeps everything as stored without pseudonyms', () => {
    const props = { id: 'r-1', displayName: '徐姐', note: 'x' };
    expect(KEEP_ALL.node('Resident', 'r-1', props)).toBe(props);
    expect(KEEP_ALL.ref('Resident', 'r-1')).toBe('r-1');
  });
});
