import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo, writeDemoDataset } from '../../../src/demo/generate.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reweave-demo-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every file of a dataset folder, name → sha256 of its bytes. */
const digest = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));

async function streamHash(seed: number): Promise<string> {
  const hash = createHash('sha256');
  await generateDemo({ preset: 'small', seed }, async (file, row) => {
    hash.update(`${file}\t${JSON.stringify(row)}\n`);
  });
  return hash.digest('hex');
}

describe('demo generator determinism', () => {
  it('writes byte-identical CSV datasets for the same seed', async () => {
    const a = tempDir();
    const b = tempDir();
    const countsA = await writeDemoDataset({ preset: 'small' }, a);
    const countsB = await writeDemoDataset({ preset: 'small' }, b);
    expect(countsB).toEqual(countsA);
    const files = digest(a);
    expect(Object.keys(files)).toContain('Resident.csv');
    expect(Object.keys(files)).toContain('STATE_CHANGE.csv');
    expect(digest(b)).toEqual(files);
  });

  it('gives a different community for a different seed, and the same rows for the default seed given explicitly', async () => {
    const implicit = await streamHash(20240601);
    const other = await streamHash(7);
    expect(other).not.toBe(implicit);
    const hash = createHash('sha256');
    await generateDemo({ preset: 'small' }, async (file, row) => {
      hash.update(`${file}\t${JSON.stringify(row)}\n`);
    });
    expect(hash.digest('hex')).toBe(implicit);
  });
});
