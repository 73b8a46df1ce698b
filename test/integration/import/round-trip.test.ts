/**
 * Round trip on the `small` demo: generate → import → export (CSV and JSON) → import into an empty
 * database → the same node and relationship counts and the same property values; and importing the
 * same files twice leaves counts and a checksum of all properties unchanged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { writeDemoDataset } from '../../../src/demo/generate.ts';
import { exportNetwork } from '../../../src/services/export/export-network.ts';
import { FolderSink } from '../../../src/services/export/sink.ts';
import { importDataset } from '../../../src/services/import/import-dataset.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { removeCommunityData, testDatabase, uniqueId } from '../../helpers/api.ts';
import { digestCommunity, type CommunityDigest } from '../../helpers/checksum.ts';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from '../../helpers/throwaway-neo4j.ts';

const communityId = uniqueId('demo-rt');
let source: Database;
let target: Database;
let empty: ThrowawayNeo4j;
let work: string;
let original: CommunityDigest;

const ctx = (db: Database): ServiceContext => ({ db, principal: { tokenId: 'test', role: 'ADMIN', communities: ['*'] }, now: () => new Date(), pseudonymSecret: 'x' });

async function wipe(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run('MATCH (n) WHERE n.communityId = $c CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS', { c: communityId });
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'reweave-roundtrip-'));
  source = testDatabase();
  await writeDemoDataset({ preset: 'small', communityId }, path.join(work, 'generated'), 'csv');
  const first = await importDataset(source, folderSource(path.join(work, 'generated')));
  expect(first.errorCount).toBe(0);
  original = await digestCommunity(source, communityId);
  empty = await startThrowawayNeo4j({ heapMb: 768, pageCacheMb: 128 });
  target = testDatabase(empty.uri, empty);
  await migrate(target);
}, 240_000);

afterAll(async () => {
  await removeCommunityData(source, [communityId]);
  await source?.close();
  await target?.close();
  await empty?.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('small demo', () => {
  it('has the shape of a community', () => {
    expect(original.nodes.Resident).toBeGreaterThan(1900);
    expect(original.relationships.KNOWS).toBeGreaterThan(5000);
    expect(original.relationships.CHANGED).toBeGreaterThan(0);
  });

  it('imports the same files twice without changing anything', async () => {
    const again = await importDataset(source, folderSource(path.join(work, 'generated')));
    expect(again.totals.created + again.totals.updated).toBe(0);
    expect(again.totals.unchanged).toBe(again.totals.rows);
    expect(await digestCommunity(source, communityId)).toEqual(original);
  }, 120_000);

  it.each(['csv', 'json'] as const)('survives export as %s and import into an empty database', async (format) => {
    const dir = path.join(work, `export-${format}`);
    const summary = await exportNetwork(ctx(source), { communityId, network: 'FULL', format }, new FolderSink(dir));
    expect(summary.nodeCount).toBe(Object.values(original.nodes).reduce((a, b) => a + b, 0));
    await wipe(target);
    const imported = await importDataset(target, folderSource(dir));
    expect(imported.errors).toEqual([]);
    expect(await digestCommunity(target, communityId)).toEqual(original);
  }, 180_000);
});
