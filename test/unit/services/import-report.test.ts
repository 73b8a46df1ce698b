import { describe, expect, it } from 'vitest';
import { count, rateText } from '../../../src/services/import/report.ts';

describe('import report wording', () => {
  it('counts in the singular for one, the plural otherwise', () => {
    expect(count(1, 'node')).toBe('1 node');
    expect(count(0, 'row')).toBe('0 rows');
    expect(count(2_500, 'problem')).toBe('2,500 problems');
  });

  it('gives no rate for an import shorter than a second', () => {
    expect(rateText(0, 0.2)).toBeNull();
    expect(rateText(12_345.6, 0.99)).toBeNull();
    expect(rateText(12_345.6, 2)).toBe('12,346 relationships/s');
  });
});
