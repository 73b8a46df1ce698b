/** The numeric options that drive work have upper bounds, refused as BAD_USER_INPUT at their path with the bound. */
import { describe, expect, it } from 'vitest';
import { centralityArgs, groupMixingArgs, MAX_PIVOTS } from '../../../src/schema/analytics-inputs.ts';
import { parse } from '../../../src/schema/parse.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';

const refusal = (work: () => unknown): ReweaveError => {
  try {
    work();
  } catch (error) {
    return error as ReweaveError;
  }
  throw new Error('not refused');
};

describe('work bounds', () => {
  const network = { communityId: 'c' };

  it('pivots: 1 to 10,000', () => {
    const e = refusal(() => parse(centralityArgs, { network, measure: 'BETWEENNESS', options: { pivots: MAX_PIVOTS + 1 } }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details.path).toEqual(['options', 'pivots']);
    expect(e.message).toMatch(/pivots must be 1–10,000 \/ 抽样数须为 1–10,000/);
    expect(parse(centralityArgs, { network, measure: 'BETWEENNESS', options: { pivots: MAX_PIVOTS } }).options?.pivots).toBe(MAX_PIVOTS);
  });

  it('permutations: 0 to 100,000', () => {
    const e = refusal(() => parse(groupMixingArgs, { network, groupBy: 'HOUSING_TYPE', permutations: 100_001 }));
    expect(e.details.path).toEqual(['permutations']);
    expect(e.message).toMatch(/0–100000/);
  });
});
