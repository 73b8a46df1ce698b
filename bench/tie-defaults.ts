/**
 * What the co-attendance cap (NetworkInput.maxActivitySize, src/graph/spec.ts) does to the default
 * tie network of the `small` demo: for each cap, the ties, the share of them that co-attendance
 * alone makes, the share crossing housing types (Krackhardt & Stern's E/(E+I)) and the mean degree,
 * over the demo's last full year. docs/analytics.md quotes its table.
 *
 * Run: npm run bench:tie-defaults   (starts a throwaway local Neo4j, or uses NEO4J_URI)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eiIndex } from '../src/analytics/bridging/ei-index.ts';
import { Database } from '../src/db/database.ts';
import { startLocalNeo4j } from '../src/db/local/neo4j-local.ts';
import { migrate } from '../src/db/migrate.ts';
import { dataRange } from '../src/db/repositories/graph.ts';
import { projectNetwork } from '../src/graph/project.ts';
import { demoCommunityId, loadDemo } from '../src/services/demo/load-demo.ts';

const CAPS = [1_000_000, 100, 50, 30, 20, 15, 10, 5];

async function main(): Promise<void> {
  const external = process.env.NEO4J_URI;
  const dataDir = external ? null : await mkdtemp(path.join(os.tmpdir(), 'reweave-bench-ties-'));
  const neo4j = dataDir ? await startLocalNeo4j({ dataDir, heapMb: 1024, log: () => {} }) : null;
  const uri = external ?? neo4j!.uri;
  const auth = neo4j ?? { username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'neo4j' };
  const db = new Database({ uri, username: auth.username, password: auth.password, retrySeconds: 30 });
  try {
    await migrate(db);
    const communityId = demoCommunityId('small');
    const loaded = await loadDemo(db, 'small');
    if (loaded.errorCount > 0) throw new Error(`demo: ${loaded.errorCount} rows refused`);
    const range = await dataRange(db, communityId);
    // The last full calendar year of the data.
    const last = range.last!;
    const year = last.getUTCMonth() === 11 && last.getUTCDate() === 31 ? last.getUTCFullYear() : last.getUTCFullYear() - 1;
    const from = new Date(Date.UTC(year, 0, 1));
    const to = new Date(Date.UTC(year + 1, 0, 1));
    console.log(`small demo, window ${from.toISOString().slice(0, 10)} – ${to.toISOString().slice(0, 10)} (data ${range.first!.toISOString().slice(0, 10)} – ${range.last!.toISOString().slice(0, 10)})`);
    console.log('| maxActivitySize | ties | of which co-attendance only | crossing housing types | mean degree |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const cap of CAPS) {
      const g = await projectNetwork(db, { communityId, network: 'TIES', window: { from, to }, maxActivitySize: cap });
      let coattendanceOnly = 0;
      g.forEachEdge((_, a) => {
        if (a.coattendance > 0 && a.acquaintance === 0 && a.comembership === 0 && a.exchange === 0 && a.cowork === 0) coattendanceOnly += 1;
      });
      const ei = eiIndex(g, { group: 'housingType', permutations: 0 });
      const label = cap >= 1_000_000 ? 'no cap' : String(cap);
      const share = (x: number) => `${(100 * x).toFixed(1)} %`;
      console.log(`| ${label} | ${g.size.toLocaleString('en')} | ${share(coattendanceOnly / Math.max(g.size, 1))} | ${(ei.network.crossingShare ?? 0).toFixed(3)} | ${((2 * g.size) / g.order).toFixed(1)} |`);
    }
  } finally {
    await db.close();
    await neo4j?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
