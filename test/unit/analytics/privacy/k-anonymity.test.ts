/**
 * k-anonymity figures and the greedy coarsening on hand-made residents (values worked out by hand in
 * the comments), then against scripts/reference/k_anonymity.py on its fixed records.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coarsenUntil } from '../../../../src/analytics/privacy/coarsen.ts';
import { FINEST, generalise, kAnonymity, type QuasiRecord } from '../../../../src/analytics/privacy/k-anonymity.ts';

const base: QuasiRecord = { housingArea: 'A', housingType: 'COMMERCIAL', building: '1', partyMember: false, householdRegistered: true, buildingHead: false, stage: 'UNIDENTIFIED', skills: [] };
const r = (over: Partial<QuasiRecord>): QuasiRecord => ({ ...base, ...over });

// Five residents: three alike in A/1, one building head in A/1, one in A/2 with skills.
const five: QuasiRecord[] = [r({}), r({}), r({}), r({ buildingHead: true }), r({ building: '2', skills: ['repair', 'cooking'] })];

describe('kAnonymity', () => {
  it('counts classes, the smallest, the unique and those below k', () => {
    // Classes {3 alike}, {head}, {A/2 with skills}: 3 classes, smallest 1, 2 unique; below 3: 2 of 5.
    expect(kAnonymity(five, 3)).toEqual({ residents: 5, classes: 3, smallest: 1, unique: 2, k: 3, belowK: 2, belowKShare: 0.4 });
    // Below 4: also the class of three, so all five.
    expect(kAnonymity(five, 4).belowK).toBe(5);
    expect(kAnonymity(five, 1).belowK).toBe(0);
  });

  it('merges classes at coarser levels', () => {
    // Building head dropped: {A/1 ×4}, {A/2 with skills}: smallest 1, one unique.
    expect(kAnonymity(five, 2, { ...FINEST, buildingHead: 1 })).toMatchObject({ classes: 2, smallest: 1, unique: 1, belowK: 1 });
    // Also building → area and skills → any: {A, no skills ×4}, {A, skills}: still 2 classes.
    expect(kAnonymity(five, 2, { ...FINEST, buildingHead: 1, building: 1, skills: 1 })).toMatchObject({ classes: 2, belowK: 1 });
    // And skills dropped: one class of five.
    expect(kAnonymity(five, 5, { ...FINEST, buildingHead: 1, building: 1, skills: 2 })).toMatchObject({ classes: 1, smallest: 5, unique: 0, belowK: 0 });
  });

  it('reads a building within its area, skills as stored (order included), and null as a value of its own', () => {
    expect(generalise(r({}), 'building', 0)).not.toBe(generalise(r({ housingArea: 'B' }), 'building', 0));
    expect(generalise(r({ skills: ['b', 'a'] }), 'skills', 0)).not.toBe(generalise(r({ skills: ['a', 'b'] }), 'skills', 0));
    expect(generalise(r({ skills: ['b', 'a'] }), 'skills', 1)).toBe(generalise(r({ skills: ['a'] }), 'skills', 1));
    expect(generalise(r({ partyMember: null }), 'partyMember', 0)).not.toBe(generalise(r({ partyMember: false }), 'partyMember', 0));
    expect(generalise(r({ housingArea: 'B' }), 'building', 2)).toBe(generalise(r({}), 'building', 2));
    expect(generalise(r({ stage: 'CAPABLE' }), 'stage', 1)).toBe(generalise(r({}), 'stage', 1));
  });

  it('counts no residents as no classes', () => {
    expect(kAnonymity([], 5)).toEqual({ residents: 0, classes: 0, smallest: 0, unique: 0, k: 5, belowK: 0, belowKShare: 0 });
  });

  it('throws on a k below 1 or a level outside the hierarchy', () => {
    expect(() => kAnonymity(five, 0)).toThrow(/k-anonymity: k/);
    expect(() => kAnonymity(five, 2.5)).toThrow(/k-anonymity: k/);
    expect(() => kAnonymity(five, 2, { ...FINEST, stage: 2 })).toThrow(/level 2 of stage/);
  });
});

describe('coarsenUntil', () => {
  it('raises the attribute that leaves fewest below k, one level a step, and stops at k', () => {
    // k = 2 from the finest: raising buildingHead leaves 1 below (the A/2 resident); building → area
    // also leaves 2 below (head, skills); skills → any leaves 2. So buildingHead first (belowK 1).
    // Then: building → area gives {A no skills ×4}, {A with skills}: 1 below, 2 classes; skills → any
    // gives {A/1 ×4}, {A/2 any}: 1 below, 2 classes — the tie goes to building (listed first).
    // Every later step ties (1 below, 2 classes) until skills is dropped, the only step that merges
    // the resident with skills into the rest: the walk ends with one class of five.
    const c = coarsenUntil(five, 2);
    expect(c.reached).toBe(true);
    expect(c.steps[0]).toMatchObject({ raised: null, figures: { belowK: 2 } });
    expect(c.steps[1]).toMatchObject({ raised: 'buildingHead', figures: { belowK: 1, classes: 2 } });
    expect(c.steps[2]).toMatchObject({ raised: 'building', figures: { belowK: 1, classes: 2 } });
    const last = c.steps[c.steps.length - 1]!;
    expect(last.figures).toMatchObject({ belowK: 0, smallest: 5, classes: 1 });
    expect(last.levels.skills).toBe(2);
  });

  it('takes no step when the data already is k-anonymous', () => {
    expect(coarsenUntil(five, 1).steps).toHaveLength(1);
  });

  it('says when k cannot be reached (fewer residents than k), with every attribute dropped', () => {
    const c = coarsenUntil(five, 6);
    expect(c.reached).toBe(false);
    expect(c.steps[c.steps.length - 1]!.levels).toEqual({ building: 3, partyMember: 1, householdRegistered: 1, buildingHead: 1, stage: 1, skills: 2 });
  });
});

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/reference/k-anonymity.json', import.meta.url), 'utf8'));

describe('against scripts/reference/k_anonymity.py', () => {
  for (const set of fixture.sets) {
    it(`${set.name}: the figures at fixed levels`, () => {
      for (const f of set.fixed) expect(kAnonymity(set.records, f.k, f.levels)).toEqual(f.figures);
    });
    it(`${set.name}: the greedy walk for k = 2, 3, 5`, () => {
      for (const [k, walk] of Object.entries(set.greedy)) expect(coarsenUntil(set.records, Number(k))).toEqual(walk);
    });
  }
});
