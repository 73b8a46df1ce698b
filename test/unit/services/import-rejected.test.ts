import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRejectedPath, RejectedRows } from '../../../src/services/import/rejected.ts';
import { folderSource } from '../../../src/services/import/source.ts';

function dataset(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-rejected-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('RejectedRows: the rejected rows themselves, with their reasons', () => {
  it('writes each rejected row once with its original cells, a header block per file', async () => {
    const dir = dataset({
      'Resident.csv': 'id,communityId,displayName,housingType\nr1,c1,王阿姨,别墅\nr2,c1,李师傅,商品房\nr3,c1,"张, 三",城堡\n',
      'MEMBERSHIP.jsonl': '{"id":"m1","from":"r1","to":"o1","role":"MEMBER"}\n{"id":"m2","from":"r9","to":"o1","role":5}\n',
    });
    const files = folderSource(dir);
    const rejected = new RejectedRows();
    const resident = path.join(dir, 'Resident.csv');
    const membership = path.join(dir, 'MEMBERSHIP.jsonl');
    rejected.add({ file: resident, line: 2, column: 'housingType', reason: 'not a HousingType' });
    rejected.add({ file: resident, line: 4, column: 'housingType', reason: 'not a HousingType' });
    rejected.add({ file: resident, line: 4, column: 'id', reason: 'second problem' });
    rejected.add({ file: membership, line: 2, column: 'role', reason: 'not a MembershipRole' });
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'reweave-out-')), 'x.rejected.csv');
    expect(await rejected.write(out, files)).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe([
      'file,line,column,reason,id,communityId,displayName,housingType',
      'Resident.csv,2,housingType,not a HousingType,r1,c1,王阿姨,别墅',
      'Resident.csv,4,housingType; id,not a HousingType; second problem,r3,c1,"张, 三",城堡',
      'file,line,column,reason,id,from,to,role',
      'MEMBERSHIP.jsonl,2,role,not a MembershipRole,m2,r9,o1,5',
      '',
    ].join('\n'));
  });

  it('a CSV header problem rejects every row, and each carries it', async () => {
    const dir = dataset({ 'Resident.csv': 'id,communityId,displayName,shoeSize\nr1,c1,王阿姨,42\nr2,c1,李师傅,43\n' });
    const rejected = new RejectedRows();
    rejected.add({ file: path.join(dir, 'Resident.csv'), line: 1, column: null, reason: 'unknown column "shoeSize"' });
    const out = path.join(dir, '..', `${path.basename(dir)}.rejected.csv`);
    expect(await rejected.write(out, folderSource(dir))).toBe(2);
    expect(readFileSync(out, 'utf8').split('\n').slice(1, 3)).toEqual([
      'Resident.csv,2,,"unknown column ""shoeSize""",r1,c1,王阿姨,42',
      'Resident.csv,3,,"unknown column ""shoeSize""",r2,c1,李师傅,43',
    ]);
  });

  it('goes beside the folder by default, not into it', () => {
    expect(defaultRejectedPath('/data/yulin/')).toBe('/data/yulin.rejected.csv');
    expect(defaultRejectedPath('/data/yulin')).toBe('/data/yulin.rejected.csv');
  });
});
