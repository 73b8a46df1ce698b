import { describe, expect, it } from 'vitest';
import { FILE_SPECS, fileSpec, resolveHeader, type FileSpec } from '../../../src/interchange/columns.ts';
import { checkHeader } from '../../../src/interchange/validate.ts';

const spec = (name: string): FileSpec => fileSpec(name)!;

describe('relationship ends named as a roster names them', () => {
  it.each([
    ['MEMBERSHIP', '居民编号', 'from'],
    ['MEMBERSHIP', '组织编号', 'to'],
    ['MEMBERSHIP', '组织ID', 'to'],
    ['ATTENDANCE', '活动编号', 'to'],
    ['BRANCH_AFFILIATION', '组织编号', 'from'],
    ['BRANCH_AFFILIATION', '党组织编号', 'to'],
  ])('%s: %s → %s', (file, header, column) => {
    expect(resolveHeader(spec(file), header)?.name).toBe(column);
    expect(checkHeader(spec(file), ['id', header]).problems.filter((p) => p.includes('unknown'))).toEqual([]);
  });

  it('gives no such name where both ends have the label (ACQUAINTANCE, EXCHANGE: Resident → Resident)', () => {
    expect(resolveHeader(spec('ACQUAINTANCE'), '居民编号')).toBeUndefined();
    expect(resolveHeader(spec('EXCHANGE'), '居民编号')).toBeUndefined();
  });

  it('no header name of any file means two columns', () => {
    for (const f of FILE_SPECS) {
      const names = f.columns.flatMap((c) => [...new Set([c.name, ...c.aliases].map((n) => n.toLowerCase()))]);
      expect(names.filter((n, i) => names.indexOf(n) !== i), f.name).toEqual([]);
    }
  });

  it('refuses an unknown column listing the Chinese names too, in both languages', () => {
    const { problems } = checkHeader(spec('MEMBERSHIP'), ['id', '居民', '组织编号', 'role']);
    expect(problems[0]).toContain('unknown column "居民"; MEMBERSHIP accepts: id (编号 / ID), from (起点编号 / resident / residentId / 居民编号 / 居民ID), to (终点编号 / organization / organizationId / 组织编号 / 组织ID)');
    expect(problems[0]).toContain(' / 未知列「居民」');
  });
});
