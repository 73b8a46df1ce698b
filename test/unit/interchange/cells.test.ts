import { describe, expect, it } from 'vitest';
import { SYNONYMS, VOCABULARIES, type VocabularyName } from '../../../src/domain/vocabulary.ts';
import { parseCell } from '../../../src/interchange/cells.ts';
import { fileSpec, type Column } from '../../../src/interchange/columns.ts';

function column(file: string, name: string): Column {
  const found = fileSpec(file)?.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${file}.${name}`);
  return found;
}

const housing = column('Resident', 'housingType');
const role = column('MEMBERSHIP', 'role');
const since = column('MEMBERSHIP', 'since');

describe('parseCell: enum terms as workers write them', () => {
  it.each([
    ['商品房', 'GARDEN_ESTATE'],
    ['花园小区(商品房)', 'GARDEN_ESTATE'],
    ['花园小区（商品房）', 'GARDEN_ESTATE'],
    ['老旧小区', 'OLD_ESTATE'],
  ])('housingType %s → %s', (raw, term) => {
    expect(parseCell(housing, raw)).toEqual({ ok: true, value: term });
  });

  it.each([
    ['骨干', 'CORE_TEAM'],
    ['核心团队', 'CORE_TEAM'],
    ['core team', 'CORE_TEAM'],
    ['队长', 'LEADER'],
    ['负责人', 'LEADER'],
    ['member', 'MEMBER'],
  ])('role %s → %s', (raw, term) => {
    expect(parseCell(role, raw)).toEqual({ ok: true, value: term });
  });

  it('refuses an unknown term listing each term with its Chinese name and synonyms, in both languages', () => {
    const result = parseCell(housing, '别墅');
    expect(result.ok).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('housingType: "别墅" is not a HousingType; allowed: GARDEN_ESTATE (花园小区（商品房） / 商品房 / 花园小区 / 商品房小区), URBAN_VILLAGE (城中村)');
    expect(reason).toContain('OLD_ESTATE (老旧院落 / 老旧小区 / 老院落)');
    expect(reason).toContain(' / 「别墅」不是有效的住房类型');
  });

  it('every synonym names one term and is no other term\'s English or Chinese name', () => {
    for (const [name, table] of Object.entries(SYNONYMS) as [VocabularyName, Record<string, string>][]) {
      const terms = VOCABULARIES[name].terms as Record<string, { zh: string }>;
      for (const [synonym, term] of Object.entries(table)) {
        expect(Object.hasOwn(terms, term), `${name}: ${synonym} → ${term}`).toBe(true);
        const others = Object.entries(terms).filter(([k]) => k !== term).flatMap(([k, t]) => [k, t.zh]);
        expect(others, `${name}: ${synonym}`).not.toContain(synonym);
      }
    }
  });
});

describe('parseCell: numbers in decimal notation only', () => {
  const population = column('Community', 'population');
  it.each([['3200', 3200], ['+12', 12], ['1e3', 1000], [3200, 3200]])('%s → %s', (raw, n) => {
    expect(parseCell(population, raw)).toEqual({ ok: true, value: n });
  });

  it.each(['0x10', '0b11', '0o7', 'Infinity', '1,000', true, [5], { n: 5 }])('refuses %s instead of reading another number into it', (raw) => {
    expect(parseCell(population, raw)).toMatchObject({ ok: false });
  });
});

describe('parseCell: dates as Excel and people write them', () => {
  const midnight = (iso: string) => ({ ok: true, value: new Date(`${iso}T00:00:00Z`) });
  it.each([
    ['2024/05/20', '2024-05-20'],
    ['2024/5/20', '2024-05-20'],
    ['2024.06.01', '2024-06-01'],
    ['2024.6.1', '2024-06-01'],
    ['2024年5月20日', '2024-05-20'],
    ['2024年12月1日', '2024-12-01'],
    ['2024-05-20', '2024-05-20'],
  ])('%s → %s', (raw, iso) => {
    expect(parseCell(since, raw)).toEqual(midnight(iso));
  });

  it.each(['05/20/2024', '20/05/2024', '2024/02/30', '2024/05-20', '2024年13月1日', '24/5/20'])('refuses %s naming the accepted forms', (raw) => {
    const result = parseCell(since, raw);
    expect(result).toEqual({
      ok: false,
      reason: `since: "${raw}" is not a date; accepted: 2025-03-01, 2025-03-01T09:30:00+08:00, 2025/03/01, 2025.3.1 or 2025年3月1日 (year first) / 日期格式错误，可写 2025-03-01、2025/03/01、2025.3.1 或 2025年3月1日（年份在前）`,
    });
  });
});
