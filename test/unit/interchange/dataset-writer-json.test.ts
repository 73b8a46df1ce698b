/** DatasetWriter's JSON-array format and redirected streams (used by the export). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DatasetWriter } from '../../../src/interchange/dataset-writer.ts';

describe('DatasetWriter json', () => {
  it('writes a JSON array per file, an empty one for a touched file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reweave-json-'));
    const w = new DatasetWriter(dir, 'json');
    w.touch('Fund');
    await w.write('Resident', { id: 'r1', communityId: 'c1', displayName: '王 "小明"', skills: ['a', 'b'], createdAt: new Date('2025-01-01T00:00:00Z'), extra: 'dropped' });
    await w.write('Resident', { id: 'r2', communityId: 'c1', displayName: 'B', partyMember: false });
    await w.close();
    expect(JSON.parse(readFileSync(path.join(dir, 'Fund.json'), 'utf8'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'Resident.json'), 'utf8'))).toEqual([
      { id: 'r1', communityId: 'c1', displayName: '王 "小明"', skills: ['a', 'b'], createdAt: '2025-01-01T00:00:00.000Z' },
      { id: 'r2', communityId: 'c1', displayName: 'B', partyMember: false },
    ]);
    expect(w.counts.get('Resident')).toBe(2);
    expect(w.counts.get('Fund')).toBe(0);
  });

  it('writes to the streams `open` gives', async () => {
    const outs = new Map<string, string[]>();
    const w = new DatasetWriter('unused', 'csv', {
      open: (name) => {
        const s = new PassThrough();
        const chunks: string[] = [];
        outs.set(name, chunks);
        s.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
        return s;
      },
    });
    await w.write('ACQUAINTANCE', { id: 'k1', from: 'r1', to: 'r2', since: new Date('2025-03-01T00:00:00Z') });
    await w.close();
    const text = outs.get('ACQUAINTANCE.csv')!.join('');
    expect(text.split('\n')[0]).toBe('id,from,to,since,until,source,createdAt,updatedAt');
    expect(text.split('\n')[1]).toBe('k1,r1,r2,2025-03-01T00:00:00.000Z,,,,');
  });
});
