/**
 * The demo `npm start` loads ends on the day it is generated (src/demo/calendar.ts), so the default
 * analytics window — the 365 days up to the end of today — is covered by data and says nothing of
 * missing days. Loaded through the same service as `npm start` (loadDemo), with today's UTC date.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDemoState } from '../../../src/db/repositories/meta.ts';
import { writeDemoDataset } from '../../../src/demo/generate.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { loadDemo, loadDemoIfEmpty } from '../../../src/services/demo/load-demo.ts';
import { importDataset } from '../../../src/services/import/import-dataset.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import { removeCommunityData, snapshot, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
let analyst: string;
const communityId = uniqueId('demo-today');
const resumedId = uniqueId('demo-resumed');
const today = new Date().toISOString().slice(0, 10);
const DAY = 86_400_000;

beforeAll(async () => {
  api = await startTestApi();
  const summary = await loadDemo(api.db, 'small', { end: today, communityId });
  expect(summary.errorCount).toBe(0);
  analyst = (await createToken(api.db, { role: 'ANALYST', communities: [communityId], name: 'demo calendar test' })).token;
}, 240_000);

afterAll(async () => {
  if (api) await removeCommunityData(api.db, [communityId, resumedId]);
  await api?.close();
});

async function ok(query: string): Promise<any> {
  const r = await api.gql(query, { c: communityId }, analyst);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

describe(`a demo generated to end today (${today})`, () => {
  it('has its data range end today and start three years before', async () => {
    const d = await ok('query($c: ID!) { centrality(network: {communityId: $c}, measure: DEGREE) { network { dataFrom dataTo } } }');
    const { dataFrom, dataTo } = d.centrality.network;
    expect(dataTo.slice(0, 10)).toBe(today);
    const span = (new Date(dataTo).getTime() - new Date(dataFrom).getTime()) / DAY;
    expect(span).toBeGreaterThan(1094);
    expect(span).toBeLessThan(1097);
  });

  it('answers the default window (the 365 days up to today) with data and no coverage warning', async () => {
    const d = await ok(`query($c: ID!) {
      activeResidents(communityId: $c) { network { from to empty message nodeCount edgeCount } residents(first: 1) { totalCount edges { node { score } } } }
      centrality(network: {communityId: $c}, measure: PAGERANK) { network { empty message edgeCount } scores(first: 1) { totalCount } } }`);
    const a = d.activeResidents;
    expect(new Date(a.network.to).getTime() - new Date(a.network.from).getTime()).toBe(365 * DAY);
    expect(a.network.from.slice(0, 10) <= today && a.network.to.slice(0, 10) >= today).toBe(true);
    expect(a.network).toMatchObject({ empty: false, message: null });
    expect(a.network.edgeCount).toBeGreaterThan(1000);
    expect(a.residents.edges[0].node.score).toBeGreaterThan(0);
    expect(d.centrality.network).toMatchObject({ empty: false, message: null });
    expect(d.centrality.scores.totalCount).toBeGreaterThan(1000);
  });

  it('still says so when a window runs past its end', async () => {
    const to = new Date(Date.parse(today) + 200 * DAY).toISOString().slice(0, 10);
    const from = new Date(Date.parse(to) - 365 * DAY).toISOString().slice(0, 10);
    const d = await ok(`query($c: ID!) { centrality(network: {communityId: $c, from: "${from}", to: "${to}"}, measure: DEGREE) { network { empty message } } }`);
    expect(d.centrality.network.empty).toBe(false);
    expect(d.centrality.network.message).toMatch(/^Only 16[56] of this window's 365 days have data/);
  });
});

describe('a demo load interrupted on an earlier day', () => {
  it('is finished with the calendar it was started with, not the end given now', async () => {
    // What an interruption leaves: the demo's community (its createdAt is the calendar's first day)
    // and no mark that the load finished.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reweave-demo-interrupted-'));
    try {
      await writeDemoDataset({ preset: 'small', communityId: resumedId, end: '2026-03-15' }, dir, 'csv');
      const partial = await mkdtemp(path.join(os.tmpdir(), 'reweave-demo-partial-'));
      try {
        await copyFile(path.join(dir, 'Community.csv'), path.join(partial, 'Community.csv'));
        expect((await importDataset(api.db, folderSource(partial), {})).errorCount).toBe(0);
      } finally {
        await rm(partial, { recursive: true, force: true });
      }
      const before = await api.db.read((tx) => getDemoState(tx, resumedId));
      expect(before).toMatchObject({ demoFound: true, demoLoaded: false });
      expect(before.demoFirstDay?.toISOString()).toBe('2023-03-16T00:00:00.000Z');

      const resumed = await loadDemoIfEmpty(api.db, 'small', { end: '2026-12-01', communityId: resumedId });
      expect(resumed?.end).toBe('2026-03-15');
      expect(resumed?.summary.errorCount).toBe(0);
      expect((await api.db.read((tx) => getDemoState(tx, resumedId))).demoLoaded).toBe(true);
      // Exactly the rows of the demo it was started as: loading that dataset again changes nothing.
      const stored = await snapshot(api.db, resumedId);
      const again = await importDataset(api.db, folderSource(dir), {});
      expect(again.totals).toMatchObject({ created: 0, updated: 0 });
      expect(await snapshot(api.db, resumedId)).toBe(stored);
      // Finished, it is left alone.
      expect(await loadDemoIfEmpty(api.db, 'small', { end: '2026-12-01', communityId: resumedId })).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
