import { describe, expect, it } from 'vitest';
import { checkResearchQuery, MAX_QUERY_LENGTH } from '../../../src/research/check.ts';
import { RESEARCH_RULES, ResearchRefusal, type Refusal } from '../../../src/research/rules.ts';
import { ESCAPES } from '../../helpers/research-escapes.ts';

function refusalOf(cypher: string): Refusal | null {
  try {
    checkResearchQuery(cypher);
    return null;
  } catch (error) {
    if (error instanceof ResearchRefusal) return error.refusal;
    throw error;
  }
}

const s = (v: string) => `${v}.communityId IN $__communities`;

describe('checkResearchQuery: escape attempts', () => {
  const byChecker = ESCAPES.filter((e) => e.by === 'checker');
  it('has at least 40 attempts the checker alone refuses', () => {
    expect(byChecker.length).toBeGreaterThanOrEqual(40);
  });
  for (const escape of byChecker) {
    it(`refuses ${escape.name} by rule ${escape.rule}`, () => {
      const refusal = refusalOf(escape.cypher);
      expect(refusal, escape.cypher).not.toBeNull();
      expect(refusal!.rule).toBe(escape.rule);
      expect(RESEARCH_RULES[refusal!.rule]).toBeDefined();
    });
  }
  it('lets the database-only attempts through the checker (they are refused when they run)', () => {
    for (const escape of ESCAPES.filter((e) => e.by !== 'checker')) expect(refusalOf(escape.cypher), escape.name).toBeNull();
  });
});

describe('checkResearchQuery: what it lets through', () => {
  it('keeps a scoped aggregate as written, with no column read otherwise', () => {
    const q = `MATCH (r:Resident)-[m:MEMBER_OF]->(o:Organization) WHERE ${s('r')} AND ${s('o')} RETURN o.name AS organisation, count(r) AS members, collect(m.role)[0..3] AS roles ORDER BY members DESC LIMIT 3`;
    const checked = checkResearchQuery(q);
    expect(checked.text).toBe(q);
    expect(checked.columns.size).toBe(0);
  });

  it('reads a resident id as its pseudonym, and runs a display name as the id under the same column name', () => {
    const checked = checkResearchQuery(`MATCH (r:Resident) WHERE ${s('r')} RETURN r.id, r.displayName, r.displayName AS name, r.building`);
    expect(checked.text).toBe(`MATCH (r:Resident) WHERE ${s('r')} RETURN r.id, r.id AS \`r.displayName\`, r.id AS name, r.building`);
    expect(Object.fromEntries(checked.columns)).toEqual({
      'r.id': { kind: 'pseudonym', prefix: 'R-' },
      'r.displayName': { kind: 'pseudonym', prefix: 'R-' },
      name: { kind: 'pseudonym', prefix: 'R-' },
    });
  });

  it('runs a partner name as [kind, id, name], so that only individuals read as pseudonyms', () => {
    const checked = checkResearchQuery(`MATCH (p:Partner WHERE ${s('p')}) RETURN p.name AS partner, p.kind`);
    expect(checked.text).toBe(`MATCH (p:Partner WHERE ${s('p')}) RETURN [p.kind, p.id, p.name] AS partner, p.kind`);
    expect(checked.columns.get('partner')).toEqual({ kind: 'pseudonym-if-individual', prefix: 'P-' });
  });

  it('accepts lower-case keywords, comments, label tests, count/type/labels of entities and a plain WITH', () => {
    const q = `match (r:Resident)-[k:KNOWS|MEMBER_OF]->(x:Resident) // ties
      where ${s('r')} and ${s('x')} and r:Resident /* a label test */
      with r, k, x where r.partyMember
      return type(k) as kind, labels(x) as l, count(DISTINCT r) as n, '徐姐 CREATE (:Resident)' as text`;
    expect(refusalOf(q)).toBeNull();
  });

  it('accepts the scoping condition inline and in either order among other conditions', () => {
    expect(refusalOf(`MATCH (r:Resident WHERE r.partyMember AND ${s('r')}) RETURN count(r)`)).toBeNull();
    expect(refusalOf(`MATCH (a:Resident), (b:Organization) WHERE a.partyMember AND ${s('b')} AND ${s('a')} RETURN count(*)`)).toBeNull();
  });

  it('says where in the query the rule broke', () => {
    const refusal = refusalOf(`MATCH (r:Resident) WHERE ${s('r')} MATCH (t:Resident) RETURN count(t)`);
    expect(refusal).toEqual({ rule: 'scope', detail: 't is not confined by t.communityId IN $__communities', offset: 63 });
  });

  it('gives each refusal a message in English and Chinese naming the rule', () => {
    try {
      checkResearchQuery('MATCH (r:Resident) RETURN count(r)');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^Refused by rule scope .* \/ 按规则 scope 拒绝/);
    }
  });

  it('refuses at exactly one character past the length limit', () => {
    const base = `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) //`;
    expect(refusalOf(base + 'x'.repeat(MAX_QUERY_LENGTH - base.length))).toBeNull();
    expect(refusalOf(base + 'x'.repeat(MAX_QUERY_LENGTH - base.length + 1))?.rule).toBe('length');
  });
});
