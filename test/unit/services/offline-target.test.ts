/**
 * What `npm run import` in auto mode says when it cannot bulk-load: only what is true. The local
 * database's state is stubbed (a running instance, a store holding one node); no Neo4j is started.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const local = vi.hoisted(() => ({ pid: undefined as number | undefined, nodes: 0 }));

vi.mock('../../../src/db/local/neo4j-local.ts', () => ({
  localNeo4jStatus: async () => (local.pid === undefined ? { running: false } : { running: true, pid: local.pid }),
  startLocalNeo4j: async () => ({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', stop: async () => {} }),
}));
vi.mock('../../../src/db/local/bulk-import.ts', () => ({ localStoreExists: () => true }));
vi.mock('../../../src/db/repositories/import.ts', () => ({ countDataNodes: async () => local.nodes }));
vi.mock('../../../src/db/database.ts', () => ({
  Database: class {
    read<T>(work: (tx: unknown) => Promise<T>): Promise<T> {
      return work(null);
    }
    async close(): Promise<void> {}
  },
}));

const { offlineTarget } = await import('../../../src/services/import/offline-target.ts');
const config = { NEO4J_URI: undefined } as unknown as Parameters<typeof offlineTarget>[0];

beforeEach(() => {
  local.pid = undefined;
  local.nodes = 0;
});

describe('offlineTarget: what auto mode says when it imports online', () => {
  it('a running local Neo4j: imports through it, and does not tell the worker to stop it', async () => {
    local.pid = 4242;
    const target = await offlineTarget(config, '/tmp/reweave-data', () => {});
    expect(target).toMatchObject({ possible: false, online: 'importing through the local Neo4j already running (pid 4242) / 通过正在运行的本地数据库导入' });
    if (target.possible) return;
    expect(target.online).not.toMatch(/stop|db:stop|停止/);
    // --mode offline still says why, with the way to make it possible.
    expect(target.reason).toContain('a bulk load needs it stopped (npm run db:stop)');
  });

  it('a store holding one node: "1 node", not "1 nodes"', async () => {
    local.nodes = 1;
    const target = await offlineTarget(config, '/tmp/reweave-data', () => {});
    expect(target).toMatchObject({ possible: false });
    if (target.possible) return;
    expect(target.reason).toContain('already holds 1 node;');
    expect(target.online).toBe('importing through Cypher into the local database, which already holds 1 node / 本地数据库已有 1 个节点，通过 Cypher 导入');
  });

  it('many nodes: the plural, with thousands separated', async () => {
    local.nodes = 12_345;
    const target = await offlineTarget(config, '/tmp/reweave-data', () => {});
    expect(target.possible ? '' : target.reason).toContain('already holds 12,345 nodes;');
  });
});
