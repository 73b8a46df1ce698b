/**
 * The demo community (synthetic, src/demo) generated into a temporary dataset folder and loaded by
 * the importer — the same path a community worker's files take. `npm start` does this once, into an
 * empty database, so a new user sees a living community at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { countCommunities } from '../../db/repositories/meta.ts';
import { writeDemoDataset, type DemoPreset } from '../../demo/generate.ts';
import { importDataset } from '../import/import-dataset.ts';
import type { ImportSummary, OnProgress } from '../import/report.ts';
import { folderSource } from '../import/source.ts';

export async function loadDemo(db: Database, preset: DemoPreset, options: { seed?: number; onProgress?: OnProgress } = {}): Promise<ImportSummary> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-demo-${preset}-`));
  try {
    await writeDemoDataset({ preset, ...(options.seed !== undefined ? { seed: options.seed } : {}) }, dir, 'csv');
    return await importDataset(db, folderSource(dir), options.onProgress ? { onProgress: options.onProgress } : {});
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Loads the demo only into a database without any community; returns null when it did nothing. */
export async function loadDemoIfEmpty(db: Database, preset: DemoPreset, onProgress?: OnProgress): Promise<ImportSummary | null> {
  if ((await db.read((tx) => countCommunities(tx))) > 0) return null;
  return loadDemo(db, preset, onProgress ? { onProgress } : {});
}
