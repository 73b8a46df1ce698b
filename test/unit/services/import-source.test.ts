import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/interchange/file-names.ts';
import { folderSource } from '../../../src/services/import/source.ts';

function folder(...names: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-source-'));
  for (const name of names) writeFileSync(path.join(dir, name), 'id\n');
  return dir;
}

const kinds = (dir: string) => folderSource(dir).map((f) => [path.basename(f.display), f.spec.name]);
const refusal = (dir: string): string => {
  try {
    folderSource(dir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('folderSource accepted the folder');
};

describe('folderSource: which file is which', () => {
  it('takes a stored relationship type as the file name where one kind is stored under it', () => {
    expect(kinds(folder('Resident.csv', 'KNOWS.csv', 'ATTENDED.csv'))).toEqual([['Resident.csv', 'Resident'], ['KNOWS.csv', 'ACQUAINTANCE'], ['ATTENDED.csv', 'ATTENDANCE']]);
  });

  it('refuses a type stored for two kinds (MEMBER_OF), naming both', () => {
    const message = refusal(folder('Resident.csv', 'MEMBER_OF.csv'));
    expect(message).toContain('MEMBER_OF.csv: MEMBER_OF is stored for MEMBERSHIP and CONFERENCE_MEMBERSHIP; name the file after one of them (MEMBERSHIP.csv, CONFERENCE_MEMBERSHIP.csv)');
    expect(message).toContain('文件名无法识别');
  });

  it('refuses KNOWS.csv beside ACQUAINTANCE.csv: both are the same kind', () => {
    expect(refusal(folder('ACQUAINTANCE.csv', 'KNOWS.csv'))).toContain('both ACQUAINTANCE.csv and KNOWS.csv describe ACQUAINTANCE');
  });

  it('suggests the nearest known name for an unknown file', () => {
    const message = refusal(folder('Residents.csv', 'MEMBERSHIPS.csv', 'Notes.csv'));
    expect(message).toContain('MEMBERSHIPS.csv: MEMBERSHIPS names no node label or relationship kind; did you mean MEMBERSHIP? / 是否应为 MEMBERSHIP？');
    expect(message).toContain('Residents.csv: Residents names no node label or relationship kind; did you mean Resident?');
    expect(message).toMatch(/Notes\.csv: Notes names no node label or relationship kind(;|\))/);
    expect(message).not.toContain('Notes names no node label or relationship kind; did you mean');
  });

  it('skips the rejected rows of an earlier run, under the old name and the new', () => {
    expect(kinds(folder('Resident.csv', 'rejected.csv', 'roster.rejected.csv'))).toEqual([['Resident.csv', 'Resident']]);
  });

  it('edit distance', () => {
    expect(editDistance('KNOW', 'KNOWS')).toBe(1);
    expect(editDistance('resident', 'Resident')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
