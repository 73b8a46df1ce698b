/**
 * The offline import's first pass on two threads (parallel-check.ts) against one thread, on the
 * `small` demo with bad rows added to a node file and to the relationship file the worker checks:
 * the same rows staged for the importer, the same problems reported (file, line, column, reason),
 * the same summaries.
 */
import { statSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoDataset } from '../../../src/demo/generate.ts';
import { checkAndStage, workerShare, type StagedDataset } from '../../../src/services/import/parallel-check.ts';
import { folderSource, type SourceFile } from '../../../src/services/import/source.ts';

const now = new Date('2026-01-02T03:04:05.678Z');
let work: string;
let one: StagedDataset;
let two: StagedDataset;

const dataset = () => folderSource(path.join(work, 'generated'));

/** Every staged data line, per importer file name without the thread's suffix, sorted. */
async function stagedRows(dir: string): Promise<Map<string, string[]>> {
  const byKind = new Map<string, string[]>();
  for (const name of (await readdir(dir)).sort()) {
    const [header, ...lines] = (await readFile(path.join(dir, name), 'utf8')).split('\n').filter(Boolean);
    const key = `${name.replace(/-2\.csv$/, '.csv')} ${header}`;
    byKind.set(key, [...(byKind.get(key) ?? []), ...lines].sort());
  }
  return byKind;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'reweave-parallel-check-'));
  const generated = path.join(work, 'generated');
  await writeDemoDataset({ preset: 'small', communityId: 'demo-pc' }, generated, 'csv');
  // A resident with an unknown stage (so rows that refer to it fail too), and in the two largest
  // relationship files (the worker checks the largest): a dangling reference, a duplicate id, a bad
  // date or enum, and a row referring to the rejected resident.
  await appendFile(path.join(generated, 'Resident.csv'), 'demo-pc:res:bad,demo-pc,,,,Bad,,GARDEN_ESTATE,,false,false,false,,,SAINT\n');
  await appendFile(
    path.join(generated, 'ACQUAINTANCE.csv'),
    [
      'demo-pc:acq:x1,demo-pc:res:1,demo-pc:res:nobody,2024-01-01,,SELF_REPORTED,,',
      'demo-pc:acquaintance:1,demo-pc:res:1,demo-pc:res:2,2024-01-01,,SELF_REPORTED,,',
      'demo-pc:acq:x2,demo-pc:res:1,demo-pc:res:2,2024-13-01,,SELF_REPORTED,,',
      'demo-pc:acq:x3,demo-pc:res:1,demo-pc:res:bad,2024-01-01,,SELF_REPORTED,,',
      '',
    ].join('\n'),
  );
  await appendFile(
    path.join(generated, 'ATTENDANCE.csv'),
    [
      'demo-pc:att:x1,demo-pc:res:1,demo-pc:activity:none,2024-01-01,PARTICIPANT,,',
      'demo-pc:attendance:1,demo-pc:res:1,demo-pc:activity:1,2024-01-01,PARTICIPANT,,',
      'demo-pc:att:x2,demo-pc:res:1,demo-pc:activity:1,2024-01-01,SPECTATOR,,',
      'demo-pc:att:x3,demo-pc:res:bad,demo-pc:activity:1,2024-01-01,PARTICIPANT,,',
      '',
    ].join('\n'),
  );
  one = await checkAndStage(dataset(), { dir: path.join(work, 'one'), now, parallel: false });
  two = await checkAndStage(dataset(), { dir: path.join(work, 'two'), now, parallel: true });
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('checking and staging on two threads', () => {
  it('gives the worker the largest relationship file, and leaves the node files to this thread', () => {
    const share = [...workerShare(dataset())].map((f) => f.spec.name);
    const largest = dataset().filter((f) => f.spec.kind !== 'node').sort((a, b) => statSync(b.display).size - statSync(a.display).size)[0]!;
    expect(['ACQUAINTANCE', 'ATTENDANCE']).toContain(largest.spec.name);
    expect(share).toContain(largest.spec.name);
    expect(share.every((name) => dataset().find((f) => f.spec.name === name)!.spec.kind !== 'node')).toBe(true);
    expect(two.csv.relationships.some((r) => r.file.endsWith('-2.csv'))).toBe(true);
  });

  it('balances by size: largest first, each to the side with less to do', () => {
    const fake = (name: string, kind: 'node' | 'rel'): SourceFile => ({ display: name, spec: { name, kind } as SourceFile['spec'], sharedHeader: true, records: async function* () {} });
    const sizes = new Map([['N', 10], ['A', 30], ['B', 15], ['C', 8], ['D', 2]]);
    const files = [fake('N', 'node'), fake('A', 'rel'), fake('B', 'rel'), fake('C', 'rel'), fake('D', 'rel')];
    // A 30 → worker (0 < 10); B 15 → here (10 + 15); C 8 → here (33); D 2 → worker (30 < 33).
    expect([...workerShare(files, (f) => sizes.get(f.display)!)].map((f) => f.display).sort()).toEqual(['A', 'D']);
    sizes.set('A', 12);
    // B 15 → worker; A 12 → here (22); C 8 → worker (15 < 22); D 2 → here (23 ≥ 22).
    expect([...workerShare(files, (f) => sizes.get(f.display)!)].map((f) => f.display).sort()).toEqual(['B', 'C']);
  });

  it('reports the same problems as one thread, in file order', () => {
    expect(one.errorCount).toBe(9);
    expect(two.errorCount).toBe(one.errorCount);
    expect(two.errors).toEqual(one.errors);
    const reasons = two.errors.map((e) => `${path.basename(e.file)} ${e.column}`);
    expect(reasons).toEqual([
      'Resident.csv cultivationStage',
      'ACQUAINTANCE.csv to', 'ACQUAINTANCE.csv id', 'ACQUAINTANCE.csv since', 'ACQUAINTANCE.csv to',
      'ATTENDANCE.csv to', 'ATTENDANCE.csv id', 'ATTENDANCE.csv role', 'ATTENDANCE.csv from',
    ]);
  });

  it('stages the same rows and summarises the files alike', async () => {
    expect(two.csv.summaries).toEqual(one.csv.summaries);
    expect(two.files.map((f) => [f.source.display, f.rows, [...f.invalid].sort()])).toEqual(one.files.map((f) => [f.source.display, f.rows, [...f.invalid].sort()]));
    const [a, b] = [await stagedRows(path.join(work, 'one')), await stagedRows(path.join(work, 'two'))];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, rows] of a) expect(b.get(key), key).toEqual(rows);
    expect([...a.values()].reduce((n, r) => n + r.length, 0)).toBeGreaterThan(10_000);
  });
});
