/**
 * The demo community (synthetic, src/demo) generated into a temporary dataset folder and loaded by
 * the importer — the same path a community worker's files take. `npm start` does this once, into an
 * empty database, while it already serves; an interrupted load (its community exists but was never
 * marked loaded) is resumed on the next start, which the idempotent import makes safe. The demo's
 * calendar ends on `end` (YYYY-MM-DD): `npm start` passes today's date unless REWEAVE_DEMO_END pins
 * it; without it the generator's pinned end applies (2025-12-31), as in tests and benches. A
 * resumed load regenerates the calendar the interrupted one had (read back from its community's
 * first day), so a load interrupted yesterday is finished with yesterday's rows, not mixed with today's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { getDemoState, markDemoLoaded } from '../../db/repositories/meta.ts';
import { demoEndFromFirstDay, PINNED_DEMO_END } from '../../demo/calendar.ts';
import { writeDemoDataset, type DemoPreset } from '../../demo/generate.ts';
import { importDataset } from '../import/import-dataset.ts';
import type { ImportSummary, OnProgress } from '../import/report.ts';
import { folderSource } from '../import/source.ts';

export const demoCommunityId = (preset: DemoPreset) => `demo-${preset}`;

export interface LoadDemoOptions {
  seed?: number;
  /** The last day of the demo's calendar, YYYY-MM-DD. */
  end?: string;
  /** Default demo-<preset>. */
  communityId?: string;
  onProgress?: OnProgress;
}

export async function loadDemo(db: Database, preset: DemoPreset, options: LoadDemoOptions = {}): Promise<ImportSummary> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-demo-${preset}-`));
  try {
    const { seed, end, communityId = demoCommunityId(preset) } = options;
    await writeDemoDataset({ preset, communityId, ...(seed !== undefined ? { seed } : {}), ...(end !== undefined ? { end } : {}) }, dir, 'csv');
    const summary = await importDataset(db, folderSource(dir), options.onProgress ? { onProgress: options.onProgress } : {});
    if (summary.written && summary.errorCount === 0) await db.write((tx) => markDemoLoaded(tx, communityId, new Date()));
    return summary;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Loads the demo into a database without any community, or finishes an interrupted load; else null.
 * Says which calendar end it used (a resumed load keeps the interrupted one's).
 */
export async function loadDemoIfEmpty(db: Database, preset: DemoPreset, options: LoadDemoOptions = {}): Promise<{ summary: ImportSummary; end: string } | null> {
  const state = await db.read((tx) => getDemoState(tx, options.communityId ?? demoCommunityId(preset)));
  const empty = state.communities === 0;
  const interrupted = state.demoFound && !state.demoLoaded;
  if (!empty && !interrupted) return null;
  const end = interrupted && state.demoFirstDay ? demoEndFromFirstDay(state.demoFirstDay) : options.end ?? PINNED_DEMO_END;
  return { summary: await loadDemo(db, preset, { ...options, end }), end };
}
