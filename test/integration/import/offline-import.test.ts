/**
 * The offline path (Neo4j's bulk importer into an empty, stopped local database, its rows checked and
 * staged on two threads) against the online (Cypher) path on the `small` demo: the same nodes and
 * relationships, the same properties with the same Neo4j value types, the same schema; a second
 * import over the offline-loaded database goes online and finds everything unchanged; and the
 * offline path is refused where it cannot apply.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import type { Database } from '../../../src/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../../src/db/local/neo4j-local.ts';
import { writeDemoDataset } from '../../../src/demo/generate.ts';
import { importDataset } from '../../../src/services/import/import-dataset.ts';
import { importOffline, type OfflineSummary } from '../../../src/services/import/import-offline.ts';
import { offlineTarget } from '../../../src/services/import/offline-target.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import { removeCommunityData, testDatabase, uniqueId } from '../../helpers/api.ts';
import { digestCommunity } from '../../helpers/checksum.ts';

const communityId = uniqueId('demo-offline');
const now = new Date('2026-01-02T03:04:05.678Z');
const local = loadConfig({});
let work: string;
let dataDir: string;
let instance: LocalNeo4j | undefined;
let offlineDb: Database | undefined;
let onlineDb: Database;
let offline: OfflineSummary;

const files = () => folderSource(path.join(work, 'generated'));

async function rows(db: Database, query: string): Promise<unknown[]> {
  const session = db.driver.session();
  try {
    const result = await session.run(query, { c: communityId });
    return result.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** Every property key with its Neo4j value type, per label or relationship type (the checksum cannot tell 1 from 1.0). */
const TYPES_OF_NODES = 'MATCH (n) WHERE n.communityId = $c UNWIND keys(n) AS k RETURN labels(n) AS label, k, valueType(n[k]) AS type, count(*) AS count ORDER BY label[0], k, type';
const TYPES_OF_RELS = 'MATCH (a)-[r]->() WHERE a.communityId = $c UNWIND keys(r) AS k RETURN type(r) AS rel, k, valueType(r[k]) AS type, count(*) AS count ORDER BY rel, k, type';
const SCHEMA = "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN * ORDER BY name";

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'reweave-offline-'));
  dataDir = path.join(work, 'neo4j');
  await writeDemoDataset({ preset: 'small', communityId }, path.join(work, 'generated'), 'csv');
  offline = await importOffline(files(), {
    dataDir,
    overwrite: false,
    now,
    // Two threads, as a large dataset gets (parallel-check.ts): the load must still equal the online one.
    parallelCheck: true,
    log: () => {},
    startDatabase: async () => {
      instance = await startLocalNeo4j({ dataDir, heapMb: 768, pageCacheMb: 128, txLogMb: 64, log: () => {} });
      offlineDb = testDatabase(instance.uri, instance);
      return offlineDb;
    },
  });
  onlineDb = testDatabase();
  const online = await importDataset(onlineDb, files(), { now });
  expect(online.errorCount).toBe(0);
}, 300_000);

afterAll(async () => {
  await removeCommunityData(onlineDb, [communityId]);
  await onlineDb?.close();
  await offlineDb?.close();
  await instance?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('offline import of the small demo', () => {
  it('creates every row', () => {
    expect(offline.written).toBe(true);
    expect(offline.errorCount).toBe(0);
    expect(offline.totals.created).toBe(offline.totals.rows);
    expect(offline.totals.rows).toBeGreaterThan(30_000);
  });

  it('writes the same graph as the Cypher path', async () => {
    const a = await digestCommunity(offlineDb!, communityId);
    const b = await digestCommunity(onlineDb, communityId);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.relationships).toEqual(b.relationships);
    expect(a.relationships.CHANGED).toBeGreaterThan(0);
    expect(a.sha256).toBe(b.sha256);
  }, 60_000);

  it('stores the same Neo4j value types', async () => {
    expect(await rows(offlineDb!, TYPES_OF_NODES)).toEqual(await rows(onlineDb, TYPES_OF_NODES));
    expect(await rows(offlineDb!, TYPES_OF_RELS)).toEqual(await rows(onlineDb, TYPES_OF_RELS));
  }, 60_000);

  it('ends with the same, online schema as a migrated database', async () => {
    const schema = await rows(offlineDb!, SCHEMA);
    expect(schema.length).toBeGreaterThan(60);
    expect(schema).toEqual(await rows(onlineDb, SCHEMA));
  });

  it('finds everything unchanged when the same files are imported again (online)', async () => {
    const again = await importDataset(offlineDb!, files());
    expect(again.totals.created + again.totals.updated).toBe(0);
    expect(again.totals.unchanged).toBe(again.totals.rows);
  }, 120_000);
});

describe('when offline is impossible', () => {
  it('refuses a server named by NEO4J_URI', async () => {
    const target = await offlineTarget(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' }), dataDir, () => {});
    expect(target).toMatchObject({ possible: false, reason: expect.stringContaining('NEO4J_URI') });
  });

  it('refuses a local database that is running', async () => {
    const target = await offlineTarget(local, dataDir, () => {});
    expect(target).toMatchObject({ possible: false, reason: expect.stringContaining('running') });
  });

  it('refuses a stopped local database that holds data', async () => {
    await offlineDb?.close();
    offlineDb = undefined;
    await instance?.stop();
    instance = undefined;
    const target = await offlineTarget(local, dataDir, () => {});
    expect(target).toMatchObject({ possible: false, reason: expect.stringContaining('already holds') });
  }, 180_000);

  it('accepts a data dir with no database yet', async () => {
    expect(await offlineTarget(local, path.join(work, 'fresh'), () => {})).toEqual({ possible: true, dataDir: path.join(work, 'fresh'), overwrite: false });
  });
});
