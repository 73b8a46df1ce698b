import { afterAll, describe, expect, it } from 'vitest';
import { ResearchChecker } from '../../../src/research/checker.ts';
import { ResearchRefusal } from '../../../src/research/rules.ts';

const s = (v: string) => `${v}.communityId IN $__communities`;
const checker = new ResearchChecker();
afterAll(() => checker.close());

const ruleOf = async (c: ResearchChecker, q: string) => c.check(q).then(() => null, (e: unknown) => (e instanceof ResearchRefusal ? e.refusal.rule : String(e)));

describe('ResearchChecker (the checker in a worker thread)', () => {
  it('answers as the checker does: the text to run and the pseudonymised columns', async () => {
    const checked = await checker.check(`MATCH (r:Resident) WHERE ${s('r')} RETURN r.displayName AS name`);
    expect(checked.text).toBe(`MATCH (r:Resident) WHERE ${s('r')} RETURN r.id AS name`);
    expect([...checked.columns]).toEqual([['name', { kind: 'pseudonym', prefix: 'R-' }]]);
  }, 30_000);

  it('refuses with the rule the checker names, and refuses deep nesting before parsing', async () => {
    expect(await ruleOf(checker, `MATCH (r:Resident) RETURN count(r)`)).toBe('scope');
    expect(await ruleOf(checker, `RETURN ${'('.repeat(3000)}1${')'.repeat(3000)} AS x`)).toBe('length');
    expect(await ruleOf(checker, `RETURN ${'('.repeat(13)}1${')'.repeat(13)} AS x`)).toBe('nesting');
  }, 30_000);

  it('refuses a query it cannot check by its deadline as complexity, and checks the next one on a fresh thread', async () => {
    const hasty = new ResearchChecker(1);
    try {
      expect(await ruleOf(hasty, `RETURN ${'CASE WHEN true THEN '.repeat(10)}1${' END'.repeat(10)} AS x`)).toBe('complexity');
    } finally {
      await hasty.close();
    }
    expect(await ruleOf(checker, `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) AS n`)).toBeNull();
  }, 30_000);
});
